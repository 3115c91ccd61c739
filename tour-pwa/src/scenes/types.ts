import type { Block } from '@dunkirk/content';
import type { SceneLocale } from './core';

export type ReenactmentBlockType = Extract<Block, { type: 'reenactment' }>;
export type PanoramaBlockType = Extract<Block, { type: 'panorama' }>;
export type ArBlockType = Extract<Block, { type: 'ar' }>;

/** What the stop screen gives every immersive block (README.md § Contract). */
export interface SceneBlockProps<B> {
  /** The Block from @dunkirk/content. */
  block: B;
  locale: SceneLocale;
  /** Where the (already verified, cached) asset bytes are served. */
  assetUrl(id: string): string;
  /** [lon, lat] */
  stopPosition: [number, number];
  reducedMotion: boolean;
  /** Current time of the stop's narration, for subtitle/timeline sync (seconds), if narration plays. */
  narrationTime?: () => number | null;
}
