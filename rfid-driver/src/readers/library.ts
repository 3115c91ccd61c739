/**
 * Library-level operations on top of any reader: read and decode a tag,
 * write a data model, and set the security state in one call.
 */
import { decodeTag, encodeTag, type EncodeRequest, type TagRecord } from '../iso28560/tag';
import { isSecured, securityPlan, type SecurityConfig } from '../iso28560/security';
import type { RfidReader } from './Reader';

export interface ReadTagResult {
  uid: string;
  bytes: Uint8Array;
  record: TagRecord;
}

/** Default user-memory span read for decoding: 10 blocks = 40 bytes (ISO 28560-3 and typical part-2 data). */
export const DEFAULT_READ_BLOCKS = 10;

export async function readTag(
  reader: RfidReader,
  uid: string,
  blocks = DEFAULT_READ_BLOCKS,
): Promise<ReadTagResult> {
  const bytes = await reader.readBlocks(uid, 0, blocks);
  return { uid, bytes, record: decodeTag(bytes) };
}

export async function writeTag(reader: RfidReader, uid: string, req: EncodeRequest): Promise<Uint8Array> {
  const bytes = encodeTag(req);
  await reader.writeBlocks(uid, 0, bytes);
  return bytes;
}

/** Secure (on shelf: gates alarm) or unsecure (on loan) an item: AFI and, if configured, the EAS bit. */
export async function setSecured(
  reader: RfidReader,
  uid: string,
  secured: boolean,
  config: SecurityConfig = reader.security,
): Promise<void> {
  const plan = securityPlan(secured, config);
  await reader.writeAfi(uid, plan.afi);
  if (plan.eas !== undefined) await reader.setEas(uid, plan.eas);
}

export async function getSecured(
  reader: RfidReader,
  uid: string,
  config: SecurityConfig = reader.security,
): Promise<boolean> {
  const afi = await reader.readAfi(uid);
  const eas = config.eas ? await reader.checkEas(uid) : undefined;
  return isSecured(afi, eas, config);
}
