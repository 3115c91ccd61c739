/**
 * Every place a tour ships in its map layers is one the visitor's walk map can show: the walk opens on
 * the tour's `map.bounds` (and caches tiles for that box only), so a point outside would sit off the
 * map and off the offline tiles. Positions and bounds are read from the files when the test runs
 * (stops and bounds may move; the layers must follow them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeLayers } from '@dunkirk/content';
import { inBounds, type Bounds } from '../src/import';
import { repoRoot } from './helpers';

const toursDir = join(repoRoot, 'content', 'tours');
const tours = readdirSync(toursDir).filter((id) => existsSync(join(toursDir, id, 'layers', 'layers.json')));

function read(id: string) {
  const tour = JSON.parse(readFileSync(join(toursDir, id, 'tour.json'), 'utf8')) as {
    stops: string[];
    map: { bounds: Bounds };
  };
  const layers = decodeLayers(readFileSync(join(toursDir, id, 'layers', 'layers.json')));
  const stops = tour.stops.map(
    (s) =>
      (
        JSON.parse(readFileSync(join(toursDir, id, 'stops', `${s}.json`), 'utf8')) as {
          position: [number, number];
        }
      ).position,
  );
  return { bounds: tour.map.bounds, layers, stops };
}

describe('the tours’ layers lie inside their map', () => {
  it('finds the two Operation Dynamo tours', () => {
    expect(tours).toEqual(expect.arrayContaining(['dunkirk-port-mole', 'beaches-rearguard']));
  });

  for (const id of tours) {
    it(`${id}: every point and every timetable stop is within map.bounds`, () => {
      const { bounds, layers } = read(id);
      const outside = [
        ...layers.points.map((p) => ({ id: p.id, position: p.position })),
        ...(layers.timetable?.stops ?? []).map((s) => ({ id: `timetable:${s.id}`, position: s.position })),
      ].filter((p) => !inBounds(p.position, bounds));
      expect(outside, `outside ${bounds.join(',')}`).toEqual([]);
      expect(layers.points.length).toBeGreaterThan(0);
    });

    it(`${id}: the map bounds hold every stop of the walk (the points are near the walk)`, () => {
      const { bounds, stops } = read(id);
      expect(stops.filter((p) => !inBounds(p, bounds))).toEqual([]);
    });
  }
});
