import type { NarrationLocale } from './voices';

/**
 * Abbreviations after which a full stop never ends a sentence: titles and ranks placed before a name,
 * "number", "saint", and Latin/Dutch shorthands that are always followed by more words.
 * Compared lower-case, without the final dot.
 */
const NEVER_FINAL: Record<NarrationLocale, readonly string[]> = {
  fr: [
    'm',
    'mm',
    'mme',
    'mmes',
    'mlle',
    'dr',
    'pr',
    'me',
    'st',
    'ste',
    'gén',
    'gal',
    'cdt',
    'cne',
    'lt',
    'sgt',
    'cpl',
    'n°',
    'no',
    'p',
    'av',
    'bd',
    'cf',
    'c.-à-d',
    'p. ex',
    'ex',
    'env',
    'vol',
  ],
  en: [
    'mr',
    'mrs',
    'ms',
    'dr',
    'prof',
    'st',
    'gen',
    'capt',
    'cdr',
    'lt',
    'col',
    'maj',
    'adm',
    'sgt',
    'cpl',
    'pte',
    'no',
    'nos',
    'vs',
    'e.g',
    'i.e',
    'cf',
    'approx',
    'fig',
    'rev',
    'mt',
  ],
  nl: [
    'dhr',
    'mevr',
    'mr',
    'dr',
    'prof',
    'st',
    'gen',
    'kpt',
    'lt',
    'kol',
    'sgt',
    'korp',
    'nr',
    'bijv',
    'o.a',
    'd.w.z',
    'ca',
    'vgl',
    'z.g.a.n',
    'resp',
  ],
};

const TERMINAL = new Set(['.', '!', '?', '…']);
/** Characters that close a quotation or bracket and belong to the sentence they follow. */
const CLOSERS = new Set(['"', '”', '’', "'", '»', ')', ']']);

/**
 * Splits narration text into sentences for synthesis, one cue each.
 *
 * A sentence ends at `.`, `!`, `?` or `…` (or runs of them) followed by white space and a capital letter, a digit,
 * an opening quote or a dash, or by the end of the text. Closing quotes after the mark stay with the sentence,
 * including French spaced quotes (`« Vite ! »`). A dot does not end a sentence after a known abbreviation
 * (`M.`, `Capt.`, `bijv.`), after a single initial (`W. Tennant`), or inside a number (`1.5`, `26.05.1940`).
 */
export function splitSentences(text: string, locale: NarrationLocale): string[] {
  const src = text.replace(/\s+/g, ' ').trim();
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;
    if (!TERMINAL.has(ch)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < src.length && TERMINAL.has(src[end] as string)) end++;
    // absorb closing quotes, also the French form with a (non-breaking) space before »
    for (;;) {
      if (CLOSERS.has(src[end] as string)) end++;
      else if (/[ \u00a0\u202f]/.test(src[end] ?? '') && src[end + 1] === '»') end += 2;
      else break;
    }
    const atEnd = end >= src.length;
    const followedBySpace = !atEnd && /\s/.test(src[end] as string);
    const nextChar = src.slice(end).trimStart()[0] ?? '';
    const opensSentence = /[\p{Lu}\p{N}"“«‘'(—–-]/u.test(nextChar);
    const isDotOnly = ch === '.' && end - i === 1 + countClosers(src, i + 1, end);
    if (atEnd || (followedBySpace && opensSentence && !(isDotOnly && dotIsNotFinal(src, start, i, locale)))) {
      const s = src.slice(start, end).trim();
      if (s) out.push(s);
      start = end;
    }
    i = end;
  }
  const rest = src.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

function countClosers(src: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (!TERMINAL.has(src[k] as string)) n++;
  return n;
}

/** True when the single dot at `dot` belongs to an abbreviation, an initial, or a number. */
function dotIsNotFinal(src: string, sentenceStart: number, dot: number, locale: NarrationLocale): boolean {
  const before = src.slice(sentenceStart, dot);
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  const bare = word.replace(/^[«"“‘'(]+/, '').toLowerCase();
  if (/^\p{Lu}$/u.test(word.replace(/^[«"“‘'(]+/, ''))) return true; // an initial: "W. Tennant"
  if (NEVER_FINAL[locale].includes(bare)) return true;
  // two-word abbreviations such as "p. ex."
  const twoWords = /(\S+ \S+)$/.exec(before)?.[1]?.toLowerCase();
  return twoWords !== undefined && NEVER_FINAL[locale].includes(twoWords);
}
