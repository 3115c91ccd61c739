import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportPublicKeyPem, generateSigningKeyPair } from '@dunkirk/content';
import type { Hono } from 'hono';
import { createApp } from '../../src/server';
import type { TempTours } from './fixtures';
import { tempTours, threeStopTour } from './fixtures';

let keys: { privateKey: CryptoKey; trustedKeys: string[] };
beforeAll(async () => {
  const pair = await generateSigningKeyPair();
  keys = { privateKey: pair.privateKey, trustedKeys: [await exportPublicKeyPem(pair.publicKey)] };
});

let t: TempTours;
let app: Hono;
beforeEach(async () => {
  t = await tempTours();
  await threeStopTour(t.store);
  app = createApp({ store: t.store, publishDir: t.publishDir, signing: keys, allowedHosts: ['localhost'] });
});
afterEach(() => t.cleanup());

const base = 'http://localhost';
const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('HTTP API', () => {
  it('two clients edit the same stop: the second PUT gets 412 with the current ETag, the first edit stays', async () => {
    const url = `${base}/api/tours/digue/files/stops/stop-2.json`;
    const readA = await app.request(url);
    const readB = await app.request(url);
    const etag = readA.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(readB.headers.get('etag')).toBe(etag);
    const stop = (await readA.json()) as Record<string, unknown>;
    await readB.arrayBuffer();

    const putA = await app.request(url, {
      method: 'PUT',
      headers: { 'if-match': etag },
      body: JSON.stringify({ ...stop, positionSource: 'curator A' }),
    });
    expect(putA.status).toBe(200);
    const putB = await app.request(url, {
      method: 'PUT',
      headers: { 'if-match': etag },
      body: JSON.stringify({ ...stop, positionSource: 'curator B' }),
    });
    expect(putB.status).toBe(412);
    const err = (await putB.json()) as { code: string; details: { etag: string } };
    expect(err.code).toBe('ETAG_MISMATCH');
    expect(err.details.etag).toBe(putA.headers.get('etag'));
    const now = (await (await app.request(url)).json()) as { positionSource: string };
    expect(now.positionSource).toBe('curator A');
  });

  it('answers 428 to a PUT without If-Match and 404 to an unknown tour', async () => {
    const put = await app.request(`${base}/api/tours/digue/files/tour.json`, { method: 'PUT', body: '{}' });
    expect(put.status).toBe(428);
    expect(((await put.json()) as { code: string }).code).toBe('PRECONDITION_REQUIRED');
    const missing = await app.request(`${base}/api/tours/nope/files/tour.json`);
    expect(missing.status).toBe(404);
  });

  it('refuses a Host header other than the loopback names (DNS rebinding)', async () => {
    const res = await app.request('http://evil.example/api/tours');
    expect(res.status).toBe(401);
  });

  it('requires the token when one is set, from a header, a cookie or ?token=', async () => {
    const guarded = createApp({ store: t.store, publishDir: t.publishDir, signing: keys, token: 's3cret' });
    expect((await guarded.request(`${base}/api/tours`)).status).toBe(401);
    expect(
      (await guarded.request(`${base}/api/tours`, { headers: { authorization: 'Bearer s3cret' } })).status,
    ).toBe(200);
    const viaQuery = await guarded.request(`${base}/api/tours?token=s3cret`);
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.headers.get('set-cookie')).toContain('authoring_token=s3cret');
    expect(
      (await guarded.request(`${base}/api/tours`, { headers: { cookie: 'authoring_token=s3cret' } })).status,
    ).toBe(200);
  });

  it('creates, lists, duplicates and archives tours', async () => {
    expect((await app.request(`${base}/api/tours`, json({ id: 'bray', title: { fr: 'Bray' } }))).status).toBe(
      201,
    );
    expect((await app.request(`${base}/api/tours`, json({ id: 'bray', title: { fr: 'Bray' } }))).status).toBe(
      409,
    );
    expect((await app.request(`${base}/api/tours/bray/duplicate`, json({ newId: 'bray-2' }))).status).toBe(
      201,
    );
    expect((await app.request(`${base}/api/tours/bray/archive`, { method: 'POST' })).status).toBe(200);
    const list = (await (await app.request(`${base}/api/tours`)).json()) as { id: string }[];
    expect(list.map((x) => x.id)).toEqual(['bray-2', 'digue']);
  });

  it('reports errors with their file and pointer, and the translation matrix', async () => {
    const stop = await app.request(`${base}/api/tours/digue/files/stops/stop-1.json`);
    const body = (await stop.json()) as Record<string, unknown>;
    await app.request(`${base}/api/tours/digue/files/stops/stop-1.json`, {
      method: 'PUT',
      headers: { 'if-match': stop.headers.get('etag') ?? '' },
      body: JSON.stringify({
        ...body,
        trigger: { radiusM: -5, dwellS: 3, minAccuracyM: 30 },
        scenarios: { family: [{ type: 'text', markdown: { fr: 'Seulement en français' } }], adult: [] },
      }),
    });
    const report = (await (await app.request(`${base}/api/tours/digue/report`)).json()) as {
      valid: boolean;
      errors: { file: string; pointer: string; code: string }[];
      matrix: { stop: string; scenario: string; locale: string; state: string }[];
    };
    expect(report.valid).toBe(false);
    expect(report.errors[0]).toMatchObject({
      code: 'SCHEMA_INVALID',
      file: 'stops/stop-1.json',
      pointer: '/trigger/radiusM',
    });
    const cell = (locale: string): string | undefined =>
      report.matrix.find((m) => m.stop === 'stop-1' && m.scenario === 'family' && m.locale === locale)?.state;
    expect([cell('fr'), cell('en'), cell('nl')]).toEqual(['ok', 'missing-text', 'missing-text']);
  });

  it('imports a GPX route and runs the walk simulator over it: the three stops fire in order', async () => {
    const gpx = `<?xml version="1.0"?><gpx version="1.1"><trk><trkseg>
      <trkpt lat="51.0500" lon="2.3865"/><trkpt lat="51.0505" lon="2.3875"/>
      <trkpt lat="51.0515" lon="2.3895"/><trkpt lat="51.0525" lon="2.3915"/><trkpt lat="51.0530" lon="2.3925"/>
    </trkseg></trk></gpx>`;
    const route = await app.request(`${base}/api/tours/digue/files/route.geojson`);
    await route.arrayBuffer();
    const imported = await app.request(`${base}/api/tours/digue/route/import?format=gpx`, {
      method: 'POST',
      headers: { 'if-match': route.headers.get('etag') ?? '' },
      body: gpx,
    });
    expect(imported.status).toBe(200);
    expect(((await imported.json()) as { points: number }).points).toBe(5);
    const sim = await app.request(
      `${base}/api/tours/digue/simulate`,
      json({ speedMps: 1.4, noiseM: 3, accuracyM: 8 }),
    );
    const result = (await sim.json()) as { arrivals: { stopId: string }[] };
    expect(result.arrivals.map((a) => a.stopId)).toEqual(['stop-1', 'stop-2', 'stop-3']);
  });

  it('publishes: version, changelog, signed package that verifies; the next publish diffs against it', async () => {
    const first = await app.request(`${base}/api/tours/digue/publish`, json({ bump: 'minor' }));
    expect(first.status).toBe(200);
    const r1 = (await first.json()) as {
      version: string;
      changelog: { en: string };
      verified: { assetCount: number };
    };
    expect(r1.version).toBe('0.1.0');
    expect(r1.changelog.en).toBe('First version.');

    const stop = await app.request(`${base}/api/tours/digue/files/stops/stop-3.json`);
    const s = (await stop.json()) as Record<string, unknown>;
    await app.request(`${base}/api/tours/digue/files/stops/stop-3.json`, {
      method: 'PUT',
      headers: { 'if-match': stop.headers.get('etag') ?? '' },
      body: JSON.stringify({ ...s, title: { fr: 'Le kursaal', en: 'The Kursaal', nl: 'Het Kursaal' } }),
    });
    const second = await app.request(`${base}/api/tours/digue/publish`, json({ bump: 'minor' }));
    const r2 = (await second.json()) as {
      version: string;
      previousVersion: string;
      changes: { textsChanged: string[] };
      changelog: { fr: string };
      sizeDeltaBytes: number;
    };
    expect(r2).toMatchObject({
      version: '0.2.0',
      previousVersion: '0.1.0',
      changes: { textsChanged: ['stop-3'] },
    });
    expect(r2.changelog.fr).toBe('Textes modifiés : stop-3.');
    expect(typeof r2.sizeDeltaBytes).toBe('number');
    const tour = (await (await app.request(`${base}/api/tours/digue/files/tour.json`)).json()) as {
      version: string;
      changelog: { version: string }[];
    };
    expect(tour.version).toBe('0.2.0');
    expect(tour.changelog.map((c) => c.version)).toEqual(['0.2.0', '0.1.0']);
  });

  it('refuses to publish with missing translations unless told, naming the field', async () => {
    const stop = await app.request(`${base}/api/tours/digue/files/stops/stop-1.json`);
    const s = (await stop.json()) as Record<string, unknown>;
    await app.request(`${base}/api/tours/digue/files/stops/stop-1.json`, {
      method: 'PUT',
      headers: { 'if-match': stop.headers.get('etag') ?? '' },
      body: JSON.stringify({ ...s, title: { fr: 'Seul' } }),
    });
    const refused = await app.request(`${base}/api/tours/digue/publish`, json({ bump: 'patch' }));
    expect(refused.status).toBe(422);
    const err = (await refused.json()) as { code: string; details: { cause: string } };
    expect(err.code).toBe('PUBLISH_REFUSED');
    expect(err.details.cause).toBe('TRANSLATION_MISSING');
    const allowed = await app.request(
      `${base}/api/tours/digue/publish`,
      json({ bump: 'patch', allowMissing: true }),
    );
    expect(allowed.status).toBe(200);
  });

  it('drafts a narration voice with espeak-ng, lists it with credit and licence, and guards caption edits', async () => {
    const url = `${base}/api/tours/digue/files/stops/stop-1.json`;
    const stop = await app.request(url);
    const s = (await stop.json()) as Record<string, unknown>;
    const transcript = {
      fr: 'La digue de Malo. Les soldats attendent.',
      en: 'The promenade.',
      nl: 'De zeedijk.',
    };
    await app.request(url, {
      method: 'PUT',
      headers: { 'if-match': stop.headers.get('etag') ?? '' },
      body: JSON.stringify({
        ...s,
        scenarios: { family: [{ type: 'narration', tracks: {}, transcript }], adult: [] },
      }),
    });
    const res = await app.request(
      `${base}/api/tours/digue/narration/draft`,
      json({ stop: 'stop-1', list: 'family', block: 0, locale: 'fr' }),
    );
    expect(res.status).toBe(201);
    const track = (await res.json()) as { audio: string; captions: string; durationS: number };
    expect(track).toMatchObject({ audio: 'media/narration/stop-1-family-0-fr.opus' });
    expect(track.durationS).toBeGreaterThan(1);
    const tour = (await (await app.request(`${base}/api/tours/digue/files/tour.json`)).json()) as {
      assets: { id: string; credit: string; licence: string }[];
    };
    const listed = tour.assets.filter((a) => a.id.startsWith('media/narration/'));
    expect(listed.map((a) => a.id).sort()).toEqual([track.audio, track.captions].sort());
    for (const a of listed) expect(a.credit && a.licence).toBeTruthy();

    const vtt = await app.request(`${base}/api/tours/digue/files/${track.captions}`);
    const text = await vtt.text();
    expect(text.startsWith('WEBVTT')).toBe(true);
    const etag = vtt.headers.get('etag') ?? '';
    const bad = await app.request(`${base}/api/tours/digue/files/${track.captions}`, {
      method: 'PUT',
      headers: { 'if-match': etag },
      body: 'not captions',
    });
    expect(bad.status).toBe(400);
    const good = await app.request(`${base}/api/tours/digue/files/${track.captions}`, {
      method: 'PUT',
      headers: { 'if-match': etag },
      body: text.replace('Les soldats attendent.', 'Les soldats attendent sur la plage.'),
    });
    expect(good.status).toBe(200);
    const report = (await (await app.request(`${base}/api/tours/digue/report`)).json()) as { valid: boolean };
    expect(report.valid).toBe(true);
  });
});
