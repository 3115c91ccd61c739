import { describe, expect, it } from 'vitest';
import { assetExtension, assetPath, mediaTypeForPath } from '../index';

describe('assetPath', () => {
  const sha = 'a'.repeat(64);
  it.each([
    ['audio/ogg; codecs=opus', 'opus'],
    ['audio/ogg', 'ogg'],
    ['text/vtt', 'vtt'],
    ['model/gltf-binary', 'glb'],
    ['image/webp', 'webp'],
    ['image/jpeg', 'jpg'],
    ['IMAGE/AVIF', 'avif'],
  ])('names a %s asset assets/<sha>.%s', (mediaType, ext) => {
    expect(assetExtension(mediaType)).toBe(ext);
    expect(assetPath({ sha256: sha, mediaType })).toBe(`assets/${sha}.${ext}`);
  });

  it('maps file names back to the media types a server must send', () => {
    expect(mediaTypeForPath('x.vtt')).toBe('text/vtt; charset=utf-8');
    expect(mediaTypeForPath('x.glb')).toBe('model/gltf-binary');
    expect(mediaTypeForPath('x.opus')).toBe('audio/ogg; codecs=opus');
    expect(mediaTypeForPath('x.exe')).toBeUndefined();
  });
});
