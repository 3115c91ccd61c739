import type { GeoErrorCode } from './GeoError';

export type GeoLocale = 'fr' | 'en' | 'nl';

/**
 * What to tell a visitor or a curator for each error code, in the three languages of the tours.
 * The app translates at the edge: `geoErrorMessages[err.code][locale]`.
 */
export const geoErrorMessages: Readonly<Record<GeoErrorCode, Readonly<Record<GeoLocale, string>>>> = {
  PERMISSION_DENIED: {
    fr: 'La localisation est refusée. Autorisez-la dans les réglages du navigateur, ou utilisez « Je suis ici » à chaque étape.',
    en: 'Location access is denied. Allow it in your browser settings, or use “I’m here” at each stop.',
    nl: 'Locatietoegang is geweigerd. Sta die toe in de browserinstellingen, of gebruik „Ik ben hier” bij elke stop.',
  },
  POSITION_UNAVAILABLE: {
    fr: 'Recherche de votre position… Restez à découvert un instant.',
    en: 'Looking for your position… Stay in the open for a moment.',
    nl: 'Uw positie wordt gezocht… Blijf even in de open lucht.',
  },
  TIMEOUT: {
    fr: 'Votre position tarde à arriver. La visite continue dès qu’elle revient.',
    en: 'Your position is slow to arrive. The tour carries on as soon as it returns.',
    nl: 'Uw positie laat op zich wachten. De tour gaat verder zodra die terug is.',
  },
  UNSUPPORTED: {
    fr: 'Cet appareil ne fournit pas de position. Utilisez « Je suis ici » à chaque étape.',
    en: 'This device does not provide a position. Use “I’m here” at each stop.',
    nl: 'Dit toestel geeft geen positie. Gebruik „Ik ben hier” bij elke stop.',
  },
  GPX_INVALID: {
    fr: 'Ce fichier GPX est illisible.',
    en: 'This GPX file cannot be read.',
    nl: 'Dit GPX-bestand is onleesbaar.',
  },
  GEOJSON_INVALID: {
    fr: 'Ce GeoJSON ne contient pas de tracé lisible.',
    en: 'This GeoJSON holds no readable route.',
    nl: 'Deze GeoJSON bevat geen leesbare route.',
  },
  ROUTE_TOO_SHORT: {
    fr: 'Le tracé doit compter au moins deux points.',
    en: 'The route needs at least two points.',
    nl: 'De route heeft minstens twee punten nodig.',
  },
  POINT_INVALID: {
    fr: 'Un point ou une étape a une position ou une zone invalide.',
    en: 'A point or stop has an invalid position or zone.',
    nl: 'Een punt of stop heeft een ongeldige positie of zone.',
  },
  STOP_UNKNOWN: {
    fr: 'Cette étape ne fait pas partie de la visite.',
    en: 'This stop is not part of the tour.',
    nl: 'Deze stop hoort niet bij de tour.',
  },
  OPTION_INVALID: {
    fr: 'Réglage de localisation invalide.',
    en: 'Invalid location setting.',
    nl: 'Ongeldige locatie-instelling.',
  },
};
