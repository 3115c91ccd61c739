import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuthoringError, parseGeoJsonLine, parseGpx } from '../../src/server';

// Short in `npm test`; FUZZ_RUNS=100000 for a long run.
const runs = Number(process.env['FUZZ_RUNS'] ?? 300);
// -0 prints as 0 in text and JSON alike: compare without it (`+ 0` turns -0 into 0).
const point = fc
  .tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }))
  .map(([lon, lat]) => [lon + 0, lat + 0] as [number, number]);

describe('route import, property-based (seeded)', () => {
  it('GPX written from any track reads back to the same points, in order', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 2, maxLength: 50 }), fc.boolean(), (pts, singleQuotes) => {
        const q = singleQuotes ? "'" : '"';
        const gpx = `<?xml version="1.0"?><gpx version="1.1"><trk><trkseg>${pts
          .map(([lon, lat]) => `<trkpt lat=${q}${lat}${q} lon=${q}${lon}${q}></trkpt>`)
          .join('\n')}</trkseg></trk></gpx>`;
        expect(parseGpx(gpx).map((p) => p.position)).toEqual(pts);
      }),
      { seed: 1940, numRuns: runs },
    );
  });

  it('any text either parses or is refused with BODY_INVALID — never another error', () => {
    const gpxish = fc.oneof(
      fc.string(),
      fc
        .array(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })))
        .map((xs) => `<gpx>${xs.map(([a, b]) => `<trkpt lat="${a}" lon="${b}"/>`).join('')}</gpx>`),
    );
    fc.assert(
      fc.property(gpxish, (text) => {
        for (const parse of [parseGpx, parseGeoJsonLine]) {
          try {
            parse(text);
          } catch (err) {
            expect(err).toBeInstanceOf(AuthoringError);
            expect((err as AuthoringError).code).toBe('BODY_INVALID');
          }
        }
      }),
      { seed: 1940, numRuns: runs },
    );
  });

  it('GeoJSON lines read back from LineString, Feature and FeatureCollection alike', () => {
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 2, maxLength: 50 }),
        fc.integer({ min: 0, max: 2 }),
        (pts, form) => {
          const line = { type: 'LineString', coordinates: pts };
          const doc =
            form === 0
              ? line
              : form === 1
                ? { type: 'Feature', properties: {}, geometry: line }
                : {
                    type: 'FeatureCollection',
                    features: [{ type: 'Feature', properties: {}, geometry: line }],
                  };
          expect(parseGeoJsonLine(JSON.stringify(doc))).toEqual(pts);
        },
      ),
      { seed: 1940, numRuns: runs },
    );
  });
});
