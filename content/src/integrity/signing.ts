import { TourFormatError } from '../errors/TourFormatError';
import { decodeJson } from '../schema/parse';
import { derToPem, fromBase64, pemBlocks, pemToDer, toBase64 } from './pem';
import { sha256Hex } from './sha256';

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const ALGORITHM: EcKeyImportParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGN: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/** Contents of `manifest.sig` (FORMAT.md § Package folder). */
export interface ManifestSignature {
  alg: 'ES256';
  /** SHA-256 (hex) of the signer's public key in SPKI DER. */
  keyId: string;
  /** Base64 of the 64-byte IEEE P1363 signature r‖s. */
  sig: string;
}

/** A public key the reader trusts, as PEM (SPKI) or an imported CryptoKey. */
export type TrustedKey = string | CryptoKey;

export async function generateSigningKeyPair(): Promise<CryptoKeyPair> {
  return subtle().generateKey(ALGORITHM, true, ['sign', 'verify']);
}

export async function exportPublicKeyPem(key: CryptoKey): Promise<string> {
  return derToPem(new Uint8Array(await subtle().exportKey('spki', key)), 'PUBLIC KEY');
}

export async function exportPrivateKeyPem(key: CryptoKey): Promise<string> {
  return derToPem(new Uint8Array(await subtle().exportKey('pkcs8', key)), 'PRIVATE KEY');
}

export async function importPublicKeyPem(pem: string): Promise<CryptoKey> {
  const der = pemToDer(pem, 'PUBLIC KEY');
  try {
    return await subtle().importKey('spki', der as BufferSource, ALGORITHM, true, ['verify']);
  } catch (cause) {
    throw new TourFormatError('KEY_INVALID', { issue: 'not a P-256 SPKI public key' }, { cause });
  }
}

/** A PKCS#8 private key ("BEGIN PRIVATE KEY"). */
export async function importPrivateKeyPem(pem: string): Promise<CryptoKey> {
  const der = pemToDer(pem, 'PRIVATE KEY');
  try {
    return await subtle().importKey('pkcs8', der as BufferSource, ALGORITHM, true, ['sign']);
  } catch (cause) {
    throw new TourFormatError('KEY_INVALID', { issue: 'not a P-256 PKCS#8 private key' }, { cause });
  }
}

/** Every public key PEM block in a text (a trusted-keys file may hold several). */
export function splitPublicKeyPems(text: string): string[] {
  return pemBlocks(text)
    .filter((b) => b.label === 'PUBLIC KEY')
    .map((b) => derToPem(b.der, 'PUBLIC KEY'));
}

/** SHA-256 hex of the SPKI DER of a public key: the `keyId` of `manifest.sig`. */
export async function publicKeyId(key: CryptoKey): Promise<string> {
  return sha256Hex(new Uint8Array(await subtle().exportKey('spki', key)));
}

/** Derives the public key of a private one (through its JWK: x and y travel with d). */
export async function publicKeyOf(privateKey: CryptoKey): Promise<CryptoKey> {
  const { kty, crv, x, y } = await subtle().exportKey('jwk', privateKey);
  return subtle().importKey('jwk', { kty, crv, x, y }, ALGORITHM, true, ['verify']);
}

/** Signs the exact bytes of `manifest.json`; returns the bytes of `manifest.sig`. */
export async function signManifest(manifestBytes: Uint8Array, privateKey: CryptoKey): Promise<Uint8Array> {
  const sig = new Uint8Array(await subtle().sign(SIGN, privateKey, manifestBytes as BufferSource));
  const file: ManifestSignature = {
    alg: 'ES256',
    keyId: await publicKeyId(await publicKeyOf(privateKey)),
    sig: toBase64(sig),
  };
  return new TextEncoder().encode(JSON.stringify(file, null, 2) + '\n');
}

function parseSignatureFile(sigBytes: Uint8Array): ManifestSignature {
  const raw = decodeJson(sigBytes, 'manifest.sig');
  const r = raw as Partial<Record<keyof ManifestSignature, unknown>> | null;
  if (
    typeof r !== 'object' ||
    r === null ||
    r.alg !== 'ES256' ||
    typeof r.keyId !== 'string' ||
    !/^[0-9a-f]{64}$/.test(r.keyId) ||
    typeof r.sig !== 'string'
  ) {
    throw new TourFormatError('SIGNATURE_INVALID', {
      file: 'manifest.sig',
      issue: 'expected { alg: "ES256", keyId: <64 hex>, sig: <base64> }',
    });
  }
  return { alg: 'ES256', keyId: r.keyId, sig: r.sig };
}

async function indexTrustedKeys(trustedKeys: readonly TrustedKey[]): Promise<Map<string, CryptoKey>> {
  const byId = new Map<string, CryptoKey>();
  for (const k of trustedKeys) {
    const key = typeof k === 'string' ? await importPublicKeyPem(k) : k;
    byId.set(await publicKeyId(key), key);
  }
  return byId;
}

/**
 * Checks `manifest.sig` over the exact bytes of `manifest.json`.
 * Resolves with the signer's keyId; refuses with SIGNATURE_INVALID or KEY_UNKNOWN.
 */
export async function verifyManifestSignature(
  manifestBytes: Uint8Array,
  sigFileBytes: Uint8Array,
  trustedKeys: readonly TrustedKey[],
): Promise<string> {
  const file = parseSignatureFile(sigFileBytes);
  const key = (await indexTrustedKeys(trustedKeys)).get(file.keyId);
  if (!key) throw new TourFormatError('KEY_UNKNOWN', { file: 'manifest.sig', actual: file.keyId });
  let sig: Uint8Array;
  try {
    sig = fromBase64(file.sig);
  } catch (cause) {
    throw new TourFormatError(
      'SIGNATURE_INVALID',
      { file: 'manifest.sig', issue: 'sig is not base64' },
      { cause },
    );
  }
  const ok =
    sig.length === 64 &&
    (await subtle().verify(SIGN, key, sig as BufferSource, manifestBytes as BufferSource));
  if (!ok)
    throw new TourFormatError('SIGNATURE_INVALID', {
      file: 'manifest.sig',
      issue: 'does not match manifest.json',
    });
  return file.keyId;
}
