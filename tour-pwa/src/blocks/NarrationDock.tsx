import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useStore } from '../app/services';
import { PLAYBACK_RATES } from '../core/narration';

/**
 * The walk's one audio player: play/pause, ±10 s, speed, captions (WebVTT, shown
 * as text since <audio> draws none), and the lock-screen controls (Media Session).
 */
export function NarrationDock({ album }: { album: string }) {
  const { t } = useTranslation();
  const { narration } = useServices();
  const audioRef = useRef<HTMLAudioElement>(null);
  const trackRef = useRef<HTMLTrackElement>(null);
  const state = useStore(narration.store, (s) => s);

  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    const detach = narration.attach(audio);
    const onPlaying = (): void => {
      performance.mark('narration-playing');
    };
    audio.addEventListener('playing', onPlaying);
    return () => {
      audio.removeEventListener('playing', onPlaying);
      audio.pause();
      detach();
    };
  }, [narration]);

  // Captions: the active cue's text goes to the store, which the caption line renders.
  useEffect(() => {
    const el = trackRef.current;
    if (!el) return;
    const track = el.track;
    track.mode = 'hidden';
    const onCue = (): void => {
      const cues = track.activeCues;
      const text = cues && cues.length > 0 ? Array.from(cues, (c) => (c as VTTCue).text).join('\n') : '';
      narration.setCaption(text.replace(/<[^>]*>/g, ''));
    };
    track.addEventListener('cuechange', onCue);
    return () => track.removeEventListener('cuechange', onCue);
  }, [narration, state.captionsSrc]);

  // Lock-screen controls.
  useEffect(() => {
    if (!('mediaSession' in navigator) || !state.key) return;
    const ms = navigator.mediaSession;
    ms.metadata = new MediaMetadata({ title: state.title, artist: t('appName'), album });
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => void narration.toggle()],
      ['pause', () => void narration.toggle()],
      ['seekbackward', () => narration.seekBy(-10)],
      ['seekforward', () => narration.seekBy(10)],
    ];
    for (const [a, h] of handlers) {
      try {
        ms.setActionHandler(a, h);
      } catch (_) {
        // An action this browser does not support.
      }
    }
    return () => {
      for (const [a] of handlers) {
        try {
          ms.setActionHandler(a, null);
        } catch (_) {
          // ignore
        }
      }
    };
  }, [narration, state.key, state.title, album, t]);

  useEffect(() => {
    if ('mediaSession' in navigator) {
      navigator.mediaSession.playbackState =
        state.status === 'playing' ? 'playing' : state.key ? 'paused' : 'none';
    }
  }, [state.status, state.key]);

  const fmt = (s: number): string => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
  const playing = state.status === 'playing';

  return (
    <section className="dock" aria-label={t('player.label')} hidden={!state.key}>
      <audio ref={audioRef} preload="auto" data-status={state.status}>
        {state.captionsSrc && (
          <track
            ref={trackRef}
            kind="captions"
            src={state.captionsSrc}
            srcLang="und"
            label={t('player.captions')}
            default
          />
        )}
      </audio>
      <p className="dock-title">{state.title}</p>
      <p className="caption" data-testid="caption">
        {state.caption}
      </p>
      <div className="dock-controls">
        <button type="button" onClick={() => narration.seekBy(-10)} aria-label={t('player.back')}>
          <Icon d="M11 6 3 12l8 6V6zm10 0-8 6 8 6V6z" />
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void narration.toggle()}
          aria-label={playing ? t('player.pause') : t('player.play')}
        >
          {playing ? <Icon d="M6 5h4v14H6zm8 0h4v14h-4z" /> : <Icon d="M7 4v16l13-8z" />}
        </button>
        <button type="button" onClick={() => narration.seekBy(10)} aria-label={t('player.forward')}>
          <Icon d="M13 6v12l8-6-8-6zM3 6v12l8-6-8-6z" />
        </button>
        <span className="time" aria-hidden="true">
          {fmt(state.positionS)} / {fmt(state.durationS)}
        </span>
        <label>
          {t('player.speed')}{' '}
          <select name="speed" value={state.rate} onChange={(e) => narration.setRate(Number(e.target.value))}>
            {PLAYBACK_RATES.map((r) => (
              <option key={r} value={r}>
                {r}×
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}

/** Drawn, not typed: some phone and kiosk fonts lack the media-control characters. */
function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}
