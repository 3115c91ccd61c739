/**
 * @dunkirk/rfid-driver — public API. Everything the kiosk (or any other
 * consumer) may use is listed here; other modules are internal.
 */

// Errors
export { RfidError, isRfidError, describeError } from './errors';
export type { RfidErrorCode, RfidErrorDetails, Locale } from './errors';

// Bytes and CRCs
export { fromHex, toHex } from './bytes';
export { crc16CcittFalse, crc16Genibus, crc16Mcrf4xx } from './crc';

// ISO 28560 data models
export { decodeTag, encodeTag, detectBlank, itemIdOf } from './iso28560/tag';
export type { TagRecord, TagModel, BlankRecord, DecodeOptions, EncodeRequest } from './iso28560/tag';
export { decodePart3, encodePart3, TYPE_OF_USAGE } from './iso28560/part3';
export type { Part3Data, Part3Record, Part3EncodeOptions, ExtensionBlock } from './iso28560/part3';
export { decodePart2, encodePart2, OID_NAMES, OID_BY_NAME } from './iso28560/part2';
export type { Part2Element, Part2Record, Part2Input, Part2EncodeOptions } from './iso28560/part2';
export { decodeLegacy3m, encodeLegacy3m } from './iso28560/legacy3m';
export type { Legacy3mData, Legacy3mRecord } from './iso28560/legacy3m';
export { compact, expand, chooseCompaction } from './iso28560/compaction';
export type { Compaction } from './iso28560/compaction';
export { isilCompact, isilExpand } from './iso28560/isil';
export { securityPlan, isSecured, DEFAULT_SECURITY } from './iso28560/security';
export type { SecurityConfig, SecurityPlan } from './iso28560/security';

// Transports
export type { Transport, TransportEvents, TransportInfo } from './transport/Transport';
export { MemoryLink, MemoryTransport } from './transport/MemoryTransport';
export { SerialTransport } from './transport/SerialTransport';
export type { SerialOptions } from './transport/SerialTransport';
export { HidTransport } from './transport/HidTransport';
export type { HidOptions } from './transport/HidTransport';
export {
  listDevices,
  matchFamily,
  createTransport,
  KNOWN_DEVICES,
  SERIAL_SETTINGS,
} from './transport/discovery';
export type {
  DeviceInfo,
  DiscoveryOverride,
  ReaderFamily,
  TransportConfig,
  KnownDevice,
} from './transport/discovery';

// Readers
export type { RfidReader, ReaderEvents, TagInfo } from './readers/Reader';
export type { ReaderOptions } from './readers/ReaderBase';
export { ThreeMReader } from './readers/3m/ThreeMReader';
export { FeigReader } from './readers/feig/FeigReader';
export type { FeigOptions } from './readers/feig/FeigReader';
export { HidReader } from './readers/hid/HidReader';
export { openReader, readerFor, securityOf } from './readers/openReader';
export type { ReaderConfig } from './readers/openReader';
export { readTag, writeTag, setSecured, getSecured, DEFAULT_READ_BLOCKS } from './readers/library';
export type { ReadTagResult } from './readers/library';
export type { FrameSplitter } from './readers/splitter';

// ISO 15693
export { normaliseUid, uidToBytes, uidToString, manufacturerOf } from './iso15693/uid';
export type { UidOrder } from './iso15693/uid';
export * as iso15693 from './iso15693/commands';
export * as airTime from './iso15693/timing';

// Simulator
export { VirtualPad } from './sim/VirtualPad';
export type { InventoryResult, ExchangeResult, PadEvents } from './sim/VirtualPad';
export { VirtualTag } from './sim/VirtualTag';
export type { TagSpec, TagState } from './sim/VirtualTag';
export { ReaderSimulator } from './sim/ReaderSimulator';
export type { SimulatorOptions, SimulatorStats } from './sim/ReaderSimulator';
export { startPtySimulator, startMemorySimulator } from './sim/simulate';
export type { PtySimulator, MemorySimulator, PadFile, StartOptions } from './sim/simulate';
export type { SimProtocol } from './sim/handlers';
export { createPtyPair } from './sim/ptyPair';
export type { PtyPair } from './sim/ptyPair';
