import { useEffect, useState } from 'react';

export type AsyncState<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: unknown };

/** Runs `load` when its deps change, aborting the previous run; the component shows the state. */
export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  useEffect(() => {
    const ctl = new AbortController();
    setState({ status: 'loading' });
    load(ctl.signal).then(
      (value) => !ctl.signal.aborted && setState({ status: 'ready', value }),
      (error: unknown) => !ctl.signal.aborted && setState({ status: 'failed', error }),
    );
    return () => ctl.abort();
    // The caller names the deps of `load` (like useEffect's own list).
  }, deps);
  return state;
}
