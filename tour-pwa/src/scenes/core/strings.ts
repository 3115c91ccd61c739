/**
 * Every visible or spoken string of the immersive players, in French, English and Dutch.
 * `{name}` placeholders are filled by {@link sceneText}.
 */
import type { Text } from '@dunkirk/content';
import type { ArReason } from './arMode';

export type SceneLocale = 'fr' | 'en' | 'nl';

const table = {
  // re-enactment
  'player.label': { fr: 'Reconstitution en 3D', en: '3D re-enactment', nl: '3D-reconstructie' },
  'player.play': { fr: 'Lecture', en: 'Play', nl: 'Afspelen' },
  'player.pause': { fr: 'Pause', en: 'Pause', nl: 'Pauze' },
  'player.replay': {
    fr: 'Revoir depuis le début',
    en: 'Replay from the start',
    nl: 'Opnieuw vanaf het begin',
  },
  'player.seek': { fr: 'Position dans la scène', en: 'Position in the scene', nl: 'Positie in de scène' },
  'player.time': { fr: '{t} sur {d}', en: '{t} of {d}', nl: '{t} van {d}' },
  'player.subtitles': { fr: 'Sous-titres', en: 'Subtitles', nl: 'Ondertitels' },
  'player.following': {
    fr: 'Synchronisé avec le récit',
    en: 'In step with the narration',
    nl: 'Gelijk met de vertelling',
  },
  'player.loading': { fr: 'Chargement de la scène…', en: 'Loading the scene…', nl: 'Scène laden…' },
  'player.failed': {
    fr: 'La scène 3D n’a pas pu être affichée ; voici les images fixes.',
    en: 'The 3D scene could not be shown; here are the still images.',
    nl: 'De 3D-scène kon niet worden getoond; hier zijn de stilstaande beelden.',
  },
  'stills.label': {
    fr: 'Images fixes de la reconstitution',
    en: 'Still images of the re-enactment',
    nl: 'Stilstaande beelden van de reconstructie',
  },
  'stills.position': { fr: 'Image {n} sur {m}', en: 'Image {n} of {m}', nl: 'Beeld {n} van {m}' },
  'stills.previous': { fr: 'Image précédente', en: 'Previous image', nl: 'Vorig beeld' },
  'stills.next': { fr: 'Image suivante', en: 'Next image', nl: 'Volgend beeld' },
  'stills.reduced': {
    fr: 'Version sans animation (réglage « réduire les animations »).',
    en: 'Version without motion (your “reduce motion” setting).',
    nl: 'Versie zonder beweging (uw instelling „beweging beperken”).',
  },
  // panorama
  'pano.label': { fr: 'Panorama à 360°', en: '360° panorama', nl: '360°-panorama' },
  'pano.help': {
    fr: 'Faites glisser l’image ou utilisez les flèches du clavier pour regarder autour de vous.',
    en: 'Drag the picture or use the arrow keys to look around.',
    nl: 'Sleep het beeld of gebruik de pijltjestoetsen om rond te kijken.',
  },
  'pano.view': {
    fr: 'Vous regardez vers {dir} ({deg}°)',
    en: 'Looking {dir} ({deg}°)',
    nl: 'U kijkt naar {dir} ({deg}°)',
  },
  'pano.motion': {
    fr: 'Suivre les mouvements du téléphone',
    en: 'Follow the phone’s movements',
    nl: 'Bewegingen van de telefoon volgen',
  },
  'pano.motionOff': {
    fr: 'Arrêter de suivre le téléphone',
    en: 'Stop following the phone',
    nl: 'Telefoon niet meer volgen',
  },
  'pano.motionDenied': {
    fr: 'Les capteurs de mouvement ont été refusés : faites glisser l’image pour regarder autour.',
    en: 'Motion sensors were refused: drag the picture to look around.',
    nl: 'Bewegingssensoren werden geweigerd: sleep het beeld om rond te kijken.',
  },
  'pano.hotspots': { fr: 'Points d’intérêt', en: 'Points of interest', nl: 'Bezienswaardigheden' },
  'pano.close': { fr: 'Fermer', en: 'Close', nl: 'Sluiten' },
  'pano.thenNow': { fr: 'Avant / aujourd’hui', en: 'Then / today', nl: 'Toen / nu' },
  'pano.then': { fr: '1940', en: '1940', nl: '1940' },
  'pano.now': { fr: 'Aujourd’hui', en: 'Today', nl: 'Vandaag' },
  'pano.loading': { fr: 'Chargement du panorama…', en: 'Loading the panorama…', nl: 'Panorama laden…' },
  'pano.failed': {
    fr: 'Le panorama n’a pas pu être affiché.',
    en: 'The panorama could not be shown.',
    nl: 'Het panorama kon niet worden getoond.',
  },
  // AR
  'ar.label': { fr: 'Réalité augmentée', en: 'Augmented reality', nl: 'Augmented reality' },
  'ar.start': { fr: 'Ouvrir la vue caméra', en: 'Open the camera view', nl: 'Cameraweergave openen' },
  'ar.enterXr': {
    fr: 'Lancer la réalité augmentée',
    en: 'Start augmented reality',
    nl: 'Augmented reality starten',
  },
  'ar.exitXr': {
    fr: 'Quitter la réalité augmentée',
    en: 'Leave augmented reality',
    nl: 'Augmented reality verlaten',
  },
  'ar.xrPlace': {
    fr: 'Visez le sol puis touchez l’écran pour placer la scène.',
    en: 'Point at the ground, then tap to place the scene.',
    nl: 'Richt op de grond en tik om de scène te plaatsen.',
  },
  'ar.xrGeoWait': {
    fr: 'Recherche de votre position et du nord pour placer la scène…',
    en: 'Finding your position and north to place the scene…',
    nl: 'Uw positie en het noorden zoeken om de scène te plaatsen…',
  },
  'ar.xrPlacedHit': {
    fr: 'La scène est posée sur la surface visée.',
    en: 'The scene stands on the surface you pointed at.',
    nl: 'De scène staat op het oppervlak waarop u richtte.',
  },
  'ar.xrPlacedGeo': {
    fr: 'La scène est placée à son emplacement réel, à {distance} m vers {dir}.',
    en: 'The scene stands at its real place, {distance} m to the {dir}.',
    nl: 'De scène staat op haar echte plaats, {distance} m naar het {dir}.',
  },
  'ar.checking': {
    fr: 'Vérification de la boussole et de la position…',
    en: 'Checking the compass and position…',
    nl: 'Kompas en positie controleren…',
  },
  'ar.intro': {
    fr: 'Tenez le téléphone droit et tournez-vous vers {dir}.',
    en: 'Hold the phone upright and face {dir}.',
    nl: 'Houd de telefoon rechtop en kijk naar het {dir}.',
  },
  'ar.calibrate': { fr: 'Ajuster l’alignement', en: 'Adjust the alignment', nl: 'Uitlijning aanpassen' },
  'ar.calibrateHelp': {
    fr: 'Faites glisser l’image (ou utilisez les boutons) jusqu’à ce que le repère coïncide avec le vrai, puis validez.',
    en: 'Drag the picture (or use the buttons) until the landmark covers the real one, then confirm.',
    nl: 'Sleep het beeld (of gebruik de knoppen) tot het herkenningspunt het echte bedekt, en bevestig.',
  },
  'ar.nudgeLeft': { fr: 'Décaler à gauche', en: 'Shift left', nl: 'Naar links' },
  'ar.nudgeRight': { fr: 'Décaler à droite', en: 'Shift right', nl: 'Naar rechts' },
  'ar.calibrateDone': {
    fr: 'Valider l’alignement',
    en: 'Confirm the alignment',
    nl: 'Uitlijning bevestigen',
  },
  'ar.offset': { fr: 'Correction : {deg}°', en: 'Correction: {deg}°', nl: 'Correctie: {deg}°' },
  'ar.fallbackPanorama': {
    fr: 'Vue panoramique orientée',
    en: 'Compass-aligned panorama',
    nl: 'Op het kompas gericht panorama',
  },
  'ar.fallbackThenNow': { fr: 'Avant / aujourd’hui', en: 'Then / today', nl: 'Toen / nu' },
  'ar.slider': {
    fr: 'Part de l’image de 1940',
    en: 'Share of the 1940 picture',
    nl: 'Aandeel van het beeld uit 1940',
  },
  'ar.whyFallback': { fr: 'Pourquoi cette vue ?', en: 'Why this view?', nl: 'Waarom deze weergave?' },
  'reason.xr-supported': {
    fr: 'Votre appareil prend en charge la réalité augmentée.',
    en: 'Your device supports augmented reality.',
    nl: 'Uw toestel ondersteunt augmented reality.',
  },
  'reason.camera-ready': {
    fr: 'La caméra, la boussole et la position sont assez précises.',
    en: 'The camera, compass and position are accurate enough.',
    nl: 'Camera, kompas en positie zijn nauwkeurig genoeg.',
  },
  'reason.camera-denied': {
    fr: 'L’accès à la caméra a été refusé.',
    en: 'Access to the camera was refused.',
    nl: 'Toegang tot de camera werd geweigerd.',
  },
  'reason.camera-unavailable': {
    fr: 'Aucune caméra n’est disponible sur cet appareil.',
    en: 'No camera is available on this device.',
    nl: 'Er is geen camera beschikbaar op dit toestel.',
  },
  'reason.camera-error': {
    fr: 'La caméra n’a pas pu démarrer.',
    en: 'The camera could not be started.',
    nl: 'De camera kon niet worden gestart.',
  },
  'reason.motion-denied': {
    fr: 'L’accès aux capteurs de mouvement (boussole) a été refusé.',
    en: 'Access to the motion sensors (compass) was refused.',
    nl: 'Toegang tot de bewegingssensoren (kompas) werd geweigerd.',
  },
  'reason.heading-unavailable': {
    fr: 'La boussole de l’appareil n’est pas disponible.',
    en: 'The device’s compass is not available.',
    nl: 'Het kompas van het toestel is niet beschikbaar.',
  },
  'reason.heading-poor': {
    fr: 'La boussole est imprécise (±{accuracy}°) : décrivez un 8 avec le téléphone pour la recalibrer.',
    en: 'The compass is imprecise (±{accuracy}°): move the phone in a figure of eight to recalibrate it.',
    nl: 'Het kompas is onnauwkeurig (±{accuracy}°): beweeg de telefoon in een achtvorm om het te kalibreren.',
  },
  'reason.gps-unavailable': {
    fr: 'Votre position n’est pas connue.',
    en: 'Your position is not known.',
    nl: 'Uw positie is niet bekend.',
  },
  'reason.gps-poor': {
    fr: 'La position est imprécise (±{accuracy} m).',
    en: 'The position is imprecise (±{accuracy} m).',
    nl: 'De positie is onnauwkeurig (±{accuracy} m).',
  },
  'reason.too-far': {
    fr: 'Vous êtes à {distance} m du point de vue : rapprochez-vous pour la vue caméra.',
    en: 'You are {distance} m from the viewpoint: come closer for the camera view.',
    nl: 'U bent {distance} m van het uitkijkpunt: kom dichterbij voor de cameraweergave.',
  },
} satisfies Record<string, Record<SceneLocale, string>>;

export type SceneTextKey = keyof typeof table;
export const sceneTextKeys = Object.keys(table) as SceneTextKey[];

export function sceneText(
  locale: SceneLocale,
  key: SceneTextKey,
  vars: Record<string, string | number> = {},
): string {
  const template = table[key][locale] ?? table[key].en;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function arReasonText(
  locale: SceneLocale,
  reason: ArReason,
  vars: { accuracy?: number | null; distance?: number | null } = {},
): string {
  return sceneText(locale, `reason.${reason}`, {
    accuracy: vars.accuracy != null ? Math.round(vars.accuracy) : '?',
    distance: vars.distance != null ? Math.round(vars.distance) : '?',
  });
}

/** A package Text in the visitor's language, else English, else French, else any. */
export function inLocale(text: Text | undefined, locale: SceneLocale): string {
  if (!text) return '';
  return text[locale] ?? text.en ?? text.fr ?? Object.values(text).find((v) => typeof v === 'string') ?? '';
}

const compass: Record<SceneLocale, string[]> = {
  fr: ['le nord', 'le nord-est', 'l’est', 'le sud-est', 'le sud', 'le sud-ouest', 'l’ouest', 'le nord-ouest'],
  en: ['north', 'north-east', 'east', 'south-east', 'south', 'south-west', 'west', 'north-west'],
  nl: ['noorden', 'noordoosten', 'oosten', 'zuidoosten', 'zuiden', 'zuidwesten', 'westen', 'noordwesten'],
};

export function compassWord(bearingDeg: number, locale: SceneLocale): string {
  return compass[locale][Math.round((((bearingDeg % 360) + 360) % 360) / 45) % 8]!;
}

/** m:ss */
export function clockTime(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
