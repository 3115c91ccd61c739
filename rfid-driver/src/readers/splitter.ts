import type { RfidError } from '../errors';

/**
 * Incremental frame splitter: bytes in, whole frames out. Frames may be split
 * across chunks or share one; garbage is skipped and reported. Pure (no
 * streams), so it runs in Node, browsers (Web Serial) and the simulator.
 */
export interface FrameSplitter {
  push(chunk: Uint8Array): { frames: Uint8Array[]; errors: RfidError[] };
  reset(): void;
}

/** Shared buffer handling for length-prefixed splitters. */
export abstract class BufferedSplitter implements FrameSplitter {
  protected buf = new Uint8Array(0);

  push(chunk: Uint8Array): { frames: Uint8Array[]; errors: RfidError[] } {
    const next = new Uint8Array(this.buf.length + chunk.length);
    next.set(this.buf);
    next.set(chunk, this.buf.length);
    this.buf = next;
    const frames: Uint8Array[] = [];
    const errors: RfidError[] = [];
    for (;;) {
      const r = this.next();
      if (r === undefined) break;
      if ('frame' in r) frames.push(r.frame);
      else errors.push(r.error);
    }
    return { frames, errors };
  }

  reset(): void {
    this.buf = new Uint8Array(0);
  }

  protected consume(n: number): Uint8Array {
    const out = this.buf.slice(0, n);
    this.buf = this.buf.slice(n);
    return out;
  }

  /** One frame, one error (after dropping bytes), or undefined when more bytes are needed. */
  protected abstract next(): { frame: Uint8Array } | { error: RfidError } | undefined;
}
