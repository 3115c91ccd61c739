import { describe, expect, it } from 'vitest';
import type { LngLat } from '@dunkirk/content';
import type { SimStop } from '../../src/server';
import { parseGeoJsonLine, parseGpx, simulateWalk } from '../../src/server';
import { distanceM } from '../../src/server/geo';
import { DIGUE } from './fixtures';

const trigger = { radiusM: 30, dwellS: 3, minAccuracyM: 30 };
const stops: SimStop[] = DIGUE.map((position, i) => ({ id: `s${i + 1}`, position, trigger }));
const path = [[2.3865, 51.05] as LngLat, ...DIGUE, [2.3925, 51.053] as LngLat].map((position) => ({
  position,
}));

describe('walk simulator (the visitor app geofence rules, server side)', () => {
  it('fires each stop once, in order, near its position, with GPS noise', () => {
    const r = simulateWalk(stops, path, { speedMps: 1.3, noiseM: 4, accuracyM: 8, seed: 7 });
    expect(r.arrivals.map((a) => a.stopId)).toEqual(['s1', 's2', 's3']);
    for (const a of r.arrivals) expect(a.distanceM).toBeLessThan(trigger.radiusM + 15);
    expect(r.suggestions).toEqual([]);
    expect(r.fixes.length).toBeGreaterThan(200);
  });

  it('replays the same walk for the same seed and a different one for another seed', () => {
    const a = simulateWalk(stops, path, { speedMps: 1.3, noiseM: 6, accuracyM: 8, seed: 1 });
    const b = simulateWalk(stops, path, { speedMps: 1.3, noiseM: 6, accuracyM: 8, seed: 1 });
    const c = simulateWalk(stops, path, { speedMps: 1.3, noiseM: 6, accuracyM: 8, seed: 2 });
    expect(a.fixes[10]?.position).toEqual(b.fixes[10]?.position);
    expect(a.fixes[10]?.position).not.toEqual(c.fixes[10]?.position);
  });

  it('ignores fixes less precise than minAccuracyM: nothing fires at 50 m accuracy', () => {
    const r = simulateWalk(stops, path, { speedMps: 1.3, noiseM: 0, accuracyM: 50 });
    expect(r.arrivals).toEqual([]);
  });

  it('suggests a larger zone for a stop the walk passes too far from', () => {
    const off: SimStop = { id: 'off', position: [2.3905, 51.0513], trigger: { ...trigger, radiusM: 10 } };
    const r = simulateWalk([off], path, { speedMps: 1.3, noiseM: 0, accuracyM: 8 });
    const approach = Math.min(...r.fixes.map((f) => distanceM(f.truePosition, off.position)));
    expect(approach).toBeGreaterThan(10);
    expect(r.arrivals).toEqual([]);
    const s = r.suggestions[0];
    expect(s).toMatchObject({ stopId: 'off', kind: 'never-fired', currentRadiusM: 10 });
    expect(s!.suggestedRadiusM).toBeGreaterThan(approach);
    // and the suggestion works
    const again = simulateWalk(
      [{ ...off, trigger: { ...off.trigger, radiusM: s!.suggestedRadiusM } }],
      path,
      {
        speedMps: 1.3,
        noiseM: 0,
        accuracyM: 8,
      },
    );
    expect(again.arrivals.map((a) => a.stopId)).toEqual(['off']);
  });

  it('flags a zone so large it fires while the walker is at the previous stop, and suggests shrinking it', () => {
    const big = stops.map((s, i) =>
      i === 1 ? { ...s, trigger: { ...trigger, radiusM: 200, dwellS: 0 } } : s,
    );
    const r = simulateWalk(big, path, { speedMps: 1.3, noiseM: 0, accuracyM: 8 });
    const s = r.suggestions.find((x) => x.stopId === 's2');
    expect(s?.kind).toBe('fires-from-other-stop');
    expect(s!.suggestedRadiusM).toBeLessThan(distanceM(DIGUE[0]!, DIGUE[1]!) / 2);
  });
});

describe('route import', () => {
  it('reads GPX track points (lat/lon attributes, times) and prefers trkpt over rtept', () => {
    const gpx = `<gpx><rte><rtept lat="1" lon="1"/><rtept lat="2" lon="2"/></rte><trk><trkseg>
      <trkpt lon="2.3875" lat="51.0505"><time>2026-05-27T10:00:00Z</time></trkpt>
      <trkpt lat='51.0515' lon='2.3895'><ele>3</ele><time>2026-05-27T10:02:00Z</time></trkpt>
    </trkseg></trk></gpx>`;
    expect(parseGpx(gpx)).toEqual([
      { position: [2.3875, 51.0505], time: Date.parse('2026-05-27T10:00:00Z') },
      { position: [2.3895, 51.0515], time: Date.parse('2026-05-27T10:02:00Z') },
    ]);
  });

  it('refuses GPX with bad coordinates or fewer than two points', () => {
    expect(() => parseGpx('<gpx><trk><trkpt lat="95" lon="2"/><trkpt lat="1" lon="2"/></trk></gpx>')).toThrow(
      expect.objectContaining({ code: 'BODY_INVALID' }),
    );
    expect(() => parseGpx('<gpx><trk><trkpt lat="50" lon="2"/></trk></gpx>')).toThrow(
      expect.objectContaining({ code: 'BODY_INVALID' }),
    );
  });

  it('reads the line of a GeoJSON LineString, Feature or FeatureCollection', () => {
    const line = [
      [2.38, 51.05],
      [2.39, 51.06],
    ];
    expect(parseGeoJsonLine(JSON.stringify({ type: 'LineString', coordinates: line }))).toEqual(line);
    expect(
      parseGeoJsonLine(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] } },
            { type: 'Feature', geometry: { type: 'LineString', coordinates: line } },
          ],
        }),
      ),
    ).toEqual(line);
    expect(() => parseGeoJsonLine('{"type":"Point","coordinates":[1,2]}')).toThrow(
      expect.objectContaining({ code: 'BODY_INVALID' }),
    );
  });
});
