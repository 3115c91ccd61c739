import { spawn } from 'node:child_process';
import { MediaError } from './MediaError';

export interface ToolResult {
  stdout: Buffer;
  stderr: string;
}

/** How many trailing characters of stderr an error keeps: enough to read the cause, not a log. */
const STDERR_TAIL = 800;

/**
 * Runs an external program without a shell (arguments are never interpreted), feeding `input` on stdin.
 * Refuses with `TOOL_MISSING` when the program is not installed and `TOOL_FAILED` (with the stderr
 * tail) when it exits non-zero.
 */
export function runTool(tool: string, args: readonly string[], input?: Uint8Array): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'ENOENT'
          ? new MediaError('TOOL_MISSING', { tool })
          : new MediaError('TOOL_FAILED', { tool, stderrTail: e.message }),
      );
    });
    // A tool that exits before reading all of stdin closes the pipe; its exit code tells the story.
    child.stdin.on('error', () => undefined);
    child.on('close', (exitCode) => {
      const stderr = Buffer.concat(err).toString('utf8');
      if (exitCode === 0) resolve({ stdout: Buffer.concat(out), stderr });
      else reject(new MediaError('TOOL_FAILED', { tool, exitCode, stderrTail: stderr.slice(-STDERR_TAIL) }));
    });
    if (input) child.stdin.end(input);
    else child.stdin.end();
  });
}

const versions = new Map<string, Promise<string>>();

/** The first line of `<tool> --version` (`ffmpeg -version`), cached; part of every cache key. */
export function toolVersion(tool: 'espeak-ng' | 'ffmpeg'): Promise<string> {
  let v = versions.get(tool);
  if (!v) {
    v = runTool(tool, [tool === 'ffmpeg' ? '-version' : '--version']).then(
      (r) => r.stdout.toString('utf8').split('\n')[0]?.trim() ?? '',
    );
    versions.set(tool, v);
    v.catch(() => versions.delete(tool));
  }
  return v;
}
