import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Builds the touch UI once before the kiosk's tests; browser tests load it from dist/renderer. */
export default function setup(): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: join(import.meta.dirname, '..'),
    stdio: 'inherit',
  });
}
