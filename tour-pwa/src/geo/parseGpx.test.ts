import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GeoError } from './GeoError';
import { parseGpx } from './parseGpx';
import { RUNS, SEED } from './testing';

const errorOf = (xml: string) => {
  try {
    parseGpx(xml);
  } catch (e) {
    if (e instanceof GeoError) return { code: e.code, ...e.details };
    throw e;
  }
  return null;
};

describe('parseGpx', () => {
  it('reads track points in document order across tracks and segments, as [lon, lat]', () => {
    // GPX 1.1 §trkType: a track holds segments (trkseg) of points (trkpt); lat/lon are attributes.
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <metadata><bounds minlat="51.0" minlon="2.3" maxlat="51.1" maxlon="2.4"/></metadata>
  <trk><name>Mole</name>
    <trkseg>
      <trkpt lat="51.0341" lon="2.3767"><ele>5</ele><time>2026-05-26T10:00:00Z</time></trkpt>
      <trkpt lon='2.3770' lat='51.0350'/>
    </trkseg>
    <trkseg><trkpt lat="+51.0360" lon="2.3780"></trkpt></trkseg>
  </trk>
</gpx>`;
    expect(parseGpx(xml)).toEqual([
      [2.3767, 51.0341],
      [2.377, 51.035],
      [2.378, 51.036],
    ]);
  });

  it('falls back to route points when there is no track, and accepts namespace prefixes', () => {
    const xml = `<gpx:gpx xmlns:gpx="http://www.topografix.com/GPX/1/1">
      <gpx:rte><gpx:rtept lat="51.03" lon="2.37"/><gpx:rtept lat="51.04" lon="2.38"/></gpx:rte></gpx:gpx>`;
    expect(parseGpx(xml)).toEqual([
      [2.37, 51.03],
      [2.38, 51.04],
    ]);
  });

  it('prefers the recorded track to a planned route in the same file', () => {
    const xml = `<gpx><rte><rtept lat="1" lon="1"/><rtept lat="2" lon="2"/></rte>
      <trk><trkseg><trkpt lat="3" lon="3"/><trkpt lat="4" lon="4"/></trkseg></trk></gpx>`;
    expect(parseGpx(xml)).toEqual([
      [3, 3],
      [4, 4],
    ]);
  });

  it('ignores points inside comments and CDATA, and still counts their lines', () => {
    const xml = `<gpx>
<!-- <trkpt lat="0" lon="0"/>
  a second comment line -->
<desc><![CDATA[<trkpt lat="9" lon="9"/>]]></desc>
<trk><trkseg><trkpt lat="51" lon="2"/><trkpt lat="52" lon="3"/>
<trkpt lat="north" lon="2"/></trkseg></trk></gpx>`;
    expect(errorOf(xml)).toEqual({ code: 'GPX_INVALID', line: 6, field: 'lat' });
  });

  it('names the line of each fault', () => {
    expect(errorOf('<gpx>\n<trk><trkseg>\n<trkpt lon="2.3"/>')).toEqual({
      code: 'GPX_INVALID',
      line: 3,
      field: 'lat',
    });
    expect(errorOf('<gpx>\n<trkpt lat="91" lon="2"/>')).toEqual({
      code: 'GPX_INVALID',
      line: 2,
      field: 'lat',
    });
    expect(errorOf('<gpx>\n\n<trkpt lat="50" lon="1e2"/>')).toEqual({
      code: 'GPX_INVALID',
      line: 3,
      field: 'lon',
    });
    expect(errorOf('<gpx>\n<trkpt lat="50" lon=""/>')).toEqual({
      code: 'GPX_INVALID',
      line: 2,
      field: 'lon',
    });
    expect(errorOf('<gpx>\n<trkpt lat="50" lon="2"')).toEqual({ code: 'GPX_INVALID', line: 2 });
    expect(errorOf('<trkpt lat="50" lon="2"/>\n<gpx>')).toEqual({ code: 'GPX_INVALID', line: 1 });
    expect(errorOf('{"type":"LineString"}')).toEqual({ code: 'GPX_INVALID', line: 1 });
  });

  it('refuses a trace of fewer than two points with ROUTE_TOO_SHORT', () => {
    expect(errorOf('<gpx><trk><trkseg><trkpt lat="51" lon="2"/></trkseg></trk></gpx>')?.code).toBe(
      'ROUTE_TOO_SHORT',
    );
    expect(errorOf('<gpx></gpx>')?.code).toBe('ROUTE_TOO_SHORT');
  });

  it('round-trips any track written with decimal coordinates', () => {
    const point = fc.tuple(
      fc.double({ min: -180, max: 180, noNaN: true }).map((x) => Number(x.toFixed(7))),
      fc.double({ min: -90, max: 90, noNaN: true }).map((x) => Number(x.toFixed(7))),
    );
    fc.assert(
      fc.property(fc.array(point, { minLength: 2, maxLength: 40 }), fc.boolean(), (pts, single) => {
        const q = single ? "'" : '"';
        const body = pts
          .map(([lon, lat]) => `  <trkpt lat=${q}${lat.toFixed(7)}${q} lon=${q}${lon.toFixed(7)}${q}/>`)
          .join('\n');
        const got = parseGpx(`<gpx version="1.1">\n<trk><trkseg>\n${body}\n</trkseg></trk></gpx>`);
        // x + 0 turns -0 into 0 on both sides: "-0.0000000" is a valid decimal that reads as -0.
        const plain = (ps: number[][]) => ps.map((p) => p.map((x) => x + 0));
        expect(plain(got)).toEqual(plain(pts));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('throws only GeoError, whatever the text', () => {
    const fragments = fc.constantFrom(
      '<gpx>',
      '<trkpt ',
      'lat="51"',
      " lon='2'",
      '/>',
      '<!--',
      '-->',
      '\n',
      '<',
      '>',
      '"',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fragments, fc.string()), { maxLength: 30 }), (parts) => {
        try {
          parseGpx(parts.join(''));
        } catch (e) {
          expect(e).toBeInstanceOf(GeoError);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
