/**
 * The editor's state for one tour, without React: the last saved version of each file with its ETag,
 * the validation report, and conflicts. Components render `snapshot` and call the methods; a change
 * on disk (another curator, a text editor) arrives through `applyExternalChange` and reloads that file.
 */
import { lineLengthM } from '../../../src/server/geo';
import type { Versioned } from './api';
import { api, ApiError } from './api';
import type { LngLat, RouteDoc, StopDoc, Text, TourDoc, TourFileChange, TourReport } from './types';

export interface Conflict {
  file: string;
  /** ETag of the version on disk now. */
  theirs: string;
  /** What this curator tried to save. */
  mine: unknown;
}

export interface SessionSnapshot {
  status: 'loading' | 'ready' | 'error';
  error?: string;
  tour?: Versioned<TourDoc>;
  stops: Readonly<Record<string, Versioned<StopDoc>>>;
  route?: Versioned<RouteDoc>;
  report?: TourReport;
  conflicts: readonly Conflict[];
  /** Files reloaded because they changed on disk, newest last (shown as a notice). */
  reloaded: readonly string[];
  /** Per file, how many times the curator chose "their version": forms drop their drafts on a change. */
  discarded: Readonly<Record<string, number>>;
  saving: boolean;
}

export type SaveOutcome = { ok: true } | { ok: false; conflict: Conflict } | { ok: false; error: ApiError };

export function routeLine(route: RouteDoc | undefined): LngLat[] {
  return route?.geometry?.coordinates ?? route?.coordinates ?? [];
}

export class TourSession {
  #snapshot: SessionSnapshot = {
    status: 'loading',
    stops: {},
    conflicts: [],
    reloaded: [],
    discarded: {},
    saving: false,
  };
  readonly #listeners = new Set<() => void>();
  #reportTimer: ReturnType<typeof setTimeout> | undefined;
  /** Saves in flight per file: the watcher's echo of our own save may arrive before its response. */
  readonly #inflight = new Map<string, Promise<SaveOutcome>>();

  constructor(readonly tourId: string) {}

  get snapshot(): SessionSnapshot {
    return this.#snapshot;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): SessionSnapshot => this.#snapshot;

  #set(patch: Partial<SessionSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...patch };
    for (const l of this.#listeners) l();
  }

  async load(): Promise<void> {
    try {
      const tour = await api.readJson<TourDoc>(this.tourId, 'tour.json');
      const stops: Record<string, Versioned<StopDoc>> = {};
      await Promise.all(
        tour.value.stops.map(async (id) => {
          stops[id] = await api.readJson<StopDoc>(this.tourId, `stops/${id}.json`);
        }),
      );
      const route = await api.readJson<RouteDoc>(this.tourId, tour.value.route).catch(() => undefined);
      this.#set({ status: 'ready', tour, stops, ...(route && { route }) });
      await this.refreshReport();
    } catch (err) {
      this.#set({ status: 'error', error: (err as Error).message });
    }
  }

  async refreshReport(): Promise<void> {
    this.#set({ report: await api.report(this.tourId) });
  }

  #reportSoon(): void {
    clearTimeout(this.#reportTimer);
    // A failed refresh keeps the last report; the next save or change tries again.
    this.#reportTimer = setTimeout(() => void this.refreshReport().catch(() => undefined), 150);
  }

  async #save<T>(
    file: string,
    value: T,
    etag: string | null,
    apply: (v: Versioned<T>) => void,
  ): Promise<SaveOutcome> {
    const done = this.#doSave(file, value, etag, apply);
    this.#inflight.set(file, done);
    try {
      return await done;
    } finally {
      if (this.#inflight.get(file) === done) this.#inflight.delete(file);
    }
  }

  async #doSave<T>(
    file: string,
    value: T,
    etag: string | null,
    apply: (v: Versioned<T>) => void,
  ): Promise<SaveOutcome> {
    this.#set({ saving: true });
    try {
      const next = await api.writeJson(this.tourId, file, value, etag);
      apply({ value, etag: next });
      this.#set({ saving: false, conflicts: this.#snapshot.conflicts.filter((c) => c.file !== file) });
      this.#reportSoon();
      return { ok: true };
    } catch (err) {
      this.#set({ saving: false });
      if (err instanceof ApiError && err.status === 412) {
        const conflict: Conflict = { file, theirs: err.details.etag ?? '', mine: value };
        this.#set({ conflicts: [...this.#snapshot.conflicts.filter((c) => c.file !== file), conflict] });
        return { ok: false, conflict };
      }
      if (err instanceof ApiError) return { ok: false, error: err };
      throw err;
    }
  }

  saveTour(value: TourDoc): Promise<SaveOutcome> {
    return this.#save('tour.json', value, this.#snapshot.tour?.etag ?? null, (tour) => this.#set({ tour }));
  }

  /** `baseEtag`: the version the curator's draft started from (default: the one held now). */
  saveStop(value: StopDoc, baseEtag?: string): Promise<SaveOutcome> {
    const file = `stops/${value.id}.json`;
    return this.#save(file, value, baseEtag ?? this.#snapshot.stops[value.id]?.etag ?? null, (v) =>
      this.#set({ stops: { ...this.#snapshot.stops, [value.id]: v } }),
    );
  }

  async saveRoute(coordinates: LngLat[]): Promise<SaveOutcome> {
    const file = this.#snapshot.tour?.value.route ?? 'route.geojson';
    const value: RouteDoc = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates },
    };
    const saved = await this.#save(file, value, this.#snapshot.route?.etag ?? null, (route) =>
      this.#set({ route }),
    );
    // The distance shown to visitors follows the route.
    const tour = this.#snapshot.tour?.value;
    const distanceM = Math.round(lineLengthM(coordinates));
    if (saved.ok && tour && tour['distanceM'] !== distanceM) return this.saveTour({ ...tour, distanceM });
    return saved;
  }

  /** Conflict resolution: keep theirs (reload) or write mine over the version now on disk. */
  async resolve(conflict: Conflict, choice: 'theirs' | 'mine'): Promise<SaveOutcome> {
    if (choice === 'theirs') {
      this.#set({ conflicts: this.#snapshot.conflicts.filter((c) => c !== conflict) });
      await this.#reload(conflict.file);
      const discarded = this.#snapshot.discarded;
      this.#set({ discarded: { ...discarded, [conflict.file]: (discarded[conflict.file] ?? 0) + 1 } });
      return { ok: true };
    }
    return this.#save(conflict.file, conflict.mine, conflict.theirs, () => undefined).then(async (r) => {
      await this.#reload(conflict.file);
      return r;
    });
  }

  async addStop(position: LngLat, title: Text): Promise<string> {
    const { stopId } = await api.addStop(this.tourId, position, title as Record<string, string>);
    await Promise.all([this.#reload('tour.json'), this.#reload(`stops/${stopId}.json`)]);
    this.#reportSoon();
    return stopId;
  }

  async removeStop(id: string): Promise<void> {
    const etag = this.#snapshot.stops[id]?.etag;
    if (!etag) return;
    await api.removeStop(this.tourId, id, etag);
    const { [id]: _gone, ...stops } = this.#snapshot.stops;
    this.#set({ stops });
    await this.#reload('tour.json');
    this.#reportSoon();
  }

  /** A file of this tour changed on disk: reload it unless we already hold that version. */
  async applyExternalChange(change: TourFileChange): Promise<void> {
    if (change.tour !== this.tourId) return;
    await this.#inflight.get(change.file)?.catch(() => undefined);
    const s = this.#snapshot;
    const held =
      change.file === 'tour.json'
        ? s.tour?.etag
        : change.file === s.tour?.value.route
          ? s.route?.etag
          : /^stops\/(.+)\.json$/.test(change.file)
            ? s.stops[change.file.slice(6, -5)]?.etag
            : undefined;
    if (held !== undefined && held === change.etag) return;
    if (change.file.startsWith('media/')) {
      this.#reportSoon();
      return;
    }
    await this.#reload(change.file);
    // A file we did not hold yet is one this session is creating (its own echo): no notice.
    if (held !== undefined) this.#set({ reloaded: [...s.reloaded.slice(-4), change.file] });
    this.#reportSoon();
  }

  async #reload(file: string): Promise<void> {
    const s = this.#snapshot;
    try {
      if (file === 'tour.json') {
        const tour = await api.readJson<TourDoc>(this.tourId, file);
        const missing = tour.value.stops.filter((id) => !this.#snapshot.stops[id]);
        const loaded = await Promise.all(
          missing.map(
            async (id) => [id, await api.readJson<StopDoc>(this.tourId, `stops/${id}.json`)] as const,
          ),
        );
        this.#set({ tour, stops: { ...this.#snapshot.stops, ...Object.fromEntries(loaded) } });
      } else if (file === s.tour?.value.route) {
        this.#set({ route: await api.readJson<RouteDoc>(this.tourId, file) });
      } else if (/^stops\/[a-z0-9-]+\.json$/.test(file)) {
        const id = file.slice(6, -5);
        this.#set({
          stops: { ...this.#snapshot.stops, [id]: await api.readJson<StopDoc>(this.tourId, file) },
        });
      }
    } catch (err) {
      if (err instanceof ApiError && err.status === 404 && file.startsWith('stops/')) {
        const { [file.slice(6, -5)]: _gone, ...stops } = this.#snapshot.stops;
        this.#set({ stops });
        return;
      }
      throw err;
    }
  }

  dispose(): void {
    clearTimeout(this.#reportTimer);
    this.#listeners.clear();
  }
}
