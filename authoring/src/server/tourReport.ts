import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locale, TourFormatErrorCode } from '@dunkirk/content';
import { locales as allLocales } from '@dunkirk/content';
import { checkSource } from '@dunkirk/content/node';

/** One fault, located in the file and field a curator edits. */
export interface ReportIssue {
  code: TourFormatErrorCode;
  file: string;
  pointer: string;
  issue?: string;
}

/** State of one cell of the stop × scenario × language matrix. */
export type CellState = 'ok' | 'empty' | 'missing-text' | 'missing-media';

export interface MatrixCell {
  stop: string;
  /** Scenario id, or `common` for blocks shown in every scenario. */
  scenario: string;
  locale: Locale;
  state: CellState;
  /** Pointers (in `stops/<stop>.json`) of the texts or media this cell lacks. */
  lacking: string[];
}

export interface MissingMedia {
  file: string;
  pointer: string;
  locale?: Locale;
  /** `audio` = a narration without a track nor a draft voice; `file` = an asset whose file is absent. */
  kind: 'audio' | 'file' | 'unlisted';
  asset?: string;
}

export interface TourReport {
  valid: boolean;
  errors: ReportIssue[];
  missingTranslations: { file: string; pointer: string; missing: Locale[] }[];
  missingMedia: MissingMedia[];
  matrix: MatrixCell[];
}

type Json = Record<string, unknown>;

async function readJsonLoose(path: string): Promise<Json | undefined> {
  try {
    const v = JSON.parse(await readFile(path, 'utf8')) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** Strings that a block shows a visitor, with their pointer (relative to the block). */
function blockTexts(block: Json): { pointer: string; text: Json }[] {
  const out: { pointer: string; text: Json }[] = [];
  const add = (key: string): void => {
    const v = block[key];
    if (typeof v === 'object' && v !== null) out.push({ pointer: `/${key}`, text: v as Json });
  };
  switch (block['type']) {
    case 'narration':
      add('transcript');
      break;
    case 'text':
      add('markdown');
      break;
    case 'image':
      add('alt');
      add('caption');
      break;
    case 'quiz':
      add('question');
      add('explanation');
      break;
    default:
      add('alt');
  }
  return out;
}

/**
 * Everything the editor reports about a tour folder: the format library's own check (errors with
 * file and pointer, missing translations), media a visitor would miss, and the matrix of stops ×
 * scenarios × languages. Reads the files loosely, so a half-written tour still gets its matrix.
 */
export async function tourReport(tourDir: string): Promise<TourReport> {
  const check = await checkSource(tourDir);
  const errors: ReportIssue[] = check.errors.map((e) => ({
    code: e.code,
    file: e.details.file ?? 'tour.json',
    pointer: e.details.pointer ?? '',
    ...(e.details.issue && { issue: String(e.details.issue) }),
  }));

  const tour = await readJsonLoose(join(tourDir, 'tour.json'));
  const tourLocales = (Array.isArray(tour?.['locales']) ? tour['locales'] : allLocales) as Locale[];
  const scenarios = Array.isArray(tour?.['scenarios'])
    ? (tour['scenarios'] as Json[]).map((s) => String(s['id']))
    : [];
  const assets = new Set(
    Array.isArray(tour?.['assets']) ? (tour['assets'] as Json[]).map((a) => String(a['id'])) : [],
  );
  const stopIds = Array.isArray(tour?.['stops']) ? (tour['stops'] as unknown[]).map(String) : [];

  const matrix: MatrixCell[] = [];
  const missingMedia: MissingMedia[] = [];
  for (const stopId of stopIds) {
    const file = `stops/${stopId}.json`;
    const stop = await readJsonLoose(join(tourDir, file));
    if (!stop) continue;
    const lists: [string, unknown][] = [
      ['common', stop['common']],
      ...Object.entries((stop['scenarios'] as Json | undefined) ?? {}),
    ];
    for (const scenario of ['common', ...scenarios]) {
      const list = lists.find(([k]) => k === scenario)?.[1];
      const blocks = (Array.isArray(list) ? list : []) as Json[];
      const base = scenario === 'common' ? '/common' : `/scenarios/${scenario}`;
      for (const locale of tourLocales) {
        const lacking: string[] = [];
        let mediaLacking = false;
        for (const [j, block] of blocks.entries()) {
          for (const t of blockTexts(block)) {
            if (!String(t.text[locale] ?? '').trim()) lacking.push(`${base}/${j}${t.pointer}`);
          }
          if (block['type'] === 'narration') {
            const tracks = (block['tracks'] as Json | undefined) ?? {};
            if (!tracks[locale] && block['draftVoice'] !== true) {
              mediaLacking = true;
              missingMedia.push({ file, pointer: `${base}/${j}/tracks`, locale, kind: 'audio' });
            }
          }
        }
        const state: CellState =
          blocks.length === 0
            ? 'empty'
            : lacking.length > 0
              ? 'missing-text'
              : mediaLacking
                ? 'missing-media'
                : 'ok';
        matrix.push({ stop: stopId, scenario, locale, state, lacking });
      }
      for (const [j, block] of blocks.entries()) {
        for (const key of ['image', 'model', 'then']) {
          const ref = block[key];
          if (typeof ref !== 'string') continue;
          const pointer = `${base}/${j}/${key}`;
          if (!assets.has(ref)) missingMedia.push({ file, pointer, kind: 'unlisted', asset: ref });
          else if (!(await lstat(join(tourDir, ref)).catch(() => undefined))?.isFile()) {
            missingMedia.push({ file, pointer, kind: 'file', asset: ref });
          }
        }
      }
    }
  }
  return {
    valid: errors.length === 0,
    errors,
    missingTranslations: check.missingTranslations,
    missingMedia,
    matrix,
  };
}
