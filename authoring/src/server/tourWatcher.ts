import type { FSWatcher } from 'node:fs';
import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { TEMP_PREFIX } from './atomicWrite';
import { etagOf } from './etag';

export interface TourFileChange {
  tour: string;
  /** Path inside the tour folder, `/`-separated. */
  file: string;
  /** ETag of the new content; absent when the file was removed. */
  etag?: string;
}

/**
 * Watches `content/tours` so an edit made in a text editor (or by another curator) reaches every open
 * UI. Events are debounced per file and reported only when the content (its ETag) really changed;
 * the server's own temporary files and generated folders are ignored.
 */
export class TourWatcher {
  readonly #watcher: FSWatcher;
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #known = new Map<string, string | undefined>();
  readonly #listeners = new Set<(c: TourFileChange) => void>();

  constructor(
    readonly toursDir: string,
    readonly debounceMs = 60,
  ) {
    this.#watcher = watch(toursDir, { recursive: true }, (_event, name) => {
      if (name) this.#schedule(name.toString());
    });
    this.#watcher.on('error', () => {
      // A tour folder archived or renamed under the watch: nothing to report.
    });
  }

  onChange(listener: (c: TourFileChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#watcher.close();
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
    this.#listeners.clear();
  }

  #schedule(name: string): void {
    const parts = name.split(sep);
    if (parts.length < 2 || parts.some((p) => p.startsWith('.'))) return;
    const key = parts.join('/');
    clearTimeout(this.#timers.get(key));
    this.#timers.set(
      key,
      setTimeout(() => {
        this.#timers.delete(key);
        void this.#emit(parts);
      }, this.debounceMs),
    );
  }

  async #emit(parts: string[]): Promise<void> {
    const [tour, ...rest] = parts;
    if (!tour || rest.length === 0 || rest.at(-1)?.startsWith(TEMP_PREFIX)) return;
    const file = rest.join('/');
    const key = `${tour}/${file}`;
    let etag: string | undefined;
    try {
      etag = etagOf(await readFile(join(this.toursDir, ...parts)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return; // a folder, or unreadable for now
    }
    if (this.#known.has(key) && this.#known.get(key) === etag) return;
    this.#known.set(key, etag);
    const change: TourFileChange = { tour, file, ...(etag && { etag }) };
    for (const l of this.#listeners) l(change);
  }
}
