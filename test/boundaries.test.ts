import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The import-boundary rule of eslint.config.js enforces DESIGN.md's dependency
// directions. Each case lints one import as if it stood in the named file.
const eslint = new ESLint({ cwd: join(import.meta.dirname, '..') });

async function restrictedImportErrors(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('dependency directions (DESIGN.md) are enforced by lint', () => {
  const refused: [string, string][] = [
    ['tour-pwa/src/app.ts', "import { build } from '@dunkirk/authoring';"],
    ['tour-pwa/src/app.ts', "import { x } from '../../authoring/src/x';"],
    ['content/src/reader.ts', "import { x } from '@dunkirk/tour-pwa';"],
    ['rfid-driver/src/index.ts', "import { x } from '@dunkirk/kiosk';"],
    ['rfid-driver/src/index.ts', "import { app } from 'electron';"],
    ['rfid-driver/src/readers/feig/frame.ts', "import { SerialPort } from 'serialport';"],
    ['rfid-driver/src/readers/feig/frame.ts', "import { x } from '@dunkirk/kiosk';"],
    ['kiosk/src/renderer/App.tsx', "import { readFileSync } from 'node:fs';"],
    ['kiosk/src/renderer/App.tsx', "import { ipcRenderer } from 'electron';"],
    ['kiosk/src/renderer/App.tsx', "import { x } from '@dunkirk/content';"],
    ['kiosk/src/common/contracts.ts', "import { Journal } from '../node/journal';"],
    ['kiosk/src/node/session.ts', "import { BrowserWindow } from 'electron';"],
    ['kiosk/src/preload/index.ts', "import { Journal } from '../node/journal';"],
  ];
  it.each(refused)('refuses in %s: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toBe(1);
  });

  const allowed: [string, string][] = [
    ['tour-pwa/src/app.ts', "import { readPackage } from '@dunkirk/content';"],
    ['authoring/src/cli.ts', "import { writePackage } from '@dunkirk/content';"],
    ['kiosk/src/node/hardware.ts', "import { x } from '@dunkirk/rfid-driver';"],
    ['rfid-driver/src/transport/serial.ts', "import { SerialPort } from 'serialport';"],
    ['kiosk/src/renderer/App.tsx', "import type { LoanService } from '../common/contracts';"],
    ['kiosk/src/main/index.ts', "import { app } from 'electron';"],
  ];
  it.each(allowed)('allows in %s: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toBe(0);
  });
});
