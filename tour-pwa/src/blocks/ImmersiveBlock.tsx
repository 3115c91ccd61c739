import { Component, Suspense, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { blockAssetRefs } from '@dunkirk/content';
import type { Block } from '@dunkirk/content';
import { ArBlock, PanoramaBlock, ReenactmentBlock } from '../scenes';
import { useServices } from '../app/services';
import type { BlockContext } from './Blocks';

type Immersive = Extract<Block, { type: 'reenactment' | 'panorama' | 'ar' }>;

/**
 * Mounts the lazy three.js players (src/scenes) for a re-enactment, panorama or AR block.
 * Their asset URLs are resolved first, each asset's hash checked by the library; until then,
 * and if the player fails (no WebGL, say), the still images below are shown instead.
 */
export function ImmersiveBlock({
  block,
  ctx,
  fallback,
}: {
  block: Immersive;
  ctx: BlockContext;
  fallback: ReactNode;
}) {
  const { library, narration } = useServices();
  const [urls, setUrls] = useState<Map<string, string> | null>(null);

  useEffect(() => {
    let live = true;
    const ids = [...new Set(blockAssetRefs(block).map((r) => r.id))];
    Promise.all(
      ids.map(async (id) => {
        const asset = ctx.manifest.assets.find((a) => a.id === id);
        return [id, asset ? await library.assetUrl(ctx.manifest.id, asset) : ''] as const;
      }),
    ).then(
      (pairs) => live && setUrls(new Map(pairs)),
      () => undefined, // a refused asset: the fallback stays
    );
    return () => {
      live = false;
    };
  }, [block, ctx.manifest, library]);

  if (!urls) return <>{fallback}</>;
  const props = {
    locale: (['fr', 'en', 'nl'].includes(ctx.locale) ? ctx.locale : 'en') as 'fr' | 'en' | 'nl',
    assetUrl: (id: string) => urls.get(id) ?? '',
    stopPosition: (ctx.manifest.stops.find((s) => s.id === ctx.stopId)?.position ?? [0, 0]) as [
      number,
      number,
    ],
    reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    narrationTime: () =>
      narration.store.get().status === 'playing' ? narration.store.get().positionS : null,
  };
  return (
    <FallbackOnError fallback={fallback}>
      <Suspense fallback={fallback}>
        {block.type === 'reenactment' && <ReenactmentBlock block={block} {...props} />}
        {block.type === 'panorama' && <PanoramaBlock block={block} {...props} />}
        {block.type === 'ar' && <ArBlock block={block} {...props} />}
      </Suspense>
    </FallbackOnError>
  );
}

class FallbackOnError extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
