/** Cache Storage names shared by the page (download manager) and the service worker. */
export const PACKAGE_CACHE = 'tour-packages';
export const TILE_CACHE = 'tour-tiles';
