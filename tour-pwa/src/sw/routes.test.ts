import { describe, expect, it } from 'vitest';
import { isPackageFile, isTile } from './routes';

const u = (p: string) => new URL(p, 'https://app.example/');

describe('service worker routes', () => {
  it('recognises tour package files (content-addressed assets, manifest and signature)', () => {
    expect(isPackageFile(u(`/tours/packages/port/1.0.0/assets/${'ab'.repeat(32)}.opus`))).toBe(true);
    expect(isPackageFile(u('/tours/packages/port/1.0.0/manifest.json'))).toBe(true);
    expect(isPackageFile(u('/tours/packages/port/1.0.0/manifest.sig'))).toBe(true);
    expect(isPackageFile(u('/manifest.webmanifest'))).toBe(false);
    expect(isPackageFile(u('/assets/index-abc.js'))).toBe(false);
  });

  it('recognises XYZ tiles', () => {
    expect(isTile(u('/tiles/14/8299/5440.png'))).toBe(true);
    expect(isTile(u('/tiles/14/8299/5440@2x.webp'))).toBe(true);
    expect(isTile(u('/assets/index.js'))).toBe(false);
  });
});
