/** URL matchers of the service worker's routes (pure, tested in Node). */

const PACKAGE_FILE = /\/(?:manifest\.json|manifest\.sig|assets\/[0-9a-f]{64}\.[a-z0-9]{1,8})$/;
const TILE = /\/\d{1,2}\/\d{1,7}\/\d{1,7}(?:@2x)?\.(?:png|jpg|jpeg|webp|pbf|mvt)$/;

export function isPackageFile(url: URL): boolean {
  return PACKAGE_FILE.test(url.pathname);
}

export function isTile(url: URL): boolean {
  return TILE.test(url.pathname);
}
