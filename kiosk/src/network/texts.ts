/**
 * Screen messages (SIP2 `AF`) the embedded network sends, in French, English and Dutch.
 * Chosen from the request's language field, else the reader's language, else French.
 */
export type Locale = 'fr' | 'en' | 'nl';

const TEXTS = {
  unknownPatron: { fr: 'Carte inconnue.', en: 'Unknown card.', nl: 'Onbekende kaart.' },
  badPin: { fr: 'Code PIN incorrect.', en: 'Wrong PIN.', nl: 'Onjuiste pincode.' },
  unknownItem: { fr: 'Document inconnu.', en: 'Unknown item.', nl: 'Onbekend document.' },
  cardExpired: { fr: 'Votre carte a expiré.', en: 'Your card has expired.', nl: 'Uw kaart is verlopen.' },
  cardLost: { fr: 'Carte déclarée perdue.', en: 'Card reported lost.', nl: 'Kaart als verloren gemeld.' },
  fines: {
    fr: 'Amendes à régler avant tout prêt.',
    en: 'Please pay your fines before borrowing.',
    nl: 'Betaal eerst uw boetes.',
  },
  tooMany: {
    fr: 'Nombre maximal de prêts atteint.',
    en: 'Loan limit reached.',
    nl: 'Maximum aantal uitleningen bereikt.',
  },
  onHoldForOther: {
    fr: 'Document réservé par un autre lecteur.',
    en: 'Reserved for another reader.',
    nl: 'Gereserveerd voor een andere lezer.',
  },
  onLoanToOther: {
    fr: 'Document déjà prêté.',
    en: 'Item already on loan.',
    nl: 'Document is al uitgeleend.',
  },
  checkedOut: { fr: 'Prêt enregistré.', en: 'Loan recorded.', nl: 'Uitlening geregistreerd.' },
  alreadyYours: { fr: 'Déjà prêté à votre nom.', en: 'Already on loan to you.', nl: 'Al aan u uitgeleend.' },
  checkedIn: { fr: 'Retour enregistré.', en: 'Return recorded.', nl: 'Inlevering geregistreerd.' },
  notOnLoan: { fr: 'Document non prêté.', en: 'Item was not on loan.', nl: 'Document was niet uitgeleend.' },
  transit: {
    fr: 'À renvoyer à sa bibliothèque : ',
    en: 'Send back to its library: ',
    nl: 'Terugsturen naar bibliotheek: ',
  },
  holdHere: {
    fr: 'Réservation : à mettre de côté ici.',
    en: 'Reserved: put on the hold shelf here.',
    nl: 'Reservering: hier apart leggen.',
  },
  holdElsewhere: {
    fr: 'Réservation à envoyer à : ',
    en: 'Reservation, send to: ',
    nl: 'Reservering, sturen naar: ',
  },
  renewed: { fr: 'Prolongation enregistrée.', en: 'Renewal recorded.', nl: 'Verlenging geregistreerd.' },
  renewLimit: {
    fr: 'Plus de prolongation possible.',
    en: 'No renewals left.',
    nl: 'Geen verlengingen meer mogelijk.',
  },
  notYourLoan: {
    fr: 'Ce document n’est pas prêté à votre nom.',
    en: 'This item is not on loan to you.',
    nl: 'Dit document is niet aan u uitgeleend.',
  },
  welcome: { fr: 'Bonjour ', en: 'Hello ', nl: 'Hallo ' },
  goodbye: {
    fr: 'À bientôt dans le réseau Les Balises.',
    en: 'See you soon at Les Balises.',
    nl: 'Tot ziens bij Les Balises.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type TextKey = keyof typeof TEXTS;

export function localeOfSipLanguage(code: string | undefined): Locale | undefined {
  if (code === '001') return 'en';
  if (code === '002' || code === '011') return 'fr';
  if (code === '005') return 'nl';
  return undefined;
}

export function text(key: TextKey, locale: Locale = 'fr', suffix = ''): string {
  return TEXTS[key][locale] + suffix;
}
