/**
 * ESC/POS receipts for serial thermal printers (the command set Epson defined and most kiosk printers
 * follow). Text is encoded in code page 858 (CP850 with the euro sign), which every ESC/POS printer
 * has, so French and Dutch accents print.
 */
import iconv from 'iconv-lite';

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;

/** ESC @: initialise the printer (clears modes left by a previous job). */
export const INIT = Uint8Array.of(ESC, 0x40);
/** ESC t 19: select character code table 19 = PC858 (Euro). */
export const CODE_PAGE_858 = Uint8Array.of(ESC, 0x74, 19);
/** ESC E n: emphasised (bold) on/off. */
export const BOLD_ON = Uint8Array.of(ESC, 0x45, 1);
export const BOLD_OFF = Uint8Array.of(ESC, 0x45, 0);
/** ESC a n: justification 0 left, 1 centre. */
export const ALIGN_LEFT = Uint8Array.of(ESC, 0x61, 0);
export const ALIGN_CENTER = Uint8Array.of(ESC, 0x61, 1);
/** ESC d n: print and feed n lines. */
export const feed = (lines: number) => Uint8Array.of(ESC, 0x64, Math.max(0, Math.min(255, lines)));
/** GS V 66 n: feed n dots then partial cut (function B), so the last line clears the cutter. */
export const CUT = Uint8Array.of(GS, 0x56, 66, 0);

export interface ReceiptLine {
  text: string;
  bold?: boolean;
  center?: boolean;
}

function text(value: string, width: number): Uint8Array {
  // Control characters in data must never reach the printer as commands.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
  const wrapped: string[] = [];
  for (const paragraph of clean.split(/\s*\n\s*/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      if (!word) continue;
      if (line && (line + ' ' + word).length > width) {
        wrapped.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
      while (line.length > width) {
        wrapped.push(line.slice(0, width));
        line = line.slice(width);
      }
    }
    wrapped.push(line);
  }
  return iconv.encode(wrapped.join('\n') + '\n', 'cp858');
}

/** One receipt job: init, code page, the lines (wrapped to `width` columns), feed and cut. */
export function encodeReceipt(lines: ReceiptLine[], options: { width?: number } = {}): Uint8Array {
  const width = options.width ?? 42;
  const parts: Uint8Array[] = [INIT, CODE_PAGE_858];
  for (const line of lines) {
    parts.push(line.center ? ALIGN_CENTER : ALIGN_LEFT);
    if (line.bold) parts.push(BOLD_ON);
    parts.push(text(line.text, width));
    if (line.bold) parts.push(BOLD_OFF);
  }
  parts.push(ALIGN_LEFT, feed(3), CUT);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export { LF };
