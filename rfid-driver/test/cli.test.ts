import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main';

const VECTOR = '11010131313232333334340000000000000000513e4445373035000000000000';
const ANNEX_D = '9100051cbe991a140201d0140204b34607441cb6e2e335d6830207acc09ebaa06f6b0000';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
  });
  return { code, out, err };
}

describe('rfid CLI', () => {
  it('decode prints the ISO 28560-3 record as JSON', async () => {
    const r = await run('decode', VECTOR);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      primaryItemId: '11223344',
      partNumber: 1,
      partsInItem: 1,
      country: 'DE',
      library: '705',
    });
  });

  it('decode exits 1 with the CRC_MISMATCH code when a CRC byte changes', async () => {
    const r = await run('decode', VECTOR.slice(0, 38) + '52' + VECTOR.slice(40), '--lang', 'nl');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^CRC_MISMATCH: Taggegevens zijn beschadigd/);
  });

  it('decode reads the ISO 28560-2 Annex D example', async () => {
    const r = await run('decode', ANNEX_D);
    expect(JSON.parse(r.out)).toMatchObject({
      primaryItemId: '123456789012',
      setInformation: '1203',
      shelfLocation: 'QA268.L55',
      ownerIsil: 'US-InU-Mu',
    });
  });

  it('encode writes both models as hex', async () => {
    const p3 = await run(
      'encode',
      '--model',
      'iso28560-3',
      '--id',
      '11223344',
      '--country',
      'DE',
      '--library',
      '705',
      '--truncated',
    );
    expect(p3.out.trim()).toBe(VECTOR);
    const p2 = await run('encode', '--model', 'iso28560-2', '--id', '123456789012', '--owner', 'US-InU-Mu');
    expect((await run('decode', p2.out.trim())).out).toContain('US-InU-Mu');
    expect((await run('encode', '--model', 'nope', '--id', '1')).code).toBe(1);
  });

  it('prints usage in the chosen language', async () => {
    expect((await run('--lang', 'fr')).out).toMatch(/^Usage :/);
    expect((await run('bogus', '--lang', 'en')).code).toBe(2);
  });

  it('the bin shim runs the CLI through tsx', async () => {
    const bin = fileURLToPath(new URL('../bin/rfid.mjs', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'decode', VECTOR]);
    expect(JSON.parse(stdout).ownerIsil).toBe('DE-705');
  }, 20_000);
});
