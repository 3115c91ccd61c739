import { cp, lstat, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { LngLat, Text } from '@dunkirk/content';
import { isSafeRelativePath } from '@dunkirk/content';
import { AuthoringError } from './AuthoringError';
import { TEMP_PREFIX, writeFileAtomic } from './atomicWrite';
import { etagOf, ifMatchAccepts } from './etag';
import { KeyedLock } from './keyedLock';
import type { NewTour } from './tourTemplate';
import { newRouteFile, newStopFile, newTourFile } from './tourTemplate';

const TOUR_ID = /^[a-z0-9][a-z0-9-]{1,63}$/;
const STOP_ID = /^[a-z0-9-]+$/;

/** Files a curator may write through the API: the source form of FORMAT.md, nothing else. */
function isWritable(rel: string): boolean {
  return (
    rel === 'tour.json' ||
    rel === 'route.geojson' ||
    rel === 'SOURCES.md' ||
    /^stops\/[a-z0-9-]+\.json$/.test(rel) ||
    /^media\/[^/]+(\/[^/]+)*$/.test(rel)
  );
}

export interface FileVersion {
  bytes: Uint8Array;
  etag: string;
}

/** What the client sends to say which version it edited. */
export interface Precondition {
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
}

export interface TourSummary {
  id: string;
  title: Text;
  version: string;
  stopCount: number;
  /** Folder could not be read as a tour (shown, not hidden, so nothing disappears). */
  broken?: string;
}

export interface TourStoreOptions {
  /** `content/tours`: one folder per tour. */
  toursDir: string;
  /** Where archived tours are moved (default: `<toursDir>/../tours-archive`). */
  archiveDir?: string;
}

/**
 * The tour folders on disk, as the API sees them. Every write is atomic (`writeFileAtomic`) and
 * guarded by the ETag the client read, so a curator's saved edit is never silently overwritten.
 * Writes to one tour are serialised, so multi-file changes (adding a stop) do not interleave.
 */
export class TourStore {
  readonly toursDir: string;
  readonly archiveDir: string;
  readonly #lock = new KeyedLock();

  constructor(opts: TourStoreOptions) {
    this.toursDir = resolve(opts.toursDir);
    this.archiveDir = resolve(opts.archiveDir ?? join(this.toursDir, '..', 'tours-archive'));
  }

  tourDir(id: string): string {
    if (!TOUR_ID.test(id)) throw new AuthoringError('PATH_UNSAFE', { tour: id, issue: 'not a tour id' });
    return join(this.toursDir, id);
  }

  /** Absolute path of `rel` inside the tour, refusing traversal, absolute paths and dot-files. */
  pathOf(id: string, rel: string): string {
    const dir = this.tourDir(id);
    if (!isSafeRelativePath(rel) || rel.split('/').some((p) => p.startsWith('.'))) {
      throw new AuthoringError('PATH_UNSAFE', { tour: id, file: rel });
    }
    const abs = resolve(dir, rel);
    if (!abs.startsWith(dir + sep)) throw new AuthoringError('PATH_UNSAFE', { tour: id, file: rel });
    return abs;
  }

  /** Removes temporary files a killed server left behind (call before serving: no write is in flight). */
  async sweepTemporaryFiles(): Promise<string[]> {
    const names = await readdir(this.toursDir, { recursive: true }).catch(() => [] as string[]);
    const stale = names.filter((n) => n.split(sep).at(-1)?.startsWith(TEMP_PREFIX));
    await Promise.all(stale.map((n) => rm(join(this.toursDir, n), { recursive: true, force: true })));
    return stale;
  }

  async exists(id: string): Promise<boolean> {
    return (await lstat(this.tourDir(id)).catch(() => undefined))?.isDirectory() ?? false;
  }

  async listTours(): Promise<TourSummary[]> {
    const entries = await readdir(this.toursDir, { withFileTypes: true }).catch(() => []);
    const out: TourSummary[] = [];
    for (const e of entries) {
      if (!e.isDirectory() || !TOUR_ID.test(e.name)) continue;
      try {
        const tour = JSON.parse(await readFile(join(this.toursDir, e.name, 'tour.json'), 'utf8')) as {
          title?: Text;
          version?: string;
          stops?: unknown[];
        };
        out.push({
          id: e.name,
          title: tour.title ?? { fr: e.name },
          version: tour.version ?? '?',
          stopCount: Array.isArray(tour.stops) ? tour.stops.length : 0,
        });
      } catch (err) {
        out.push({ id: e.name, title: { fr: e.name }, version: '?', stopCount: 0, broken: String(err) });
      }
    }
    return out.sort((a, b) => a.id.localeCompare(b.id));
  }

  async read(id: string, rel: string): Promise<FileVersion> {
    const path = this.pathOf(id, rel);
    const info = await lstat(path).catch(() => undefined);
    if (!info?.isFile()) throw new AuthoringError('NOT_FOUND', { tour: id, file: rel });
    const bytes = new Uint8Array(await readFile(path));
    return { bytes, etag: etagOf(bytes) };
  }

  async readJson<T = unknown>(id: string, rel: string): Promise<{ value: T; etag: string }> {
    const { bytes, etag } = await this.read(id, rel);
    return { value: JSON.parse(new TextDecoder().decode(bytes)) as T, etag };
  }

  /**
   * Writes a file if the client's precondition holds: `If-Match` with the ETag it read (412 if the
   * file changed since), or `If-None-Match: *` to create (409 if it exists). No precondition: 428.
   */
  async write(id: string, rel: string, bytes: Uint8Array, pre: Precondition): Promise<{ etag: string }> {
    if (!isWritable(rel))
      throw new AuthoringError('PATH_UNSAFE', { tour: id, file: rel, issue: 'not writable' });
    if (rel.endsWith('.json') || rel.endsWith('.geojson')) assertJson(bytes, id, rel);
    return this.#lock.run(id, async () => {
      if (!(await this.exists(id))) throw new AuthoringError('NOT_FOUND', { tour: id });
      await this.#check(id, rel, pre);
      return this.#put(id, rel, bytes);
    });
  }

  async remove(id: string, rel: string, pre: Precondition): Promise<void> {
    if (!isWritable(rel) || rel === 'tour.json') {
      throw new AuthoringError('PATH_UNSAFE', { tour: id, file: rel, issue: 'not removable' });
    }
    await this.#lock.run(id, async () => {
      await this.#check(id, rel, pre);
      await rm(this.pathOf(id, rel));
    });
  }

  /** Read-modify-write of a JSON file under the tour's lock, for changes the server makes itself. */
  async updateJson<T>(
    id: string,
    rel: string,
    change: (value: T) => T | Promise<T>,
  ): Promise<{ etag: string }> {
    return this.#lock.run(id, async () => {
      const { value } = await this.readJson<T>(id, rel);
      return this.#put(id, rel, jsonBytes(await change(value)));
    });
  }

  /** Writes a binary media file the server produced (import), replacing any earlier one. */
  async writeMedia(id: string, rel: string, bytes: Uint8Array): Promise<{ etag: string }> {
    if (!rel.startsWith('media/') || !isWritable(rel))
      throw new AuthoringError('PATH_UNSAFE', { tour: id, file: rel });
    return this.#lock.run(id, () => this.#put(id, rel, bytes));
  }

  async createTour(t: NewTour): Promise<void> {
    const dir = this.tourDir(t.id);
    await this.#lock.run(t.id, async () => {
      if (await this.exists(t.id)) throw new AuthoringError('TOUR_EXISTS', { tour: t.id });
      // Build in a hidden sibling, then rename: a half-created tour never shows in the list.
      const staging = join(this.toursDir, `${TEMP_PREFIX}${t.id}`);
      await rm(staging, { recursive: true, force: true });
      await mkdir(join(staging, 'stops'), { recursive: true });
      await mkdir(join(staging, 'media'), { recursive: true });
      await writeFileAtomic(join(staging, 'tour.json'), jsonBytes(newTourFile(t)));
      await writeFileAtomic(join(staging, 'route.geojson'), jsonBytes(newRouteFile()));
      await writeFileAtomic(
        join(staging, 'SOURCES.md'),
        `# Sources of ${t.id}\n\nWhere every position and fact of this tour comes from.\n`,
      );
      await rename(staging, dir);
    });
  }

  async duplicateTour(id: string, newId: string): Promise<void> {
    const from = this.tourDir(id);
    const to = this.tourDir(newId);
    if (!(await this.exists(id))) throw new AuthoringError('NOT_FOUND', { tour: id });
    await this.#lock.run(newId, async () => {
      if (await this.exists(newId)) throw new AuthoringError('TOUR_EXISTS', { tour: newId });
      const staging = join(this.toursDir, `${TEMP_PREFIX}${newId}`);
      await rm(staging, { recursive: true, force: true });
      await cp(from, staging, {
        recursive: true,
        filter: (src) =>
          !src
            .slice(from.length)
            .split(sep)
            .some((p) => p.startsWith('.')),
      });
      const tourPath = join(staging, 'tour.json');
      const tour = JSON.parse(await readFile(tourPath, 'utf8')) as Record<string, unknown>;
      tour['id'] = newId;
      tour['version'] = '0.1.0';
      delete tour['changelog'];
      delete tour['publishedAt'];
      await writeFileAtomic(tourPath, jsonBytes(tour));
      await rename(staging, to);
    });
  }

  /** Moves the tour folder out of `toursDir` (kept on disk, out of the list and of `build-all`). */
  async archiveTour(id: string): Promise<{ archivedTo: string }> {
    const from = this.tourDir(id);
    return this.#lock.run(id, async () => {
      if (!(await this.exists(id))) throw new AuthoringError('NOT_FOUND', { tour: id });
      await mkdir(this.archiveDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const to = join(this.archiveDir, `${id}-${stamp}`);
      await rename(from, to);
      return { archivedTo: to };
    });
  }

  /** Adds `stops/<id>.json` and lists it in `tour.json` (after `after`, else at the end). */
  async addStop(
    id: string,
    stop: { id?: string; title: Text; position: LngLat; after?: string },
  ): Promise<{ stopId: string; etag: string }> {
    return this.#lock.run(id, async () => {
      const { value: tour } = await this.readJson<{ stops: string[] }>(id, 'tour.json');
      const stopId = stop.id ?? nextStopId(tour.stops);
      if (!STOP_ID.test(stopId)) throw new AuthoringError('BODY_INVALID', { tour: id, pointer: '/id' });
      if (tour.stops.includes(stopId)) throw new AuthoringError('STOP_EXISTS', { tour: id, file: stopId });
      const rel = `stops/${stopId}.json`;
      await mkdir(join(this.tourDir(id), 'stops'), { recursive: true });
      await this.#check(id, rel, { ifNoneMatch: '*' }).catch(() => {
        throw new AuthoringError('STOP_EXISTS', { tour: id, file: rel });
      });
      const { etag } = await this.#put(id, rel, jsonBytes(newStopFile(stopId, stop.title, stop.position)));
      const at = stop.after ? tour.stops.indexOf(stop.after) + 1 : tour.stops.length;
      tour.stops.splice(at > 0 ? at : tour.stops.length, 0, stopId);
      await this.#put(id, 'tour.json', jsonBytes(tour));
      return { stopId, etag };
    });
  }

  async removeStop(id: string, stopId: string, pre: Precondition): Promise<void> {
    const rel = `stops/${stopId}.json`;
    await this.#lock.run(id, async () => {
      await this.#check(id, rel, pre);
      const { value: tour } = await this.readJson<{ stops: string[] }>(id, 'tour.json');
      tour.stops = tour.stops.filter((s) => s !== stopId);
      await this.#put(id, 'tour.json', jsonBytes(tour));
      await rm(this.pathOf(id, rel), { force: true });
    });
  }

  async #check(id: string, rel: string, pre: Precondition): Promise<void> {
    const current = await this.read(id, rel).catch((err: unknown) => {
      if (err instanceof AuthoringError && err.code === 'NOT_FOUND') return undefined;
      throw err;
    });
    if (pre.ifNoneMatch !== undefined) {
      if (pre.ifNoneMatch.trim() === '*' && current) {
        throw new AuthoringError('ETAG_MISMATCH', {
          tour: id,
          file: rel,
          etag: current.etag,
          issue: 'exists',
        });
      }
      return;
    }
    if (pre.ifMatch === undefined) throw new AuthoringError('PRECONDITION_REQUIRED', { tour: id, file: rel });
    if (!current)
      throw new AuthoringError('ETAG_MISMATCH', { tour: id, file: rel, issue: 'file was removed' });
    if (!ifMatchAccepts(pre.ifMatch, current.etag)) {
      throw new AuthoringError('ETAG_MISMATCH', { tour: id, file: rel, etag: current.etag });
    }
  }

  async #put(id: string, rel: string, bytes: Uint8Array): Promise<{ etag: string }> {
    const path = this.pathOf(id, rel);
    await mkdir(resolve(path, '..'), { recursive: true });
    await writeFileAtomic(path, bytes);
    return { etag: etagOf(bytes) };
  }
}

/** JSON as curators read it in git: two-space indent, final newline. */
export function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value, null, 2) + '\n');
}

function assertJson(bytes: Uint8Array, tour: string, file: string): void {
  try {
    JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (cause) {
    throw new AuthoringError('BODY_INVALID', { tour, file, issue: 'not UTF-8 JSON' }, { cause });
  }
}

function nextStopId(existing: readonly string[]): string {
  for (let n = existing.length + 1; ; n++) {
    const id = `stop-${n}`;
    if (!existing.includes(id)) return id;
  }
}
