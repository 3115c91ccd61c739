import { spawnSync } from 'node:child_process';

/** Runs a tool synchronously (generators run once, in order); throws with the stderr tail when it fails. */
export function run(tool: string, args: readonly string[], input?: Uint8Array): Buffer {
  const r = spawnSync(tool, args, { input, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new Error(`${tool} could not start (${r.error.message}); apt-get install -y ${tool}`);
  if (r.status !== 0)
    throw new Error(`${tool} failed (exit ${r.status}): ${r.stderr.toString('utf8').slice(-600)}`);
  return r.stdout;
}
