import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isTourFormatError } from '@dunkirk/content';
import { poiCategories, type PoiCategory } from '@dunkirk/content';
import { importDatatourisme } from './datatourisme';
import { importGeoJson } from './geojson';
import { importGtfs } from './gtfs';
import { importLayers, readGtfs } from './importLayers';
import { formatIssue, type ImportIssue } from './issues';

export const importUsage = `Usage: tour import <kind> [options]

  layers <tour-dir> [--strict]                     build <tour-dir>/layers/layers.json from layers/import.json
  datatourisme <file.jsonld> [--bounds w,s,e,n] [--out <json>]   check a DATAtourisme JSON-LD export; --out writes its points
  geojson <file.geojson> --source <key> [--category <c>] [--bounds w,s,e,n] [--out <json>]
  gtfs <feed.zip|dir> [--bounds w,s,e,n] [--margin <m>] [--out <json>]   compact timetable of the area

--bounds (a tour's map.bounds) leaves out places outside it, each reported as OUTSIDE_AREA.

Rows that cannot be imported are listed as file:line field CODE and left out; the rest is imported.
--strict makes any such row fail (exit 1). Exit 2 on a usage error.`;

export interface ImportIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

const options = {
  out: { type: 'string' },
  source: { type: 'string' },
  category: { type: 'string' },
  bounds: { type: 'string' },
  margin: { type: 'string' },
  strict: { type: 'boolean' },
} as const;

/** `tour import …`: the verbs of the authoring CLI for layers. Resolves with the exit status. */
export async function runImport(argv: readonly string[], io: ImportIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (err) {
    io.err(`tour import: ${(err as Error).message}\n\n${importUsage}`);
    return 2;
  }
  const [kind, target, ...extra] = parsed.positionals;
  const v = parsed.values;
  if (!kind || !target || extra.length > 0) {
    io.err(importUsage);
    return 2;
  }
  const abs = resolve(io.cwd, target);
  const report = (issues: ImportIssue[]): number => {
    for (const i of issues) io.err(formatIssue(i));
    return v.strict && issues.length > 0 ? 1 : 0;
  };
  const save = async (value: unknown): Promise<void> => {
    if (v.out) await writeFile(resolve(io.cwd, v.out), JSON.stringify(value, null, 2) + '\n');
  };
  try {
    const bounds = v.bounds?.split(',').map(Number);
    if (bounds && (bounds.length !== 4 || bounds.some((n) => !Number.isFinite(n)))) {
      throw new UsageError('--bounds is west,south,east,north');
    }
    const area = bounds && { bounds: bounds as [number, number, number, number] };
    switch (kind) {
      case 'layers': {
        const r = await importLayers(abs);
        const d = r.document;
        io.out(
          `${r.written}: ${d.points.length} point(s), ${d.timetable?.stops.length ?? 0} stop(s) with ` +
            `${d.timetable?.departures.reduce((n, x) => n + x.t.length, 0) ?? 0} call(s), ` +
            `${Object.values(d.library?.stops ?? {}).flat().length} library link(s), ${r.bytes} bytes, ` +
            `${r.issues.length} row(s) left out or repaired`,
        );
        return report(r.issues);
      }
      case 'datatourisme': {
        const r = importDatatourisme(await readFile(abs, 'utf8'), { file: target, ...area });
        io.out(`${r.points.length} point(s) under ${r.source.attribution}`);
        await save(r);
        return report(r.issues);
      }
      case 'geojson': {
        if (!v.source) throw new UsageError('--source <key> is required: a GeoJSON file carries no licence');
        const category = v.category as PoiCategory | undefined;
        if (category && !poiCategories.includes(category)) {
          throw new UsageError(`--category is one of ${poiCategories.join(', ')}`);
        }
        const r = importGeoJson(await readFile(abs, 'utf8'), {
          file: target,
          source: v.source,
          ...(category && { category }),
          ...area,
        });
        io.out(`${r.points.length} point(s)`);
        await save(r);
        return report(r.issues);
      }
      case 'gtfs': {
        const r = importGtfs(await readGtfs(abs), {
          source: 'gtfs',
          fileLabel: `${target}/`,
          ...area,
          ...(v.margin && { marginM: Number(v.margin) }),
        });
        const c = r.counts;
        io.out(
          `${c.stops} stop(s), ${c.routes} route(s), ${c.trips} trip(s), ${c.stopTimes} stop time(s) read; ` +
            `${c.keptStops} stop(s) and ${c.keptCalls} call(s) in the area`,
        );
        await save(r.timetable);
        return report(r.issues);
      }
      default:
        throw new UsageError(`unknown kind '${kind}'`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`tour import: ${err.message}\n\n${importUsage}`);
      return 2;
    }
    if (isTourFormatError(err)) {
      io.err(
        `${err.code} ${err.details.file ?? ''}${err.details.pointer ? `#${err.details.pointer}` : ''}: ${err.message}`,
      );
      return 1;
    }
    throw err;
  }
}

class UsageError extends Error {}
