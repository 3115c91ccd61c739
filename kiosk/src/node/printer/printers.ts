/**
 * Receipt printers behind the session's `Printer` port: a serial ESC/POS printer, and a simulated one
 * for the demo and tests that keeps each job (bytes and readable text) in a folder.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import type { Printer } from '../loan/ports';
import { encodeReceipt, type ReceiptLine } from './escpos';

export class SerialReceiptPrinter implements Printer {
  private port: SerialPort | null = null;

  constructor(
    private readonly path: string,
    private readonly baudRate = 19200,
  ) {}

  get connected(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    const port = new SerialPort({ path: this.path, baudRate: this.baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    port.on('close', () => (this.port = null));
    this.port = port;
  }

  async print(lines: string[]): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw new Error(`receipt printer ${this.path} is not open`);
    const job = encodeReceipt(toReceiptLines(lines));
    await new Promise<void>((resolve, reject) =>
      port.write(Buffer.from(job), (err) =>
        err ? reject(err) : port.drain((e) => (e ? reject(e) : resolve())),
      ),
    );
  }

  async close(): Promise<void> {
    const port = this.port;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}

/** Writes each job to `<dir>/receipt-<n>.escpos` and appends its text to `<dir>/receipts.txt`. */
export class SimulatedPrinter implements Printer {
  readonly connected = true;
  private count = 0;
  readonly jobs: string[][] = [];

  constructor(private readonly dir: string | null = null) {
    if (dir) mkdirSync(dir, { recursive: true });
  }

  async print(lines: string[]): Promise<void> {
    this.jobs.push(lines);
    if (!this.dir) return;
    this.count++;
    writeFileSync(join(this.dir, `receipt-${this.count}.escpos`), encodeReceipt(toReceiptLines(lines)));
    appendFileSync(join(this.dir, 'receipts.txt'), `${lines.join('\n')}\n${'-'.repeat(42)}\n`);
  }
}

/** The first line (the library) centred and bold; the rest as they come. */
export function toReceiptLines(lines: string[]): ReceiptLine[] {
  return lines.map((text, i) => (i === 0 ? { text, bold: true, center: true } : { text }));
}
