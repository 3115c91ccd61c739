import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LngLat } from './geo';
import { tourDir } from './output';

/**
 * Where things are. Stop positions are read from the tour sources (the writers checked them and cite their
 * sources in SOURCES.md); the values here are what those files held when the media were drawn, kept so the
 * generator also runs on a checkout where a stop file is missing. Other places: public gazetteer coordinates
 * (Wikipedia/Wikidata infoboxes), rounded; the wrecks from the beaches tour's SOURCES.md.
 */
export const STOP_FALLBACK: Record<string, LngLat> = {
  'dunkirk-port-mole/bastion-32': [2.38204, 51.0451],
  'dunkirk-port-mole/leughenaer': [2.37863, 51.04015],
  'dunkirk-port-mole/princess-elizabeth': [2.37063, 51.03524],
  'dunkirk-port-mole/east-mole': [2.35972, 51.05556],
  'dunkirk-port-mole/phare-du-risban': [2.3644, 51.04891],
  'dunkirk-port-mole/beffroi-saint-eloi': [2.37611, 51.03556],
  'dunkirk-port-mole/malo-les-bains': [2.40557, 51.05226],
  'beaches-rearguard/zuydcoote-hopital': [2.47727, 51.07141],
  'beaches-rearguard/devonia': [2.50282, 51.07955],
  'beaches-rearguard/crested-eagle': [2.49102, 51.076],
  'beaches-rearguard/malo-terminus': [2.42367, 51.05977],
  'beaches-rearguard/batterie-zuydcoote': [2.44806, 51.06167],
  'beaches-rearguard/fort-des-dunes': [2.44694, 51.05333],
  'beaches-rearguard/necropole-zuydcoote': [2.48561, 51.06191],
  'beaches-rearguard/bray-dunes-digue': [2.51677, 51.0833],
};

/** A stop's position from `content/tours/<tour>/stops/<stop>.json`, else the fallback above. */
export function stopPosition(tour: string, stop: string): LngLat {
  const file = join(tourDir(tour), 'stops', `${stop}.json`);
  if (existsSync(file)) {
    const pos = (JSON.parse(readFileSync(file, 'utf8')) as { position?: unknown }).position;
    if (Array.isArray(pos) && pos.length === 2 && pos.every((v) => typeof v === 'number'))
      return pos as LngLat;
  }
  const fb = STOP_FALLBACK[`${tour}/${stop}`];
  if (!fb) throw new Error(`no position for stop ${tour}/${stop}`);
  return fb;
}

/** Towns and landmarks (WGS84, about ±100 m: enough for a map at 1:40,000 and for bearings beyond 1 km). */
export const PLACES = {
  dunkirk: [2.3775, 51.0383] as LngLat, // Wikipedia infobox 51°02′18″N 2°22′39″E
  bergues: [2.435, 50.9692] as LngLat, // Wikipedia infobox 50°58′09″N 2°26′06″E
  gravelines: [2.1281, 50.9867] as LngLat,
  veurne: [2.6622, 51.0722] as LngLat,
  nieuwpoort: [2.752, 51.13] as LngLat,
  dePanne: [2.5917, 51.1005] as LngLat,
  brayDunes: [2.5153, 51.0747] as LngLat,
  zuydcoote: [2.4873, 51.0636] as LngLat,
  maloLesBains: [2.4, 51.049] as LngLat,
  leffrinckoucke: [2.4611, 51.0347] as LngLat,
  spycker: [2.3219, 50.9669] as LngLat,
  /** Oil storage west of the port, which burned from late May 1940 (approximate). */
  saintPolTanks: [2.335, 51.036] as LngLat,
};
