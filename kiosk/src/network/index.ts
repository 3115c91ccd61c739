export {
  MEMBER_LIBRARIES,
  ITEM_TYPES,
  POLICY,
  libraryByIsilOrCode,
  type ItemType,
  type MemberLibrary,
} from './members';
export { PRODUCTION_PIN_COST, SEED_PIN_COST, hashPin, hashPinSync, verifyPin, type PinCost } from './pin';
export { SCHEMA, openNetworkDb, type NetworkDb } from './schema';
export { SEED_FIXTURES, itemBarcode, seedNetwork, type SeedOptions, type SeedReport } from './seed';
export { NetworkService, type TerminalSession } from './NetworkService';
export {
  startSipNetworkServer,
  type NetworkFault,
  type SipNetworkServer,
  type SipNetworkServerOptions,
} from './SipNetworkServer';
export { text, localeOfSipLanguage, type Locale, type TextKey } from './texts';
