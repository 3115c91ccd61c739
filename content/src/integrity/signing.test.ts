import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalJsonBytes,
  exportPrivateKeyPem,
  exportPublicKeyPem,
  generateSigningKeyPair,
  importPrivateKeyPem,
  importPublicKeyPem,
  publicKeyId,
  signManifest,
  splitPublicKeyPems,
  verifyManifestSignature,
} from '../index';
import { refusal } from '../../test/fixtures';

describe('manifest signatures (ECDSA P-256, SHA-256, WebCrypto)', () => {
  let pair: CryptoKeyPair;
  let publicPem: string;
  const manifest = canonicalJsonBytes({
    id: 'test',
    title: { fr: 'Dunkerque', en: 'Dunkirk', nl: 'Duinkerke' },
  });
  let sig: Uint8Array;

  beforeAll(async () => {
    pair = await generateSigningKeyPair();
    publicPem = await exportPublicKeyPem(pair.publicKey);
    sig = await signManifest(manifest, pair.privateKey);
  });

  it('writes manifest.sig as { alg, keyId, sig } with a 64-byte r||s signature', async () => {
    const file = JSON.parse(new TextDecoder().decode(sig)) as { alg: string; keyId: string; sig: string };
    expect(file.alg).toBe('ES256');
    expect(file.keyId).toBe(await publicKeyId(pair.publicKey));
    expect(atob(file.sig)).toHaveLength(64);
  });

  it('verifies a round trip with the key as PEM or as CryptoKey', async () => {
    const keyId = await publicKeyId(pair.publicKey);
    expect(await verifyManifestSignature(manifest, sig, [publicPem])).toBe(keyId);
    expect(await verifyManifestSignature(manifest, sig, [pair.publicKey])).toBe(keyId);
  });

  it('refuses any flipped byte of manifest.json with SIGNATURE_INVALID', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(manifest.length - 1), fc.integer({ min: 1, max: 255 }), async (index, mask) => {
        const altered = manifest.slice();
        altered[index]! ^= mask;
        const err = await refusal(verifyManifestSignature(altered, sig, [publicPem]));
        expect(err.code).toBe('SIGNATURE_INVALID');
      }),
      { seed: 1940, numRuns: 200 },
    );
  });

  it('refuses a signature by a key the reader does not trust with KEY_UNKNOWN', async () => {
    const other = await generateSigningKeyPair();
    const err = await refusal(verifyManifestSignature(manifest, sig, [other.publicKey]));
    expect(err.code).toBe('KEY_UNKNOWN');
    expect(err.details.file).toBe('manifest.sig');
  });

  it('refuses a signature that claims a trusted keyId but was made by another key', async () => {
    const other = await generateSigningKeyPair();
    const forged = JSON.parse(new TextDecoder().decode(await signManifest(manifest, other.privateKey))) as {
      keyId: string;
    };
    forged.keyId = await publicKeyId(pair.publicKey);
    const err = await refusal(
      verifyManifestSignature(manifest, new TextEncoder().encode(JSON.stringify(forged)), [publicPem]),
    );
    expect(err.code).toBe('SIGNATURE_INVALID');
  });

  it.each([
    ['not JSON', 'sig?', 'JSON_INVALID'],
    ['the wrong algorithm', '{"alg":"RS256","keyId":"' + '0'.repeat(64) + '","sig":""}', 'SIGNATURE_INVALID'],
    ['a missing keyId', '{"alg":"ES256","sig":""}', 'SIGNATURE_INVALID'],
  ])('refuses a manifest.sig that is %s', async (_name, text, code) => {
    const err = await refusal(verifyManifestSignature(manifest, new TextEncoder().encode(text), [publicPem]));
    expect(err.code).toBe(code);
  });

  it('refuses a truncated signature', async () => {
    const file = JSON.parse(new TextDecoder().decode(sig)) as { sig: string };
    file.sig = btoa(atob(file.sig).slice(0, 63));
    const bytes = new TextEncoder().encode(
      JSON.stringify({ ...JSON.parse(new TextDecoder().decode(sig)), ...file }),
    );
    expect((await refusal(verifyManifestSignature(manifest, bytes, [publicPem]))).code).toBe(
      'SIGNATURE_INVALID',
    );
  });
});

describe('PEM keys', () => {
  it('round-trips a PKCS#8 private key and an SPKI public key', async () => {
    const pair = await generateSigningKeyPair();
    const privatePem = await exportPrivateKeyPem(pair.privateKey);
    const publicPem = await exportPublicKeyPem(pair.publicKey);
    expect(privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END PRIVATE KEY-----\n$/);
    const bytes = new TextEncoder().encode('{}');
    const sig = await signManifest(bytes, await importPrivateKeyPem(privatePem));
    expect(await verifyManifestSignature(bytes, sig, [await importPublicKeyPem(publicPem)])).toBe(
      await publicKeyId(pair.publicKey),
    );
  });

  it('finds every public key of a trusted-keys file', async () => {
    const a = await exportPublicKeyPem((await generateSigningKeyPair()).publicKey);
    const b = await exportPublicKeyPem((await generateSigningKeyPair()).publicKey);
    expect(splitPublicKeyPems(`# production\n${a}\n# backup\n${b}`)).toEqual([a, b]);
  });

  it.each([
    ['no PEM block', 'hello'],
    [
      'a public key where a private one is expected',
      '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
    ],
    ['garbage DER', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'],
  ])('refuses %s with KEY_INVALID', async (_name, pem) => {
    expect((await refusal(importPrivateKeyPem(pem))).code).toBe('KEY_INVALID');
  });
});
