import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block } from '@dunkirk/content';
import { useServices, useStore } from '../app/services';
import { localized } from '../app/text';
import type { BlockContext } from './Blocks';

type NarrationBlockData = Extract<Block, { type: 'narration' }>;

/**
 * A narration: hands its audio and captions to the one player of the walk
 * (so it keeps playing and shows on the lock screen), and shows the transcript.
 */
export function NarrationBlock({
  block,
  ctx,
  blockKey,
  autoplay,
}: {
  block: NarrationBlockData;
  ctx: BlockContext;
  blockKey: string;
  autoplay: boolean;
}) {
  const { t } = useTranslation();
  const { library, narration } = useServices();
  const tracks = block.tracks as Record<
    string,
    { audio: string; captions: string; durationS: number } | undefined
  >;
  const track = tracks[ctx.locale] ?? tracks.en ?? tracks.fr ?? Object.values(tracks).find(Boolean);
  const key = `${ctx.manifest.id}/${ctx.stopId}/${blockKey}/${ctx.locale}`;
  const loadedKey = useStore(narration.store, (s) => s.key);
  const title = localized(ctx.manifest.stops.find((s) => s.id === ctx.stopId)?.title, ctx.locale);

  useEffect(() => {
    if (!track) return;
    let live = true;
    const audio = ctx.manifest.assets.find((a) => a.id === track.audio);
    const captions = ctx.manifest.assets.find((a) => a.id === track.captions);
    if (!audio) return;
    void (async () => {
      const [src, captionsSrc] = await Promise.all([
        library.assetUrl(ctx.manifest.id, audio),
        captions ? library.assetUrl(ctx.manifest.id, captions) : Promise.resolve(null),
      ]);
      if (!live) return;
      // Only take over the player if it is idle or asked to (arrival); never cut another narration short.
      const current = narration.store.get();
      if (autoplay || current.key === null || current.status === 'ended' || current.status === 'idle') {
        await narration.load({ key, src, captionsSrc, title }, autoplay);
      }
    })().catch(() => undefined);
    return () => {
      live = false;
    };
    // key changes with the locale, so switching language loads that language's track.
  }, [key, autoplay]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <section className="narration-block">
      {!track && <p>{t('player.noAudio')}</p>}
      {track && loadedKey !== key && (
        <button
          type="button"
          onClick={() => {
            const audio = ctx.manifest.assets.find((a) => a.id === track.audio);
            const captions = ctx.manifest.assets.find((a) => a.id === track.captions);
            if (!audio) return;
            void Promise.all([
              library.assetUrl(ctx.manifest.id, audio),
              captions ? library.assetUrl(ctx.manifest.id, captions) : Promise.resolve(null),
            ]).then(([src, captionsSrc]) => narration.load({ key, src, captionsSrc, title }, true));
          }}
        >
          {t('player.play')}
        </button>
      )}
      <details>
        <summary>{t('stop.transcript')}</summary>
        <div className="transcript" lang={ctx.locale}>
          {localized(block.transcript, ctx.locale)
            .split(/\n{2,}/)
            .map((p, i) => (
              <p key={i}>{p}</p>
            ))}
        </div>
      </details>
    </section>
  );
}
