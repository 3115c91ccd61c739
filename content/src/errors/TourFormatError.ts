import type { Locale } from '../schema/primitives';

/**
 * Every way a tour package or source can be refused. Code branches on these,
 * never on message text (STYLE.md habit 5); FORMAT.md lists the same table.
 */
export const tourFormatErrorCodes = [
  'JSON_INVALID',
  'SCHEMA_INVALID',
  'FORMAT_VERSION_UNSUPPORTED',
  'SIGNATURE_MISSING',
  'SIGNATURE_INVALID',
  'KEY_UNKNOWN',
  'KEY_INVALID',
  'ASSET_MISSING',
  'ASSET_UNEXPECTED',
  'ASSET_HASH_MISMATCH',
  'ASSET_SIZE_MISMATCH',
  'ASSET_TOO_LARGE',
  'PACKAGE_TOO_LARGE',
  'REF_UNKNOWN',
  'TRANSLATION_MISSING',
  'ZIP_CORRUPT',
  'ZIP_PATH_UNSAFE',
  'ZIP_TOO_MANY_ENTRIES',
  'ZIP_TOO_LARGE',
  'ZIP_RATIO',
  'SOURCE_INVALID',
  'OUTPUT_EXISTS',
] as const;

export type TourFormatErrorCode = (typeof tourFormatErrorCodes)[number];

/** Where the fault is. Every field is optional; readers fill in what they know. */
export interface TourFormatErrorDetails {
  /** Path of the file at fault, relative to the package or tour folder (or a zip entry name). */
  file?: string;
  /** RFC 6901 JSON pointer inside that file. */
  pointer?: string;
  /** Byte offset inside that file. */
  offset?: number;
  /** The schema's own words for a SCHEMA_INVALID issue. */
  issue?: string;
  expected?: string | number;
  actual?: string | number;
  limit?: number;
  [key: string]: unknown;
}

/** One short sentence per code and per language; `err.message` uses English plus the details. */
export const tourFormatErrorMessages: Record<TourFormatErrorCode, Record<Locale, string>> = {
  JSON_INVALID: {
    en: 'The file is not valid UTF-8 JSON.',
    fr: "Le fichier n'est pas du JSON UTF-8 valide.",
    nl: 'Het bestand is geen geldige UTF-8 JSON.',
  },
  SCHEMA_INVALID: {
    en: 'The tour description does not match the format.',
    fr: 'La description du parcours ne respecte pas le format.',
    nl: 'De beschrijving van de tour voldoet niet aan het formaat.',
  },
  FORMAT_VERSION_UNSUPPORTED: {
    en: 'This tour uses a format version this app cannot read.',
    fr: 'Ce parcours utilise une version du format que cette application ne sait pas lire.',
    nl: 'Deze tour gebruikt een formaatversie die deze app niet kan lezen.',
  },
  SIGNATURE_MISSING: {
    en: 'The tour is not signed.',
    fr: "Le parcours n'est pas signé.",
    nl: 'De tour is niet ondertekend.',
  },
  SIGNATURE_INVALID: {
    en: 'The signature of the tour is wrong: it may have been altered.',
    fr: 'La signature du parcours est incorrecte : il a pu être modifié.',
    nl: 'De handtekening van de tour klopt niet: de tour is mogelijk gewijzigd.',
  },
  KEY_UNKNOWN: {
    en: 'The tour is signed by a key this app does not trust.',
    fr: 'Le parcours est signé par une clé que cette application ne reconnaît pas.',
    nl: 'De tour is ondertekend met een sleutel die deze app niet vertrouwt.',
  },
  KEY_INVALID: {
    en: 'The key file is not a valid P-256 key in PEM form.',
    fr: "Le fichier de clé n'est pas une clé P-256 valide au format PEM.",
    nl: 'Het sleutelbestand is geen geldige P-256-sleutel in PEM-vorm.',
  },
  ASSET_MISSING: {
    en: 'A file of the tour is missing.',
    fr: 'Un fichier du parcours est manquant.',
    nl: 'Er ontbreekt een bestand van de tour.',
  },
  ASSET_UNEXPECTED: {
    en: 'The package holds a file that the tour does not list.',
    fr: 'Le paquet contient un fichier que le parcours ne déclare pas.',
    nl: 'Het pakket bevat een bestand dat de tour niet vermeldt.',
  },
  ASSET_HASH_MISMATCH: {
    en: 'A file of the tour is damaged or altered (its fingerprint is wrong).',
    fr: 'Un fichier du parcours est abîmé ou modifié (son empreinte est incorrecte).',
    nl: 'Een bestand van de tour is beschadigd of gewijzigd (de vingerafdruk klopt niet).',
  },
  ASSET_SIZE_MISMATCH: {
    en: 'A file of the tour has the wrong size.',
    fr: "Un fichier du parcours n'a pas la bonne taille.",
    nl: 'Een bestand van de tour heeft de verkeerde grootte.',
  },
  ASSET_TOO_LARGE: {
    en: 'A file of the tour is larger than allowed.',
    fr: 'Un fichier du parcours dépasse la taille permise.',
    nl: 'Een bestand van de tour is groter dan toegestaan.',
  },
  PACKAGE_TOO_LARGE: {
    en: 'The tour is larger than allowed.',
    fr: 'Le parcours dépasse la taille permise.',
    nl: 'De tour is groter dan toegestaan.',
  },
  REF_UNKNOWN: {
    en: 'The tour refers to a file it does not list.',
    fr: 'Le parcours fait référence à un fichier qu’il ne déclare pas.',
    nl: 'De tour verwijst naar een bestand dat hij niet vermeldt.',
  },
  TRANSLATION_MISSING: {
    en: 'Some texts are not translated into every language of the tour.',
    fr: 'Certains textes ne sont pas traduits dans toutes les langues du parcours.',
    nl: 'Sommige teksten zijn niet in alle talen van de tour vertaald.',
  },
  ZIP_CORRUPT: {
    en: 'The archive is damaged or uses a feature that is not supported.',
    fr: "L'archive est abîmée ou utilise une fonction non prise en charge.",
    nl: 'Het archief is beschadigd of gebruikt een functie die niet wordt ondersteund.',
  },
  ZIP_PATH_UNSAFE: {
    en: 'The archive holds an unsafe file name or a link.',
    fr: "L'archive contient un nom de fichier dangereux ou un lien.",
    nl: 'Het archief bevat een onveilige bestandsnaam of een koppeling.',
  },
  ZIP_TOO_MANY_ENTRIES: {
    en: 'The archive holds too many files.',
    fr: "L'archive contient trop de fichiers.",
    nl: 'Het archief bevat te veel bestanden.',
  },
  ZIP_TOO_LARGE: {
    en: 'The archive unpacks to more than allowed.',
    fr: "L'archive décompressée dépasse la taille permise.",
    nl: 'Het uitgepakte archief is groter dan toegestaan.',
  },
  ZIP_RATIO: {
    en: 'The archive is compressed suspiciously well (a possible zip bomb).',
    fr: "L'archive est compressée de façon suspecte (peut-être une bombe de décompression).",
    nl: 'Het archief is verdacht sterk gecomprimeerd (mogelijk een zipbom).',
  },
  SOURCE_INVALID: {
    en: 'A file of the tour source is missing or unreadable.',
    fr: 'Un fichier de la source du parcours est manquant ou illisible.',
    nl: 'Een bronbestand van de tour ontbreekt of is onleesbaar.',
  },
  OUTPUT_EXISTS: {
    en: 'The output folder exists and is not a tour package; it was left alone.',
    fr: "Le dossier de sortie existe et n'est pas un paquet de parcours ; il n'a pas été touché.",
    nl: 'De uitvoermap bestaat en is geen tourpakket; ze is ongemoeid gelaten.',
  },
};

function describe(code: TourFormatErrorCode, details: TourFormatErrorDetails): string {
  const where = [details.file, details.pointer].filter((p) => p !== undefined && p !== '').join('#');
  const extra = details.issue ?? '';
  return [tourFormatErrorMessages[code].en, where && `(${where})`, extra].filter(Boolean).join(' ');
}

/** The one error class of `@dunkirk/content`: a stable `code` and structured `details`. */
export class TourFormatError extends Error {
  override readonly name = 'TourFormatError';
  readonly code: TourFormatErrorCode;
  readonly details: TourFormatErrorDetails;

  constructor(
    code: TourFormatErrorCode,
    details: TourFormatErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(describe(code, details), options);
    this.code = code;
    this.details = details;
  }

  /** A message for the visitor or curator in their language. */
  localizedMessage(locale: Locale): string {
    return tourFormatErrorMessages[this.code][locale];
  }

  /** Copy with more details (e.g. the file, once the caller knows it). */
  withDetails(more: TourFormatErrorDetails): TourFormatError {
    return new TourFormatError(this.code, { ...this.details, ...more }, { cause: this.cause });
  }
}

export function isTourFormatError(value: unknown): value is TourFormatError {
  return value instanceof TourFormatError;
}
