/**
 * Immersive stop blocks for the tour PWA: 3D re-enactments, 360° panoramas and AR views.
 * Only lazy wrappers are exported, so the stop screen's chunk never pulls in three.js; the
 * 3D code arrives when a block of one of these types is first rendered (inside <Suspense>).
 * README.md § Contract.
 */
import { lazy } from 'react';
import type { JSX } from 'react';
import type { ArBlockType, PanoramaBlockType, ReenactmentBlockType, SceneBlockProps } from './types';

export type { SceneBlockProps, ReenactmentBlockType, PanoramaBlockType, ArBlockType } from './types';

export const ReenactmentBlock: React.LazyExoticComponent<
  (p: SceneBlockProps<ReenactmentBlockType>) => JSX.Element
> = lazy(() => import('./ReenactmentPlayer'));

export const PanoramaBlock: React.LazyExoticComponent<
  (p: SceneBlockProps<PanoramaBlockType>) => JSX.Element
> = lazy(() => import('./PanoramaViewer'));

export const ArBlock: React.LazyExoticComponent<(p: SceneBlockProps<ArBlockType>) => JSX.Element> = lazy(
  () => import('./ArView'),
);
