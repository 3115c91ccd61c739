import { useEffect } from 'react';

/** Keeps the screen awake while walking; taken again when the page becomes visible (the browser drops it). */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || !('wakeLock' in navigator)) return;
    let sentinel: WakeLockSentinel | null = null;
    let live = true;
    const acquire = (): void => {
      if (document.visibilityState !== 'visible') return;
      navigator.wakeLock.request('screen').then(
        (s) => {
          if (live) sentinel = s;
          else void s.release();
        },
        () => undefined, // refused (battery saver, no permission): the walk goes on
      );
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', acquire);
      void sentinel?.release();
    };
  }, [active]);
}
