/**
 * The Draco decoder, served from the app's own bundle (never a CDN) and only fetched when a
 * glb declares KHR_draco_mesh_compression: the tours' scenes use meshopt, so most visitors
 * never download these ~300 KB.
 */
import { DRACOLoader } from 'three/examples/jsm/loaders/DRACOLoader.js';
import dracoWrapperUrl from 'three/examples/jsm/libs/draco/gltf/draco_wasm_wrapper.js?url';
import dracoWasmUrl from 'three/examples/jsm/libs/draco/gltf/draco_decoder.wasm?url';

let loader: DRACOLoader | null = null;

export function localDracoLoader(): DRACOLoader {
  loader ??= new DRACOLoader().setDecoderPath({ js: dracoWrapperUrl, wasm: dracoWasmUrl });
  return loader;
}
