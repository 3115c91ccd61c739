/**
 * A simulated ISO 15693 tag (NXP ICODE SLIX-like): user memory in 4-byte
 * blocks, AFI (lockable), DSFID, EAS bit. `handle()` answers request PDUs as
 * the tag would, or returns undefined when the tag stays silent.
 */
import {
  CMD,
  FLAG,
  ISO_ERROR,
  NXP,
  inventoryResponse,
  parseRequest,
  systemInfoResponse,
} from '../iso15693/commands';
import { normaliseUid } from '../iso15693/uid';
import { concat, fromHex, toHex } from '../bytes';

export interface TagSpec {
  uid: string;
  /** User memory as hex; padded with zeros to `blockCount` blocks. */
  data?: string;
  afi?: number;
  eas?: boolean;
  dsfid?: number;
  blockCount?: number;
  afiLocked?: boolean;
  /** Blocks that are write-protected. */
  lockedBlocks?: number[];
}

export interface TagState {
  uid: string;
  data: string;
  afi: number;
  eas: boolean;
  dsfid: number;
  afiLocked: boolean;
}

const err = (code: number) => Uint8Array.of(0x01, code);

export class VirtualTag {
  readonly uid: string;
  readonly blockSize = 4;
  readonly blockCount: number;
  memory: Uint8Array;
  afi: number;
  eas: boolean;
  dsfid: number;
  afiLocked: boolean;
  lockedBlocks: Set<number>;
  /** Blocks still writable before the tag leaves the field (fault injection: lifted mid-write). */
  writesBeforeLift: number | undefined;
  onLifted: (() => void) | undefined;

  constructor(spec: TagSpec) {
    this.uid = normaliseUid(spec.uid);
    this.blockCount = spec.blockCount ?? 28;
    this.memory = new Uint8Array(this.blockCount * this.blockSize);
    if (spec.data) this.memory.set(fromHex(spec.data).subarray(0, this.memory.length));
    this.afi = spec.afi ?? 0;
    this.eas = spec.eas ?? false;
    this.dsfid = spec.dsfid ?? 0;
    this.afiLocked = spec.afiLocked ?? false;
    this.lockedBlocks = new Set(spec.lockedBlocks ?? []);
  }

  state(): TagState {
    return {
      uid: this.uid,
      data: toHex(this.memory),
      afi: this.afi,
      eas: this.eas,
      dsfid: this.dsfid,
      afiLocked: this.afiLocked,
    };
  }

  /** Answers one request PDU (CRC already checked), or undefined for silence. */
  handle(pdu: Uint8Array): Uint8Array | undefined {
    let req;
    try {
      req = parseRequest(pdu);
    } catch {
      return undefined;
    }
    if (req.uid !== undefined && req.uid !== this.uid) return undefined;
    const p = req.params;
    switch (req.command) {
      case CMD.INVENTORY: {
        if (!(req.flags & FLAG.INVENTORY)) return undefined;
        let o = 0;
        if (req.flags & FLAG.AFI) {
          const afi = p[o++];
          // AFI 0 matches every tag; otherwise family (high nibble) and subfamily must match (ISO 15693-3 §8.1)
          if (afi !== 0 && afi !== undefined && !matchesAfi(afi, this.afi)) return undefined;
        }
        const maskLength = p[o++] ?? 0;
        if (!this.matchesMask(maskLength, p.subarray(o))) return undefined;
        return inventoryResponse(this.dsfid, this.uid);
      }
      case CMD.READ_SINGLE:
      case CMD.READ_MULTIPLE: {
        const first = p[0];
        const count = req.command === CMD.READ_SINGLE ? 1 : (p[1] ?? -1) + 1;
        if (first === undefined || count < 1) return err(ISO_ERROR.NOT_RECOGNISED);
        if (first + count > this.blockCount) return err(ISO_ERROR.BLOCK_NOT_AVAILABLE);
        const parts: number[] = [0x00];
        for (let b = first; b < first + count; b++) {
          if (req.flags & FLAG.OPTION) parts.push(this.lockedBlocks.has(b) ? 1 : 0);
          parts.push(...this.memory.subarray(b * 4, b * 4 + 4));
        }
        return Uint8Array.from(parts);
      }
      case CMD.WRITE_SINGLE:
      case CMD.WRITE_MULTIPLE: {
        const first = p[0];
        const count = req.command === CMD.WRITE_SINGLE ? 1 : (p[1] ?? -1) + 1;
        const data = p.subarray(req.command === CMD.WRITE_SINGLE ? 1 : 2);
        if (first === undefined || count < 1 || data.length !== count * 4)
          return err(ISO_ERROR.NOT_RECOGNISED);
        if (first + count > this.blockCount) return err(ISO_ERROR.BLOCK_NOT_AVAILABLE);
        for (let b = first; b < first + count; b++)
          if (this.lockedBlocks.has(b)) return err(ISO_ERROR.BLOCK_LOCKED_CANNOT_CHANGE);
        for (let i = 0; i < count; i++) {
          if (this.writesBeforeLift !== undefined) {
            if (this.writesBeforeLift <= 0) {
              this.writesBeforeLift = undefined;
              this.onLifted?.();
              return undefined; // gone: no answer
            }
            this.writesBeforeLift--;
          }
          this.memory.set(data.subarray(i * 4, i * 4 + 4), (first + i) * 4);
        }
        return Uint8Array.of(0x00);
      }
      case CMD.WRITE_AFI:
        if (this.afiLocked) return err(ISO_ERROR.BLOCK_LOCKED_CANNOT_CHANGE);
        if (p[0] === undefined) return err(ISO_ERROR.NOT_RECOGNISED);
        this.afi = p[0];
        return Uint8Array.of(0x00);
      case CMD.LOCK_AFI:
        this.afiLocked = true;
        return Uint8Array.of(0x00);
      case CMD.WRITE_DSFID:
        this.dsfid = p[0] ?? this.dsfid;
        return Uint8Array.of(0x00);
      case CMD.GET_SYSTEM_INFO:
        return systemInfoResponse({
          uid: this.uid,
          dsfid: this.dsfid,
          afi: this.afi,
          blockCount: this.blockCount,
          blockSize: this.blockSize,
          icReference: 0x01,
        });
      case CMD.NXP_SET_EAS:
      case CMD.NXP_RESET_EAS:
        if (req.manufacturer !== NXP) return undefined;
        this.eas = req.command === CMD.NXP_SET_EAS;
        return Uint8Array.of(0x00);
      case CMD.NXP_EAS_ALARM:
        if (req.manufacturer !== NXP || !this.eas) return undefined;
        return concat([0x00], new Uint8Array(32).fill(0x5a)); // EAS sequence (content not specified here)
      default:
        return err(ISO_ERROR.NOT_SUPPORTED);
    }
  }

  /** Mask bits are compared with the UID from its least significant bit (ISO 15693-3 §8.2). */
  private matchesMask(maskLength: number, mask: Uint8Array): boolean {
    if (maskLength === 0) return true;
    const uid = BigInt('0x' + this.uid);
    let m = 0n;
    mask.forEach((b, i) => (m |= BigInt(b) << BigInt(8 * i)));
    const bits = (1n << BigInt(maskLength)) - 1n;
    return (uid & bits) === (m & bits);
  }

  /** The 16-slot anticollision slot this tag answers in for a given mask length. */
  slotFor(maskLength: number): number {
    return Number((BigInt('0x' + this.uid) >> BigInt(maskLength)) & 0xfn);
  }
}

function matchesAfi(requested: number, own: number): boolean {
  const hiOk = (requested & 0xf0) === 0 || (requested & 0xf0) === (own & 0xf0);
  const loOk = (requested & 0x0f) === 0 || (requested & 0x0f) === (own & 0x0f);
  return hiOk && loOk;
}
