import type { Locale, Text } from '@dunkirk/content';
import type { PoiCategory } from '@dunkirk/content';

export type LayersLocale = Locale;

/** The text in the visitor's language, else English, else French, else any. */
export function inLocale(text: Text | undefined, locale: LayersLocale): string {
  if (!text) return '';
  return text[locale] ?? text.en ?? text.fr ?? text.nl ?? '';
}

const strings = {
  layers: { fr: 'Couches de la carte', en: 'Map layers', nl: 'Kaartlagen' },
  categories: { fr: 'Catégories', en: 'Categories', nl: 'Categorieën' },
  points: { fr: 'Lieux', en: 'Places', nl: 'Plaatsen' },
  noPoints: {
    fr: 'Aucun lieu : activez une couche.',
    en: 'No places: turn a layer on.',
    nl: 'Geen plaatsen: zet een laag aan.',
  },
  count: { fr: '{n} lieu(x)', en: '{n} place(s)', nl: '{n} plaats(en)' },
  close: { fr: 'Fermer', en: 'Close', nl: 'Sluiten' },
  distance: { fr: 'Distance', en: 'Distance', nl: 'Afstand' },
  walk: {
    fr: '{d} à vol d’oiseau, environ {min} min à pied (le trajet réel est plus long)',
    en: '{d} as the crow flies, about {min} min on foot (the real path is longer)',
    nl: '{d} in vogelvlucht, ongeveer {min} min te voet (de echte weg is langer)',
  },
  noPosition: {
    fr: 'Position inconnue : distance non calculée.',
    en: 'Position unknown: no distance.',
    nl: 'Positie onbekend: geen afstand.',
  },
  hours: { fr: 'Horaires', en: 'Opening hours', nl: 'Openingsuren' },
  hoursUnknown: { fr: 'Horaires non connus', en: 'Opening hours not known', nl: 'Openingsuren niet bekend' },
  openNow: { fr: 'Ouvert maintenant', en: 'Open now', nl: 'Nu open' },
  closedNow: { fr: 'Fermé maintenant', en: 'Closed now', nl: 'Nu gesloten' },
  closedToday: { fr: 'Fermé aujourd’hui', en: 'Closed today', nl: 'Vandaag gesloten' },
  today: { fr: 'Aujourd’hui', en: 'Today', nl: 'Vandaag' },
  source: { fr: 'Source', en: 'Source', nl: 'Bron' },
  licence: { fr: 'Licence', en: 'Licence', nl: 'Licentie' },
  credit: { fr: 'Mention', en: 'Credit', nl: 'Vermelding' },
  sourceId: { fr: 'Identifiant', en: 'Identifier', nl: 'Identificatie' },
  sample: {
    fr: 'Données d’exemple faites à la main',
    en: 'Hand-made sample data',
    nl: 'Zelfgemaakte voorbeeldgegevens',
  },
  website: {
    fr: 'Site web (ouvre une page en ligne)',
    en: 'Web site (opens an online page)',
    nl: 'Website (opent een onlinepagina)',
  },
  offline: {
    fr: 'Hors ligne : ce lien demande une connexion.',
    en: 'Offline: this link needs a connection.',
    nl: 'Offline: deze link vraagt een verbinding.',
  },
  departures: { fr: 'Prochains départs', en: 'Next departures', nl: 'Volgende vertrekken' },
  departuresFrom: {
    fr: 'Prochains départs de {stop}',
    en: 'Next departures from {stop}',
    nl: 'Volgende vertrekken van {stop}',
  },
  noDepartures: {
    fr: 'Aucun départ dans les {h} prochaines heures.',
    en: 'No departure in the next {h} hours.',
    nl: 'Geen vertrek in de volgende {h} uur.',
  },
  time: { fr: 'Heure', en: 'Time', nl: 'Tijd' },
  line: { fr: 'Ligne', en: 'Line', nl: 'Lijn' },
  towards: { fr: 'Direction', en: 'Towards', nl: 'Richting' },
  timetableNote: {
    fr: 'Horaires théoriques enregistrés dans le parcours, sans retards en temps réel.',
    en: 'Scheduled times stored with the tour, without live delays.',
    nl: 'Dienstregeling opgeslagen bij de tour, zonder live vertragingen.',
  },
  getThere: { fr: 'Comment s’y rendre', en: 'How to get there', nl: 'Hoe kom ik er' },
  goTo: { fr: 'Aller à : {target}', en: 'Go to: {target}', nl: 'Naar: {target}' },
  walkOnly: {
    fr: 'À pied : {d} à vol d’oiseau, environ {min} min',
    en: 'On foot: {d} as the crow flies, about {min} min',
    nl: 'Te voet: {d} in vogelvlucht, ongeveer {min} min',
  },
  walkToStop: {
    fr: 'Marcher jusqu’à l’arrêt {stop} ({d} à vol d’oiseau, ~{min} min)',
    en: 'Walk to the stop {stop} ({d} as the crow flies, ~{min} min)',
    nl: 'Wandel naar halte {stop} ({d} in vogelvlucht, ~{min} min)',
  },
  ride: {
    fr: 'Bus {line} à {dep} vers {headsign}, descendre à {stop} à {arr}',
    en: 'Bus {line} at {dep} towards {headsign}, get off at {stop} at {arr}',
    nl: 'Bus {line} om {dep} richting {headsign}, uitstappen aan {stop} om {arr}',
  },
  walkFromStop: {
    fr: 'Puis marcher {d} à vol d’oiseau (~{min} min)',
    en: 'Then walk {d} as the crow flies (~{min} min)',
    nl: 'Dan {d} wandelen in vogelvlucht (~{min} min)',
  },
  arriveAt: { fr: 'Arrivée vers {time}', en: 'Arrive around {time}', nl: 'Aankomst rond {time}' },
  noRide: {
    fr: 'Pas de bus utile bientôt depuis les arrêts proches : à pied, c’est le plus sûr.',
    en: 'No useful bus soon from the nearby stops: walking is the surest way.',
    nl: 'Binnenkort geen nuttige bus vanaf haltes in de buurt: te voet is het zekerst.',
  },
  walkingFaster: { fr: 'À pied, c’est plus rapide.', en: 'Walking is quicker.', nl: 'Te voet is sneller.' },
  straightLine: {
    fr: 'Les distances à pied sont mesurées à vol d’oiseau : comptez davantage.',
    en: 'Walking distances are straight lines: allow for more.',
    nl: 'Wandelafstanden zijn in rechte lijn: reken op meer.',
  },
  library: { fr: 'À lire, à voir', en: 'To read and watch', nl: 'Om te lezen en te kijken' },
  searchCatalogue: {
    fr: 'Chercher dans le catalogue {name}',
    en: 'Search the {name} catalogue',
    nl: 'Zoeken in de catalogus van {name}',
  },
  kind_book: { fr: 'Livre', en: 'Book', nl: 'Boek' },
  kind_film: { fr: 'Film', en: 'Film', nl: 'Film' },
  kind_archive: { fr: 'Archive', en: 'Archive', nl: 'Archief' },
  cat_heritage: { fr: 'Patrimoine', en: 'Heritage', nl: 'Erfgoed' },
  cat_museum: { fr: 'Musées', en: 'Museums', nl: 'Musea' },
  cat_food: { fr: 'Se restaurer', en: 'Food and drink', nl: 'Eten en drinken' },
  cat_lodging: { fr: 'Hébergement', en: 'Where to stay', nl: 'Overnachten' },
  cat_services: { fr: 'Services', en: 'Services', nl: 'Diensten' },
  cat_transport: { fr: 'Transports', en: 'Transport', nl: 'Vervoer' },
  cat_library: { fr: 'Bibliothèques', en: 'Libraries', nl: 'Bibliotheken' },
  centre: {
    fr: 'Centre-ville (place Jean-Bart)',
    en: 'Town centre (Place Jean-Bart)',
    nl: 'Stadscentrum (Place Jean-Bart)',
  },
  tourStart: { fr: 'Départ du parcours', en: 'Start of the tour', nl: 'Begin van de tour' },
  weekdays: {
    fr: 'lun.,mar.,mer.,jeu.,ven.,sam.,dim.',
    en: 'Mon,Tue,Wed,Thu,Fri,Sat,Sun',
    nl: 'ma,di,wo,do,vr,za,zo',
  },
} satisfies Record<string, Record<Locale, string>>;

export type LayersMessage = keyof typeof strings;
export const layersMessages: Readonly<Record<LayersMessage, Record<Locale, string>>> = strings;

/** A message with `{name}` placeholders filled in. */
export function msg(
  locale: LayersLocale,
  key: LayersMessage,
  vars: Record<string, string | number> = {},
): string {
  return strings[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

export function categoryLabel(locale: LayersLocale, category: PoiCategory): string {
  return msg(locale, `cat_${category}`);
}

/** Licence ids the layers use (SPDX, or the French open licence) as their usual names. */
const licenceNames: Readonly<Record<string, string>> = {
  'Licence-Ouverte-2.0': 'Licence Ouverte 2.0 (Etalab)',
  'etalab-2.0': 'Licence Ouverte 2.0 (Etalab)',
  'ODbL-1.0': 'Open Database License (ODbL) 1.0',
  'CC0-1.0': 'CC0 1.0 (public domain dedication)',
  'CC-BY-4.0': 'CC BY 4.0',
  'CC-BY-SA-4.0': 'CC BY-SA 4.0',
};

/** The licence's name as people know it; an id the app does not know is shown as written. */
export function licenceName(id: string): string {
  return licenceNames[id] ?? id;
}

/** "350 m", "1.2 km" / "1,2 km" in the visitor's language. */
export function formatDistance(locale: LayersLocale, metres: number): string {
  if (metres < 1000) return `${Math.round(metres / 10) * 10} m`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(metres / 1000)} km`;
}
