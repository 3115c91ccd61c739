/**
 * The Les Balises network as the embedded server models it.
 *
 * Municipalities: twelve communes of the Communauté urbaine de Dunkerque. The B!B is the
 * network's flagship library in Dunkerque (opened May 2019). Whether each of the other
 * eleven communes belongs to Les Balises could not be confirmed from the sources at hand,
 * so treat the list as a plausible model, not a directory.
 *
 * ISIL codes: no real ISIL could be confirmed (French ISILs are `FR-` + the Abes RCR
 * number). Every code below is FABRICATED in the same shape, `FR-5999900NN`: commune
 * code 999 does not exist in the Nord department, so none can collide with a real one.
 */
export interface MemberLibrary {
  /** Numeric id in the database, also the 2-digit prefix of the library's item barcodes. */
  id: number;
  isil: string;
  name: string;
  municipality: string;
  /** Relative size of the collection (the B!B holds the most). */
  weight: number;
}

const fakeIsil = (n: number): string => `FR-5999900${String(n).padStart(2, '0')}`;

export const MEMBER_LIBRARIES: readonly MemberLibrary[] = [
  { id: 1, isil: fakeIsil(1), name: 'B!B Dunkerque', municipality: 'Dunkerque', weight: 30 },
  {
    id: 2,
    isil: fakeIsil(2),
    name: 'Médiathèque de Grande-Synthe',
    municipality: 'Grande-Synthe',
    weight: 12,
  },
  {
    id: 3,
    isil: fakeIsil(3),
    name: 'Médiathèque de Coudekerque-Branche',
    municipality: 'Coudekerque-Branche',
    weight: 10,
  },
  { id: 4, isil: fakeIsil(4), name: 'Médiathèque de Gravelines', municipality: 'Gravelines', weight: 9 },
  {
    id: 5,
    isil: fakeIsil(5),
    name: 'Médiathèque de Téteghem-Coudekerque-Village',
    municipality: 'Téteghem-Coudekerque-Village',
    weight: 6,
  },
  {
    id: 6,
    isil: fakeIsil(6),
    name: 'Médiathèque de Cappelle-la-Grande',
    municipality: 'Cappelle-la-Grande',
    weight: 6,
  },
  { id: 7, isil: fakeIsil(7), name: 'Médiathèque de Loon-Plage', municipality: 'Loon-Plage', weight: 6 },
  { id: 8, isil: fakeIsil(8), name: 'Médiathèque de Bourbourg', municipality: 'Bourbourg', weight: 5 },
  {
    id: 9,
    isil: fakeIsil(9),
    name: 'Médiathèque de Leffrinckoucke',
    municipality: 'Leffrinckoucke',
    weight: 4,
  },
  { id: 10, isil: fakeIsil(10), name: 'Médiathèque de Bray-Dunes', municipality: 'Bray-Dunes', weight: 4 },
  { id: 11, isil: fakeIsil(11), name: 'Bibliothèque de Zuydcoote', municipality: 'Zuydcoote', weight: 3 },
  {
    id: 12,
    isil: fakeIsil(12),
    name: 'Médiathèque d’Armbouts-Cappel',
    municipality: 'Armbouts-Cappel',
    weight: 5,
  },
];

/**
 * Item types and their loan rules. `mediaType` is the SIP2 §2.00 media type code
 * (000 other, 001 book, 002 magazine, 005 video, 006 CD, 009 book with CD).
 */
export interface ItemType {
  code: string;
  mediaType: string;
  loanDays: number;
  maxRenewals: number;
  /** Share of the collection, in percent. */
  share: number;
  /** Largest number of parts a set of this type has (1 = never a set). */
  maxParts: number;
  /** Floating collection: returned anywhere, the item stays there instead of travelling home. */
  floating: boolean;
}

export const ITEM_TYPES: readonly ItemType[] = [
  { code: 'livre', mediaType: '001', loanDays: 28, maxRenewals: 2, share: 62, maxParts: 1, floating: false },
  { code: 'bd', mediaType: '001', loanDays: 28, maxRenewals: 2, share: 12, maxParts: 1, floating: false },
  { code: 'revue', mediaType: '002', loanDays: 14, maxRenewals: 0, share: 6, maxParts: 1, floating: true },
  { code: 'cd', mediaType: '006', loanDays: 28, maxRenewals: 1, share: 8, maxParts: 2, floating: false },
  { code: 'dvd', mediaType: '005', loanDays: 14, maxRenewals: 1, share: 8, maxParts: 4, floating: false },
  {
    code: 'livre-cd',
    mediaType: '009',
    loanDays: 28,
    maxRenewals: 1,
    share: 3,
    maxParts: 2,
    floating: false,
  },
  { code: 'jeu', mediaType: '000', loanDays: 21, maxRenewals: 0, share: 1, maxParts: 3, floating: false },
];

/** Network-wide rules (one card, the same rules in every member library). */
export const POLICY = {
  maxChargedItems: 30,
  maxHolds: 10,
  /** Fines at or above this block loans (SIP2 patron status "excessive outstanding fines"). */
  fineBlockCents: 1000,
  overdueFineCentsPerDay: 10,
  overdueFineCapCents: 500,
  currency: 'EUR',
} as const;

export function libraryByIsilOrCode(value: string | undefined): MemberLibrary | undefined {
  if (!value) return undefined;
  const v = value.trim();
  return MEMBER_LIBRARIES.find((l) => l.isil === v || String(l.id) === v || l.municipality === v);
}
