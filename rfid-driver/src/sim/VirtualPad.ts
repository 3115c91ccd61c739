/**
 * The field of a simulated reader: tags placed on and lifted off the pad,
 * ISO 15693 exchanges routed to them, and the air time each exchange costs.
 */
import { inventoryRequest, parseInventoryResponse } from '../iso15693/commands';
import { normaliseUid } from '../iso15693/uid';
import {
  collisionSlotTime,
  emptySlotTime,
  exchangeTime,
  requestTime,
  respondingSlotTime,
} from '../iso15693/timing';
import { Emitter } from '../transport/Emitter';
import { VirtualTag, type TagSpec, type TagState } from './VirtualTag';

export interface PadEvents {
  change: (tags: TagState[]) => void;
}

export interface InventoryResult {
  tags: { uid: string; dsfid: number }[];
  airTimeUs: number;
  /** Slots in which more than one tag replied, over all rounds. */
  collisions: number;
}

export interface ExchangeResult {
  /** Tag reply PDU, undefined when nobody answered. */
  response: Uint8Array | undefined;
  airTimeUs: number;
}

export class VirtualPad {
  private tags = new Map<string, VirtualTag>();
  private events = new Emitter<PadEvents>();

  constructor(specs: TagSpec[] = []) {
    for (const s of specs) this.place(s);
  }

  on<K extends keyof PadEvents>(e: K, l: PadEvents[K]): () => void {
    return this.events.on(e, l);
  }

  place(spec: TagSpec): VirtualTag {
    const tag = new VirtualTag(spec);
    tag.onLifted = () => this.lift(tag.uid);
    this.tags.set(tag.uid, tag);
    this.changed();
    return tag;
  }

  lift(uid: string): boolean {
    const ok = this.tags.delete(normaliseUid(uid));
    if (ok) this.changed();
    return ok;
  }

  clear(): void {
    this.tags.clear();
    this.changed();
  }

  get(uid: string): VirtualTag | undefined {
    return this.tags.get(normaliseUid(uid));
  }

  state(): TagState[] {
    return [...this.tags.values()].map((t) => t.state());
  }

  /** Fault: the tag leaves the field after `blocks` more blocks are written. */
  liftDuringWrite(uid: string, blocks: number): void {
    const t = this.get(uid);
    if (t) t.writesBeforeLift = blocks;
  }

  changed(): void {
    this.events.emit('change', this.state());
  }

  /**
   * 16-slot inventory with the reader's anticollision: every slot in which
   * tags collide is resolved by a new round with the mask extended by that
   * slot's 4 bits (ISO 15693-3 Annex D).
   */
  inventory(afi?: number): InventoryResult {
    const found: { uid: string; dsfid: number }[] = [];
    let air = 0;
    let collisions = 0;
    const round = (maskLength: number, mask: bigint) => {
      const req = inventoryRequest({ ...(afi !== undefined ? { afi } : {}), maskLength, mask });
      air += requestTime(req.length);
      const bySlot = new Map<number, VirtualTag[]>();
      for (const t of this.tags.values()) {
        if (!t.handle(req)) continue;
        const s = t.slotFor(maskLength);
        bySlot.set(s, [...(bySlot.get(s) ?? []), t]);
      }
      for (let slot = 0; slot < 16; slot++) {
        const inSlot = bySlot.get(slot) ?? [];
        if (inSlot.length === 0) air += emptySlotTime();
        else if (inSlot.length === 1) {
          air += respondingSlotTime();
          found.push(parseInventoryResponse(inSlot[0]!.handle(req)!));
        } else {
          air += collisionSlotTime();
          collisions++;
        }
      }
      for (const [slot, inSlot] of bySlot) {
        if (inSlot.length > 1 && maskLength + 4 <= 60)
          round(maskLength + 4, mask | (BigInt(slot) << BigInt(maskLength)));
      }
    };
    round(0, 0n);
    return { tags: found, airTimeUs: air, collisions };
  }

  /** One addressed or non-addressed exchange: the first tag that answers is heard. */
  exchange(request: Uint8Array): ExchangeResult {
    let response: Uint8Array | undefined;
    for (const t of [...this.tags.values()]) {
      const r = t.handle(request);
      if (r) {
        response = r;
        break;
      }
    }
    const air = response
      ? exchangeTime(request.length, response.length)
      : requestTime(request.length) + emptySlotTime();
    if (response && request[1] !== 0x20 && request[1] !== 0x23 && request[1] !== 0x2b) this.changed();
    return { response, airTimeUs: air };
  }
}
