import type { Locale } from '@dunkirk/content';

/**
 * A row or entry an importer could not take, or took with a repair. Imports go on after an issue:
 * the rest of the file is imported, and the curator sees where to fix the source.
 */
export const importIssueCodes = [
  /** A required field is empty. */
  'FIELD_MISSING',
  /** A field has a value of the wrong form (a latitude that is not a number, a time that is not H:MM:SS). */
  'FIELD_INVALID',
  /** A row refers to an id that no valid row defines (a trip's route, a stop time's stop). */
  'REFERENCE_UNKNOWN',
  /** An id already used earlier in the same file. */
  'DUPLICATE',
  /** The CSV row itself is broken (column count, quotes). */
  'ROW_MALFORMED',
  /** Understood but not supported (a LineString in a points file, an opening-hours rule too rich). */
  'UNSUPPORTED',
  /** A valid point outside the tour's map area: the visitor's map would never show it. */
  'OUTSIDE_AREA',
] as const;
export type ImportIssueCode = (typeof importIssueCodes)[number];

export interface ImportIssue {
  code: ImportIssueCode;
  /** The file as the curator named it (path or name inside a zip). */
  file: string;
  /** 1-based line where the row or entry starts (the CSV header is line 1). */
  line: number;
  /** The column, or the JSON pointer of the member, at fault. */
  field: string;
  /** What was found and what happened to the row, in English (the CLI prints it). */
  detail: string;
  /** Whether the row was dropped (`skipped`) or kept with the field left out or defaulted (`kept`). */
  outcome: 'skipped' | 'kept';
}

/** One sentence per code for the authoring UI, in the three languages. */
export const importIssueMessages: Record<ImportIssueCode, Record<Locale, string>> = {
  FIELD_MISSING: {
    en: 'A required field is empty.',
    fr: 'Un champ obligatoire est vide.',
    nl: 'Een verplicht veld is leeg.',
  },
  FIELD_INVALID: {
    en: 'A field does not have the expected form.',
    fr: "Un champ n'a pas la forme attendue.",
    nl: 'Een veld heeft niet de verwachte vorm.',
  },
  REFERENCE_UNKNOWN: {
    en: 'The row refers to something that is not defined.',
    fr: "La ligne renvoie à un élément qui n'est pas défini.",
    nl: 'De rij verwijst naar iets dat niet gedefinieerd is.',
  },
  DUPLICATE: {
    en: 'This identifier is already used.',
    fr: 'Cet identifiant est déjà utilisé.',
    nl: 'Deze identificatie is al in gebruik.',
  },
  ROW_MALFORMED: {
    en: 'The row cannot be read.',
    fr: 'La ligne est illisible.',
    nl: 'De rij kan niet gelezen worden.',
  },
  UNSUPPORTED: {
    en: 'This is not supported and was left out.',
    fr: "Ceci n'est pas pris en charge et a été ignoré.",
    nl: 'Dit wordt niet ondersteund en is weggelaten.',
  },
  OUTSIDE_AREA: {
    en: "This place lies outside the tour's map area and was left out.",
    fr: 'Ce lieu est hors de la zone de carte du parcours et a été ignoré.',
    nl: 'Deze plek ligt buiten het kaartgebied van de route en is weggelaten.',
  },
};

/** `stops.txt:3 stop_lat FIELD_INVALID: 'north' is not a latitude (row skipped)` */
export function formatIssue(issue: ImportIssue): string {
  return `${issue.file}:${issue.line} ${issue.field} ${issue.code}: ${issue.detail} (${issue.outcome === 'skipped' ? 'row skipped' : 'row kept'})`;
}

/** `[west, south, east, north]` in WGS84, the tour's `map.bounds`. */
export type Bounds = readonly [number, number, number, number];

/** Whether `[lon, lat]` lies inside `bounds` (edges included). */
export function inBounds([lon, lat]: readonly [number, number], [w, s, e, n]: Bounds): boolean {
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

/** Collects issues for one file; importers call `skip` or `keep` and go on. */
export function issueSink(file: string, into: ImportIssue[]) {
  const add =
    (outcome: ImportIssue['outcome']) =>
    (line: number, field: string, code: ImportIssueCode, detail: string): void =>
      void into.push({ code, file, line, field, detail, outcome });
  return { skip: add('skipped'), keep: add('kept') };
}
