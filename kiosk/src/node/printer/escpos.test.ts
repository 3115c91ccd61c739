import { describe, expect, it } from 'vitest';
import { encodeReceipt } from './escpos';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('ESC/POS receipts', () => {
  it('frames a job: ESC @, ESC t 19 (PC858), text, ESC d 3, GS V 66 0', () => {
    const job = encodeReceipt([{ text: 'Prêt' }]);
    expect(hex(job)).toBe(
      [
        '1b40', // ESC @ initialise
        '1b7413', // ESC t 19 code table PC858
        '1b6100', // ESC a 0 left
        '507288740a', // "Prêt" + LF, ê = 0x88 in CP850/858
        '1b6100', // back to left
        '1b6403', // ESC d 3 feed three lines
        '1d564200', // GS V 66 0 feed and partial cut
      ].join(''),
    );
  });

  it('prints the euro sign and Dutch and French accents from code page 858', () => {
    const job = encodeReceipt([{ text: '€ é è à ç ë ï ü' }]);
    const body = job.slice(8, job.length - 10);
    expect(hex(body)).toBe('d5' + '2082' + '208a' + '2085' + '2087' + '2089' + '208b' + '2081' + '0a');
  });

  it('wraps long titles to the paper width and never passes control characters through', () => {
    const job = encodeReceipt(
      [{ text: `Dunkerque\u001b@ 1940 : ${'la '.repeat(20)}fin`, bold: true, center: true }],
      {
        width: 20,
      },
    );
    const text = Buffer.from(job).toString('latin1');
    expect(text).not.toContain('\u001b@ 1940');
    const body = text.slice(text.indexOf('\u001bE\u0001') + 3, text.indexOf('\u001bE\u0000'));
    for (const line of body.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(20);
  });
});
