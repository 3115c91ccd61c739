import { SipError } from './SipError';

/**
 * Splits a byte stream into SIP2 messages. SIP2 §2.00 ends each message with CR; many
 * systems send CRLF and some a bare LF, so any run of CR/LF ends a frame. CR and LF never
 * occur inside a UTF-8, Latin-1 or code page 850 character, so splitting bytes is safe.
 * Chunk boundaries may fall anywhere.
 */
export class SipFrameReader {
  private pending: Buffer[] = [];
  private pendingLength = 0;

  constructor(private readonly maxFrameBytes = 64 * 1024) {}

  /** Feed a chunk; returns the complete frames it finished, without terminators. */
  push(chunk: Uint8Array): Buffer[] {
    const frames: Buffer[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b !== 0x0d && b !== 0x0a) continue;
      const piece = Buffer.from(chunk.buffer, chunk.byteOffset + start, i - start);
      start = i + 1;
      if (this.pendingLength === 0 && piece.length === 0) continue;
      const frame = this.pendingLength === 0 ? Buffer.from(piece) : Buffer.concat([...this.pending, piece]);
      this.pending = [];
      this.pendingLength = 0;
      if (frame.length > 0) frames.push(frame);
    }
    if (start < chunk.length) {
      const rest = Buffer.from(chunk.subarray(start));
      this.pending.push(rest);
      this.pendingLength += rest.length;
      if (this.pendingLength > this.maxFrameBytes) {
        this.pending = [];
        this.pendingLength = 0;
        throw new SipError('FRAME_TOO_LONG', `no terminator within ${this.maxFrameBytes} bytes`, {
          maxFrameBytes: this.maxFrameBytes,
        });
      }
    }
    return frames;
  }

  reset(): void {
    this.pending = [];
    this.pendingLength = 0;
  }
}
