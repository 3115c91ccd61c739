/**
 * A framework-free store (the zustand vanilla pattern): state is replaced, never
 * mutated, and listeners hear every change. React reads it through `useStore`.
 */
export interface Store<S> {
  get(): S;
  set(next: Partial<S> | ((s: S) => Partial<S>)): void;
  subscribe(listener: (state: S, previous: S) => void): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<(state: S, previous: S) => void>();
  return {
    get: () => state,
    set(next) {
      const patch = typeof next === 'function' ? next(state) : next;
      const previous = state;
      state = { ...state, ...patch };
      for (const l of listeners) l(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A key/value store the persisted stores write to (localStorage in the browser, a Map in tests). */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function memoryKeyValue(): KeyValue {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}

/**
 * Versioned persistence: `{ version, state }` is written on every change, and an
 * older version is upgraded through `migrate` (zustand's persist habit) or dropped.
 */
export function persisted<S extends object>(
  kv: KeyValue,
  key: string,
  version: number,
  initial: S,
  migrate?: (old: unknown, fromVersion: number) => S | null,
): Store<S> {
  let start = initial;
  try {
    const raw = kv.getItem(key);
    if (raw) {
      const parsed = JSON.parse(raw) as { version?: unknown; state?: unknown };
      if (parsed.version === version && parsed.state && typeof parsed.state === 'object') {
        start = { ...initial, ...(parsed.state as Partial<S>) };
      } else if (typeof parsed.version === 'number' && migrate) {
        start = migrate(parsed.state, parsed.version) ?? initial;
      }
    }
  } catch (_) {
    // Corrupt storage is not worth a crash: start afresh.
    start = initial;
  }
  const store = createStore(start);
  store.subscribe((s) => {
    try {
      kv.setItem(key, JSON.stringify({ version, state: s }));
    } catch (_) {
      // Storage full or blocked (private mode): the tour still works, it just will not resume.
    }
  });
  return store;
}
