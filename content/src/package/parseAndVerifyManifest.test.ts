import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureManifest } from '../../test/fixtures';
import type { FixtureAsset } from '../../test/fixtures';
import type { Manifest } from '../index';
import {
  canonicalJsonBytes,
  generateSigningKeyPair,
  parseAndVerifyManifest,
  signManifest,
  verifyAsset,
} from '../index';
import { refusal } from '../../test/fixtures';

describe('the browser path: parseAndVerifyManifest and verifyAsset', () => {
  let pair: CryptoKeyPair;
  let manifest: Manifest;
  let assets: FixtureAsset[];
  beforeAll(async () => {
    pair = await generateSigningKeyPair();
    ({ manifest, assets } = await fixtureManifest());
  });

  const signed = async (value: unknown) => {
    const bytes = canonicalJsonBytes(value);
    return { bytes, sig: await signManifest(bytes, pair.privateKey) };
  };

  it('returns the manifest when signature, schema and references hold', async () => {
    const { bytes, sig } = await signed(manifest);
    expect(await parseAndVerifyManifest(bytes, sig, [pair.publicKey])).toEqual(manifest);
  });

  it('refuses a missing signature before reading the manifest (SIGNATURE_MISSING)', async () => {
    const { bytes } = await signed(manifest);
    expect((await refusal(parseAndVerifyManifest(bytes, undefined, [pair.publicKey]))).code).toBe(
      'SIGNATURE_MISSING',
    );
  });

  it('refuses a signed manifest that breaks the schema (signing does not make it valid)', async () => {
    const { bytes, sig } = await signed({ ...manifest, durationMin: -5 });
    const err = await refusal(parseAndVerifyManifest(bytes, sig, [pair.publicKey]));
    expect(err.code).toBe('SCHEMA_INVALID');
    expect(err.details).toMatchObject({ file: 'manifest.json', pointer: '/durationMin' });
  });

  it('refuses a signed manifest of a newer format (FORMAT_VERSION_UNSUPPORTED)', async () => {
    const { bytes, sig } = await signed({ ...manifest, formatVersion: 7 });
    expect((await refusal(parseAndVerifyManifest(bytes, sig, [pair.publicKey]))).code).toBe(
      'FORMAT_VERSION_UNSUPPORTED',
    );
  });

  it('refuses a manifest declaring an asset over the limit before any download (ASSET_TOO_LARGE)', async () => {
    const { bytes, sig } = await signed(manifest);
    const err = await refusal(parseAndVerifyManifest(bytes, sig, [pair.publicKey], { maxAssetBytes: 5 }));
    expect(err.code).toBe('ASSET_TOO_LARGE');
    expect(err.details.pointer).toBe('/assets/0/size');
  });

  it('accepts an asset whose bytes match, and names the file of one that does not', async () => {
    const [image] = assets;
    await expect(verifyAsset(image!.asset, image!.bytes)).resolves.toBeUndefined();
    const flipped = image!.bytes.slice();
    flipped[0]! ^= 1;
    const hash = await refusal(verifyAsset(image!.asset, flipped));
    expect(hash.code).toBe('ASSET_HASH_MISMATCH');
    expect(hash.details.file).toBe(`assets/${image!.asset.sha256}.webp`);
    const size = await refusal(verifyAsset(image!.asset, image!.bytes.subarray(1)));
    expect(size.code).toBe('ASSET_SIZE_MISMATCH');
  });
});
