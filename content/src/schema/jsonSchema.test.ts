import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { fixtureManifest, looseCopy } from '../../test/fixtures';
import { cleanupTemp, sampleTourDir, tempDir } from '../../test/packageFixture';
import { generateSigningKeyPair, manifestJsonSchema } from '../index';
import { readSource, writePackage } from '../node/index';

const committed = join(import.meta.dirname, '..', '..', 'schema', 'manifest.schema.json');

describe('manifestJsonSchema (JSON Schema draft 2020-12 of the package manifest)', () => {
  // Formats (uri, date-time) are checked by zod; this test is about the schema's structure.
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  const validate = ajv.compile(manifestJsonSchema());

  it('is a valid JSON Schema (the 2020-12 meta-schema accepts it)', () => {
    expect(ajv.validateSchema(manifestJsonSchema())).toBe(true);
  });

  it('accepts a valid manifest', async () => {
    const { manifest } = await fixtureManifest();
    expect(validate(looseCopy(manifest)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts the manifest of the committed sample tour as built', async () => {
    const dir = await tempDir();
    const { privateKey } = await generateSigningKeyPair();
    await writePackage(await readSource(sampleTourDir), sampleTourDir, join(dir, 'pkg'), { privateKey });
    const manifest: unknown = JSON.parse(readFileSync(join(dir, 'pkg', 'manifest.json'), 'utf8'));
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    await cleanupTemp();
  });

  it('refuses what the zod schema refuses structurally', async () => {
    const { manifest } = await fixtureManifest();
    const raw = looseCopy(manifest);
    raw.stops[0].trigger.radiusM = 'wide';
    expect(validate(raw)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/stops/0/trigger/radiusM');
  });

  it('is committed up to date in content/schema/manifest.schema.json (run `npm run build -w content`)', () => {
    expect(JSON.parse(readFileSync(committed, 'utf8'))).toEqual(manifestJsonSchema());
  });
});
