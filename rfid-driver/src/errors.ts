/**
 * The one error class of @dunkirk/rfid-driver. Code branches on `code` (or the
 * `disconnected` / `canceled` flags), never on message text; user-facing text
 * comes from {@link describeError} at the edge.
 */
export type RfidErrorCode =
  // codecs (ISO 28560, ISO 15962)
  | 'CRC_MISMATCH'
  | 'TRUNCATED'
  | 'BAD_LENGTH'
  | 'BAD_PRECURSOR'
  | 'BAD_COMPACTION'
  | 'DUPLICATE_OID'
  | 'BAD_VALUE'
  | 'BAD_CHECKSUM'
  | 'UNKNOWN_FORMAT'
  // frames and readers
  | 'BAD_FRAME'
  | 'READER_STATUS'
  | 'TAG_NOT_FOUND'
  | 'TIMEOUT'
  | 'UNSUPPORTED'
  // transports
  | 'DISCONNECTED'
  | 'CANCELED'
  | 'OPEN_FAILED'
  | 'NOT_OPEN'
  | 'CONFIG';

export interface RfidErrorDetails {
  /** Byte offset in the input where the problem was found. */
  offset?: number;
  /** Name of the field or element concerned. */
  field?: string;
  /** Device path or transport name. */
  path?: string;
  expected?: number | string;
  actual?: number | string;
  /** Reader or ISO 15693 status byte. */
  status?: number;
}

export class RfidError extends Error {
  override readonly name = 'RfidError';
  constructor(
    readonly code: RfidErrorCode,
    readonly details: RfidErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(`${code}${formatDetails(details)}`, options);
  }
  /** The link to the reader is gone (unplugged, port closed); reconnecting may help. */
  get disconnected(): boolean {
    return this.code === 'DISCONNECTED';
  }
  /** The operation was aborted by the caller or by closing the transport. */
  get canceled(): boolean {
    return this.code === 'CANCELED';
  }
}

export function isRfidError(e: unknown, code?: RfidErrorCode): e is RfidError {
  return e instanceof RfidError && (code === undefined || e.code === code);
}

function formatDetails(d: RfidErrorDetails): string {
  const parts = Object.entries(d)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'number' && k !== 'offset' ? `0x${v.toString(16)}` : String(v)}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export type Locale = 'fr' | 'en' | 'nl';

const messages: Record<RfidErrorCode, Record<Locale, string>> = {
  CRC_MISMATCH: {
    fr: 'Données de l’étiquette corrompues (CRC invalide).',
    en: 'Tag data is corrupted (CRC mismatch).',
    nl: 'Taggegevens zijn beschadigd (CRC klopt niet).',
  },
  TRUNCATED: {
    fr: 'Données de l’étiquette incomplètes.',
    en: 'Tag data is incomplete.',
    nl: 'Taggegevens zijn onvolledig.',
  },
  BAD_LENGTH: { fr: 'Longueur invalide.', en: 'Invalid length.', nl: 'Ongeldige lengte.' },
  BAD_PRECURSOR: {
    fr: 'Élément de données mal formé.',
    en: 'Malformed data element.',
    nl: 'Ongeldig gegevenselement.',
  },
  BAD_COMPACTION: {
    fr: 'Schéma de compaction inconnu ou invalide.',
    en: 'Unknown or invalid compaction scheme.',
    nl: 'Onbekend of ongeldig compactieschema.',
  },
  DUPLICATE_OID: {
    fr: 'Élément de données répété.',
    en: 'Data element repeated.',
    nl: 'Gegevenselement herhaald.',
  },
  BAD_VALUE: { fr: 'Valeur invalide.', en: 'Invalid value.', nl: 'Ongeldige waarde.' },
  BAD_CHECKSUM: {
    fr: 'Somme de contrôle d’un bloc d’extension invalide.',
    en: 'Extension block checksum is wrong.',
    nl: 'Controlesom van een uitbreidingsblok klopt niet.',
  },
  UNKNOWN_FORMAT: {
    fr: 'Format d’étiquette inconnu.',
    en: 'Unknown tag format.',
    nl: 'Onbekend tagformaat.',
  },
  BAD_FRAME: {
    fr: 'Trame du lecteur invalide.',
    en: 'Invalid reader frame.',
    nl: 'Ongeldig lezerframe.',
  },
  READER_STATUS: {
    fr: 'Le lecteur a signalé une erreur.',
    en: 'The reader reported an error.',
    nl: 'De lezer meldde een fout.',
  },
  TAG_NOT_FOUND: {
    fr: 'Étiquette absente du lecteur.',
    en: 'Tag is not on the reader.',
    nl: 'Tag ligt niet op de lezer.',
  },
  TIMEOUT: {
    fr: 'Le lecteur ne répond pas.',
    en: 'The reader did not answer.',
    nl: 'De lezer antwoordt niet.',
  },
  UNSUPPORTED: {
    fr: 'Opération non prise en charge par ce lecteur.',
    en: 'Operation not supported by this reader.',
    nl: 'Bewerking niet ondersteund door deze lezer.',
  },
  DISCONNECTED: {
    fr: 'Lecteur déconnecté.',
    en: 'Reader disconnected.',
    nl: 'Lezer losgekoppeld.',
  },
  CANCELED: { fr: 'Opération annulée.', en: 'Operation canceled.', nl: 'Bewerking geannuleerd.' },
  OPEN_FAILED: {
    fr: 'Impossible d’ouvrir le lecteur.',
    en: 'Could not open the reader.',
    nl: 'Kan de lezer niet openen.',
  },
  NOT_OPEN: {
    fr: 'Le lecteur n’est pas ouvert.',
    en: 'The reader is not open.',
    nl: 'De lezer is niet geopend.',
  },
  CONFIG: {
    fr: 'Configuration du lecteur invalide.',
    en: 'Invalid reader configuration.',
    nl: 'Ongeldige lezerconfiguratie.',
  },
};

/** A sentence for people, in French, English or Dutch, for an error code. */
export function describeError(code: RfidErrorCode, locale: Locale = 'fr'): string {
  return messages[code][locale];
}
