import { writeScene } from './scenes/generate';
import { EAST_MOLE, LITTLE_SHIP_BEACH } from './scenes/blocks';
import { eastMoleScene } from './scenes/east-mole';
import { littleShipBeachScene } from './scenes/little-ship-beach';
import { tourDir, type Written } from './lib/output';
import { writeSounds } from './sounds';
import { writePanorama } from './panoramas/generate';
import { harbour1940 } from './panoramas/harbour-1940';
import { zuydcooteBeach } from './panoramas/zuydcoote-beach';
import { devoniaThenNow, moleThenNow, writeThenNow } from './ar/thenNow';
import { beachesMapSvg, perimeterMapSvg, writeMap } from './maps/maps';

export type TourGenerator = (log: (line: string) => void) => Promise<Written[]>;

/** What each tour gets (the list agreed in the tours contract). */
export const TOURS: Record<string, TourGenerator> = {
  'dunkirk-port-mole': async (log) => {
    const dir = tourDir('dunkirk-port-mole');
    const out = writeSounds(dir, ['ship-horn', 'waves', 'aircraft']);
    const scene = await writeScene(dir, eastMoleScene(), EAST_MOLE);
    log(
      `east-mole.glb: ${scene.stats.triangles} triangles, ${scene.stats.drawCalls} draw calls, clips ${scene.stats.animations.join(', ')}`,
    );
    const pano = await writePanorama(dir, 'harbour-1940', harbour1940());
    const ar = await writeThenNow(dir, moleThenNow());
    const map = await writeMap(dir, 'perimeter-map', perimeterMapSvg());
    return [...out, ...scene.written, ...pano, ...ar, map];
  },
  'beaches-rearguard': async (log) => {
    const dir = tourDir('beaches-rearguard');
    const out = writeSounds(dir, ['waves', 'aircraft', 'outboard']);
    const scene = await writeScene(dir, littleShipBeachScene(), LITTLE_SHIP_BEACH);
    log(
      `little-ship-beach.glb: ${scene.stats.triangles} triangles, ${scene.stats.drawCalls} draw calls, clips ${scene.stats.animations.join(', ')}`,
    );
    const pano = await writePanorama(dir, 'zuydcoote-beach', zuydcooteBeach());
    const ar = await writeThenNow(dir, devoniaThenNow());
    const map = await writeMap(dir, 'beaches-map', beachesMapSvg());
    return [...out, ...scene.written, ...pano, ...ar, map];
  },
};
