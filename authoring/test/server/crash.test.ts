import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TempTours } from './fixtures';
import { tempTours, threeStopTour } from './fixtures';

const MAIN = resolve(import.meta.dirname, '../../src/server/main.ts');
const REPO = resolve(import.meta.dirname, '../../..');

function startChild(t: TempTours): Promise<{ child: ChildProcess; url: string }> {
  // `node --import tsx`, not the tsx CLI: the CLI forks, and SIGKILL must hit the process that writes.
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      MAIN,
      '--port',
      '0',
      '--tours',
      t.toursDir,
      '--published',
      t.publishDir,
      '--no-draft-voices',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: REPO },
  );
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /authoring server: (http:\/\/[^/\s]+)/.exec(out);
      if (m?.[1]) ok({ child, url: m[1] });
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => fail(new Error(`server exited ${code}: ${out}`)));
  });
}

let t: TempTours;
beforeEach(async () => {
  t = await tempTours();
  await threeStopTour(t.store);
});
afterEach(() => t.cleanup());

describe('crash safety', () => {
  it('SIGKILL during saves leaves every file whole: the old version or the new one, never a truncated one', async () => {
    const file = join(t.toursDir, 'digue', 'stops', 'stop-2.json');
    const base = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    // Large enough (≈1.5 MB) that a kill often lands inside a write.
    const versionOf = (n: number): string =>
      JSON.stringify({ ...base, positionSource: `v${n} ${'x'.repeat(1_500_000)}` }, null, 2) + '\n';
    const sent = new Set<string>([await readFile(file, 'utf8')]);
    let n = 0;
    for (let round = 0; round < 4; round++) {
      const { child, url } = await startChild(t);
      const exited = new Promise((ok) => child.on('exit', ok));
      let etag = (await fetch(`${url}/api/tours/digue/files/stops/stop-2.json`)).headers.get('etag') ?? '';
      const saving = (async () => {
        for (;;) {
          const body = versionOf(++n);
          sent.add(body);
          const res = await fetch(`${url}/api/tours/digue/files/stops/stop-2.json`, {
            method: 'PUT',
            headers: { 'if-match': etag },
            body,
          }).catch(() => undefined);
          if (!res) return;
          etag = res.headers.get('etag') ?? etag;
        }
      })();
      await new Promise((r) => setTimeout(r, 150 + round * 97));
      child.kill('SIGKILL');
      await exited;
      await saving;
      for (const name of await readdir(join(t.toursDir, 'digue', 'stops'))) {
        if (name.startsWith('.~authoring-')) continue; // an abandoned temporary file, never read as a stop
        const text = await readFile(join(t.toursDir, 'digue', 'stops', name), 'utf8');
        expect(() => JSON.parse(text), name).not.toThrow();
      }
      expect(sent.has(await readFile(file, 'utf8'))).toBe(true);
    }
    expect(n).toBeGreaterThan(4);
  }, 60_000);
});
