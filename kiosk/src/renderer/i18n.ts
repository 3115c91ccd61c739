/**
 * Every string the visitor or the staff reads, in French, English and Dutch. The type makes a missing
 * translation a compile error; refusal codes from the core are translated here, at the edge.
 */
import type { Locale, RefusalCode } from '../common/contracts';

type Messages = {
  languageName: string;
  welcomeTitle: string;
  welcomeHint: string;
  borrow: string;
  return: string;
  account: string;
  cancel: string;
  finish: string;
  printReceipt: string;
  noReceipt: string;
  identifyTitle: string;
  identifyHint: string;
  cardLabel: string;
  confirm: string;
  clear: string;
  erase: string;
  pinTitle: string;
  pinHint: string;
  pinLabel: string;
  borrowTitle: (name: string) => string;
  borrowHint: string;
  returnTitle: string;
  returnHint: string;
  itemsOnPad: (n: number) => string;
  statusDetected: string;
  statusPending: string;
  lentUntil: (date: string) => string;
  lentOffline: string;
  returned: string;
  destinationHere: string;
  destinationTransit: (library: string) => string;
  destinationHoldShelf: string;
  setPart: (part: number, parts: number) => string;
  setAll: (parts: number) => string;
  missingParts: (parts: string) => string;
  accountTitle: (name: string) => string;
  loans: string;
  noLoans: string;
  holds: string;
  noHolds: string;
  holdReady: string;
  holdWaiting: string;
  fines: (amount: string) => string;
  dueOn: (date: string) => string;
  overdue: string;
  renewSelected: string;
  receiptTitle: string;
  receiptPrinted: string;
  receiptNone: string;
  receiptUnavailable: string;
  idleTitle: string;
  idleBody: (seconds: number) => string;
  stillHere: string;
  offlineBanner: string;
  readerOffline: string;
  outOfService: string;
  busy: string;
  staff: string;
  staffTitle: string;
  staffPin: string;
  staffWrongPin: string;
  staffLock: string;
  staffReader: string;
  staffLibrary: string;
  staffJournal: string;
  staffQueue: string;
  staffRecovery: string;
  staffReplay: string;
  connected: string;
  disconnected: string;
  refusal: Record<RefusalCode, string>;
};

const fr: Messages = {
  languageName: 'Français',
  welcomeTitle: 'Bienvenue',
  welcomeHint: 'Posez votre carte sur la platine ou choisissez une action.',
  borrow: 'Emprunter',
  return: 'Rendre',
  account: 'Mon compte',
  cancel: 'Annuler',
  finish: 'Terminer',
  printReceipt: 'Terminer avec un ticket',
  noReceipt: 'Terminer sans ticket',
  identifyTitle: 'Votre carte',
  identifyHint: 'Scannez le code-barres de votre carte, posez-la sur la platine ou tapez son numéro.',
  cardLabel: 'Numéro de carte',
  confirm: 'Valider',
  clear: 'Effacer tout',
  erase: 'Effacer un chiffre',
  pinTitle: 'Votre code',
  pinHint: 'Tapez votre code confidentiel.',
  pinLabel: 'Code confidentiel',
  borrowTitle: (name) => (name ? `Bonjour ${name}` : 'Emprunt'),
  borrowHint: 'Posez vos documents sur la platine, jusqu’à cinq à la fois.',
  returnTitle: 'Retour de documents',
  returnHint: 'Posez les documents à rendre sur la platine.',
  itemsOnPad: (n) => (n === 0 ? 'Aucun document' : n === 1 ? 'Un document' : `${n} documents`),
  statusDetected: 'Détecté',
  statusPending: 'En cours…',
  lentUntil: (date) => `Prêté jusqu’au ${date}`,
  lentOffline: 'Prêté (hors connexion, sera enregistré au retour du réseau)',
  returned: 'Rendu',
  destinationHere: 'Vous pouvez le laisser ici.',
  destinationTransit: (library) => `À renvoyer à : ${library}. Déposez-le dans le bac de retour.`,
  destinationHoldShelf: 'Réservé par un autre lecteur : déposez-le dans le bac des réservations.',
  setPart: (part, parts) => `Partie ${part} sur ${parts}`,
  setAll: (parts) => `Les ${parts} parties`,
  missingParts: (parts) => `Il manque : partie ${parts}`,
  accountTitle: (name) => `Compte de ${name}`,
  loans: 'Vos prêts',
  noLoans: 'Aucun prêt en cours.',
  holds: 'Vos réservations',
  noHolds: 'Aucune réservation.',
  holdReady: 'Disponible',
  holdWaiting: 'En attente',
  fines: (amount) => `Montant dû : ${amount}`,
  dueOn: (date) => `À rendre le ${date}`,
  overdue: 'En retard',
  renewSelected: 'Prolonger la sélection',
  receiptTitle: 'Merci et à bientôt !',
  receiptPrinted: 'Prenez votre ticket.',
  receiptNone: 'Aucun ticket imprimé.',
  receiptUnavailable: 'L’imprimante ne répond pas : consultez vos prêts dans votre compte.',
  idleTitle: 'Êtes-vous toujours là ?',
  idleBody: (s) => `Pour protéger vos données, la session se fermera dans ${s} secondes.`,
  stillHere: 'Je suis là',
  offlineBanner: 'Le réseau des bibliothèques ne répond pas : prêts limités, retours enregistrés plus tard.',
  readerOffline: 'Le lecteur de documents est indisponible.',
  outOfService: 'Automate momentanément hors service. Adressez-vous à l’accueil.',
  busy: 'Un instant…',
  staff: 'Personnel',
  staffTitle: 'Espace personnel',
  staffPin: 'Code du personnel',
  staffWrongPin: 'Code incorrect.',
  staffLock: 'Verrouiller',
  staffReader: 'Lecteur RFID',
  staffLibrary: 'Système de la bibliothèque',
  staffJournal: 'Journal',
  staffQueue: 'File hors connexion',
  staffRecovery: 'Dernière reprise après incident',
  staffReplay: 'Rejouer maintenant',
  connected: 'connecté',
  disconnected: 'déconnecté',
  refusal: {
    'card-unknown': 'Carte inconnue. Vérifiez le numéro ou adressez-vous à l’accueil.',
    'card-blocked': 'Votre carte est bloquée. Adressez-vous à l’accueil.',
    'card-expired': 'Votre abonnement a expiré. Adressez-vous à l’accueil pour le renouveler.',
    'pin-required': 'Tapez votre code confidentiel.',
    'pin-wrong': 'Code incorrect.',
    'fines-over-limit': 'Des sommes restent dues sur votre compte : adressez-vous à l’accueil.',
    'loan-limit-reached': 'Vous avez atteint le nombre maximum de prêts.',
    'item-unknown': 'Document inconnu du réseau : adressez-vous à l’accueil.',
    'item-not-from-network': 'Ce document n’appartient pas au réseau Les Balises.',
    'item-on-hold-for-other': 'Ce document est réservé pour un autre lecteur.',
    'item-not-loanable': 'Ce document ne peut pas être emprunté.',
    'item-not-on-loan': 'Ce document n’est pas en prêt.',
    'set-incomplete': 'Il manque une partie de ce document : posez toutes les parties ensemble.',
    'tag-unreadable': 'Étiquette illisible : adressez-vous à l’accueil.',
    'tag-lifted': 'Document retiré trop tôt : il n’a pas été prêté. Reposez-le.',
    'tag-write-failed': 'L’antivol n’a pas pu être modifié : adressez-vous à l’accueil.',
    'renew-limit-reached': 'Ce prêt ne peut plus être prolongé.',
    'renew-on-hold': 'Ce document est réservé : il ne peut pas être prolongé.',
    'library-system-offline': 'Le réseau des bibliothèques ne répond pas.',
    'offline-not-allowed': 'Ce type de document ne peut pas être prêté hors connexion.',
    'offline-limit-reached': 'Nombre maximum de prêts hors connexion atteint.',
  },
};

const en: Messages = {
  languageName: 'English',
  welcomeTitle: 'Welcome',
  welcomeHint: 'Place your card on the pad or choose what to do.',
  borrow: 'Borrow',
  return: 'Return',
  account: 'My account',
  cancel: 'Cancel',
  finish: 'Finish',
  printReceipt: 'Finish with a receipt',
  noReceipt: 'Finish without a receipt',
  identifyTitle: 'Your card',
  identifyHint: 'Scan the barcode of your card, place it on the pad, or type its number.',
  cardLabel: 'Card number',
  confirm: 'Confirm',
  clear: 'Clear all',
  erase: 'Delete one digit',
  pinTitle: 'Your PIN',
  pinHint: 'Type your PIN.',
  pinLabel: 'PIN',
  borrowTitle: (name) => (name ? `Hello ${name}` : 'Borrowing'),
  borrowHint: 'Place your items on the pad, up to five at a time.',
  returnTitle: 'Returns',
  returnHint: 'Place the items you are returning on the pad.',
  itemsOnPad: (n) => (n === 0 ? 'No items' : n === 1 ? 'One item' : `${n} items`),
  statusDetected: 'Detected',
  statusPending: 'Working…',
  lentUntil: (date) => `Borrowed until ${date}`,
  lentOffline: 'Borrowed (offline; it will be recorded when the network is back)',
  returned: 'Returned',
  destinationHere: 'You can leave it here.',
  destinationTransit: (library) => `Goes back to: ${library}. Please put it in the returns bin.`,
  destinationHoldShelf: 'Reserved by another reader: please put it in the reservations bin.',
  setPart: (part, parts) => `Part ${part} of ${parts}`,
  setAll: (parts) => `All ${parts} parts`,
  missingParts: (parts) => `Missing: part ${parts}`,
  accountTitle: (name) => `${name}’s account`,
  loans: 'Your loans',
  noLoans: 'No current loans.',
  holds: 'Your reservations',
  noHolds: 'No reservations.',
  holdReady: 'Ready',
  holdWaiting: 'Waiting',
  fines: (amount) => `Amount owed: ${amount}`,
  dueOn: (date) => `Due on ${date}`,
  overdue: 'Overdue',
  renewSelected: 'Renew selected',
  receiptTitle: 'Thank you, see you soon!',
  receiptPrinted: 'Please take your receipt.',
  receiptNone: 'No receipt printed.',
  receiptUnavailable: 'The printer is not responding: see your loans in your account.',
  idleTitle: 'Are you still there?',
  idleBody: (s) => `To protect your data, this session will close in ${s} seconds.`,
  stillHere: 'I’m still here',
  offlineBanner: 'The library network is not responding: loans are limited, returns will be recorded later.',
  readerOffline: 'The item reader is unavailable.',
  outOfService: 'This kiosk is out of service for a moment. Please ask at the desk.',
  busy: 'One moment…',
  staff: 'Staff',
  staffTitle: 'Staff area',
  staffPin: 'Staff PIN',
  staffWrongPin: 'Wrong PIN.',
  staffLock: 'Lock',
  staffReader: 'RFID reader',
  staffLibrary: 'Library system',
  staffJournal: 'Journal',
  staffQueue: 'Offline queue',
  staffRecovery: 'Last recovery after an incident',
  staffReplay: 'Replay now',
  connected: 'connected',
  disconnected: 'disconnected',
  refusal: {
    'card-unknown': 'Unknown card. Check the number or ask at the desk.',
    'card-blocked': 'Your card is blocked. Please ask at the desk.',
    'card-expired': 'Your membership has expired. Please ask at the desk to renew it.',
    'pin-required': 'Please type your PIN.',
    'pin-wrong': 'Wrong PIN.',
    'fines-over-limit': 'There is money owed on your account: please ask at the desk.',
    'loan-limit-reached': 'You have reached the maximum number of loans.',
    'item-unknown': 'This item is not known to the network: please ask at the desk.',
    'item-not-from-network': 'This item does not belong to the Les Balises network.',
    'item-on-hold-for-other': 'This item is reserved for another reader.',
    'item-not-loanable': 'This item cannot be borrowed.',
    'item-not-on-loan': 'This item is not on loan.',
    'set-incomplete': 'Part of this item is missing: place all its parts together.',
    'tag-unreadable': 'The tag cannot be read: please ask at the desk.',
    'tag-lifted': 'The item was lifted too early: it was not lent. Please put it back.',
    'tag-write-failed': 'The security tag could not be changed: please ask at the desk.',
    'renew-limit-reached': 'This loan cannot be renewed again.',
    'renew-on-hold': 'This item is reserved, so it cannot be renewed.',
    'library-system-offline': 'The library network is not responding.',
    'offline-not-allowed': 'This kind of item cannot be lent while offline.',
    'offline-limit-reached': 'The maximum number of offline loans has been reached.',
  },
};

const nl: Messages = {
  languageName: 'Nederlands',
  welcomeTitle: 'Welkom',
  welcomeHint: 'Leg uw kaart op de lezer of kies wat u wilt doen.',
  borrow: 'Lenen',
  return: 'Terugbrengen',
  account: 'Mijn account',
  cancel: 'Annuleren',
  finish: 'Afronden',
  printReceipt: 'Afronden met bon',
  noReceipt: 'Afronden zonder bon',
  identifyTitle: 'Uw kaart',
  identifyHint: 'Scan de streepjescode van uw kaart, leg ze op de lezer of typ het nummer.',
  cardLabel: 'Kaartnummer',
  confirm: 'Bevestigen',
  clear: 'Alles wissen',
  erase: 'Eén cijfer wissen',
  pinTitle: 'Uw pincode',
  pinHint: 'Typ uw pincode.',
  pinLabel: 'Pincode',
  borrowTitle: (name) => (name ? `Hallo ${name}` : 'Lenen'),
  borrowHint: 'Leg uw materialen op de lezer, tot vijf tegelijk.',
  returnTitle: 'Terugbrengen',
  returnHint: 'Leg de materialen die u terugbrengt op de lezer.',
  itemsOnPad: (n) => (n === 0 ? 'Geen materialen' : n === 1 ? 'Eén materiaal' : `${n} materialen`),
  statusDetected: 'Herkend',
  statusPending: 'Bezig…',
  lentUntil: (date) => `Geleend tot ${date}`,
  lentOffline: 'Geleend (offline; wordt geregistreerd zodra het netwerk terug is)',
  returned: 'Teruggebracht',
  destinationHere: 'U mag het hier laten.',
  destinationTransit: (library) => `Gaat terug naar: ${library}. Leg het in de terugbrengbak.`,
  destinationHoldShelf: 'Gereserveerd door een andere lezer: leg het in de reserveringsbak.',
  setPart: (part, parts) => `Deel ${part} van ${parts}`,
  setAll: (parts) => `Alle ${parts} delen`,
  missingParts: (parts) => `Ontbreekt: deel ${parts}`,
  accountTitle: (name) => `Account van ${name}`,
  loans: 'Uw leningen',
  noLoans: 'Geen lopende leningen.',
  holds: 'Uw reserveringen',
  noHolds: 'Geen reserveringen.',
  holdReady: 'Klaar',
  holdWaiting: 'In afwachting',
  fines: (amount) => `Verschuldigd bedrag: ${amount}`,
  dueOn: (date) => `Terugbrengen op ${date}`,
  overdue: 'Te laat',
  renewSelected: 'Selectie verlengen',
  receiptTitle: 'Bedankt en tot ziens!',
  receiptPrinted: 'Neem uw bon mee.',
  receiptNone: 'Geen bon afgedrukt.',
  receiptUnavailable: 'De printer reageert niet: bekijk uw leningen in uw account.',
  idleTitle: 'Bent u er nog?',
  idleBody: (s) => `Om uw gegevens te beschermen, sluit deze sessie over ${s} seconden.`,
  stillHere: 'Ik ben er nog',
  offlineBanner:
    'Het bibliotheeknetwerk reageert niet: lenen is beperkt, teruggebrachte materialen worden later geregistreerd.',
  readerOffline: 'De lezer van materialen is niet beschikbaar.',
  outOfService: 'Deze automaat is even buiten dienst. Vraag het aan de balie.',
  busy: 'Een ogenblik…',
  staff: 'Personeel',
  staffTitle: 'Personeelsruimte',
  staffPin: 'Pincode personeel',
  staffWrongPin: 'Verkeerde pincode.',
  staffLock: 'Vergrendelen',
  staffReader: 'RFID-lezer',
  staffLibrary: 'Bibliotheeksysteem',
  staffJournal: 'Logboek',
  staffQueue: 'Offline wachtrij',
  staffRecovery: 'Laatste herstel na een storing',
  staffReplay: 'Nu opnieuw versturen',
  connected: 'verbonden',
  disconnected: 'niet verbonden',
  refusal: {
    'card-unknown': 'Onbekende kaart. Controleer het nummer of vraag het aan de balie.',
    'card-blocked': 'Uw kaart is geblokkeerd. Vraag het aan de balie.',
    'card-expired': 'Uw abonnement is verlopen. Vraag aan de balie om het te verlengen.',
    'pin-required': 'Typ uw pincode.',
    'pin-wrong': 'Verkeerde pincode.',
    'fines-over-limit': 'Er staat nog een bedrag open op uw account: vraag het aan de balie.',
    'loan-limit-reached': 'U hebt het maximale aantal leningen bereikt.',
    'item-unknown': 'Dit materiaal is onbekend in het netwerk: vraag het aan de balie.',
    'item-not-from-network': 'Dit materiaal hoort niet bij het netwerk Les Balises.',
    'item-on-hold-for-other': 'Dit materiaal is gereserveerd voor een andere lezer.',
    'item-not-loanable': 'Dit materiaal kan niet geleend worden.',
    'item-not-on-loan': 'Dit materiaal is niet uitgeleend.',
    'set-incomplete': 'Er ontbreekt een deel van dit materiaal: leg alle delen samen op de lezer.',
    'tag-unreadable': 'Het label is onleesbaar: vraag het aan de balie.',
    'tag-lifted': 'Het materiaal werd te vroeg weggenomen: het is niet uitgeleend. Leg het terug.',
    'tag-write-failed': 'De beveiliging kon niet worden aangepast: vraag het aan de balie.',
    'renew-limit-reached': 'Deze lening kan niet meer verlengd worden.',
    'renew-on-hold': 'Dit materiaal is gereserveerd en kan niet verlengd worden.',
    'library-system-offline': 'Het bibliotheeknetwerk reageert niet.',
    'offline-not-allowed': 'Dit soort materiaal kan offline niet uitgeleend worden.',
    'offline-limit-reached': 'Het maximale aantal offline leningen is bereikt.',
  },
};

export const messages: Record<Locale, Messages> = { fr, en, nl };

export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-BE' : locale === 'en' ? 'en-GB' : 'fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Paris',
  }).format(date);
}

export function formatEuros(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-BE' : locale === 'en' ? 'en-GB' : 'fr-FR', {
    style: 'currency',
    currency: 'EUR',
  }).format(amount);
}
