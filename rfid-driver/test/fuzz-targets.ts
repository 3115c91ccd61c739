/** Frame parsers and splitters under the property tests. */
import * as m3 from '../src/readers/3m/protocol';
import * as feig from '../src/readers/feig/protocol';
import * as hid from '../src/readers/hid/protocol';
import { parseRequest, parseSystemInfo, checkCrc } from '../src/iso15693/commands';
import { RfidError } from '../src/errors';

/** Runs every parser on the same bytes; RfidErrors are expected outcomes, anything else escapes. */
const all =
  (...parsers: ((b: Uint8Array) => unknown)[]) =>
  (b: Uint8Array) =>
    parsers.map((f) => {
      try {
        return f(b);
      } catch (e) {
        if (e instanceof RfidError) return e;
        throw e;
      }
    });

export const fuzzTargets: [string, (b: Uint8Array) => unknown][] = [
  ['3m decodeFrame', m3.decodeFrame],
  ['3m splitter', (b) => new m3.Splitter3m().push(b)],
  [
    '3m answers',
    all(m3.answer.inventory, m3.answer.readAfi, m3.answer.version, (p) => m3.answer.read(p, 0, 2)),
  ],
  ['feig decodeFrame', feig.decodeFrame],
  ['feig splitter', (b) => new feig.SplitterFeig().push(b)],
  [
    'feig answers',
    all(
      feig.answer.inventory,
      (d) => feig.answer.readMultiple(d, 2),
      feig.answer.systemInfo,
      feig.answer.version,
    ),
  ],
  ['hid decodeFrame', hid.decodeFrame],
  ['hid splitter', (b) => new hid.SplitterHid().push(b)],
  ['iso15693 parseRequest', parseRequest],
  ['iso15693 parseSystemInfo', parseSystemInfo],
  ['iso15693 checkCrc', checkCrc],
];
