/** [longitude, latitude] in WGS84 degrees (GeoJSON order), as in the tour sources. */
export type LngLat = [number, number];

const R = 6_371_008.8; // mean Earth radius, m (IUGG)
const rad = (d: number): number => (d * Math.PI) / 180;
const deg = (r: number): number => (r * 180) / Math.PI;

/** Initial great-circle bearing from `a` to `b`, degrees clockwise from true north, in [0, 360). */
export function bearingDeg(a: LngLat, b: LngLat): number {
  const [l1, p1, l2, p2] = [rad(a[0]), rad(a[1]), rad(b[0]), rad(b[1])];
  const y = Math.sin(l2 - l1) * Math.cos(p2);
  const x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(l2 - l1);
  return (deg(Math.atan2(y, x)) + 360) % 360;
}

/** Haversine distance in metres. */
export function distanceM(a: LngLat, b: LngLat): number {
  const dp = rad(b[1] - a[1]);
  const dl = rad(b[0] - a[0]);
  const h = Math.sin(dp / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dl / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

/** The point `d` metres from `a` along `bearing` (spherical Earth: centimetre-exact at these distances). */
export function destination(a: LngLat, bearing: number, d: number): LngLat {
  const [l1, p1, th, dr] = [rad(a[0]), rad(a[1]), rad(bearing), d / R];
  const p2 = Math.asin(Math.sin(p1) * Math.cos(dr) + Math.cos(p1) * Math.sin(dr) * Math.cos(th));
  const l2 =
    l1 + Math.atan2(Math.sin(th) * Math.sin(dr) * Math.cos(p1), Math.cos(dr) - Math.sin(p1) * Math.sin(p2));
  return [deg(l2), deg(p2)];
}

/** An angle folded into (-180, 180]. */
export function wrap180(a: number): number {
  const x = ((((a + 180) % 360) + 360) % 360) - 180;
  return x === -180 ? 180 : x;
}
