import { distanceM, type LngLat } from '../lib/geo';
import { n1, xml } from '../lib/raster';

/**
 * A small map drawn in SVG: a local equirectangular projection scaled by cos(latitude) at the map's centre,
 * so a metre is the same length across and up the map (exact enough over 60 km), north up.
 */
export class MapCanvas {
  readonly height: number;
  readonly pxPerM: number;
  readonly parts: string[] = [];
  private readonly mPerDegLon: number;
  private readonly mPerDegLat = 111_195;

  constructor(
    readonly width: number,
    /** [west, south, east, north] */
    readonly bounds: [number, number, number, number],
  ) {
    const lat0 = ((bounds[1] + bounds[3]) / 2) * (Math.PI / 180);
    this.mPerDegLon = this.mPerDegLat * Math.cos(lat0);
    this.pxPerM = width / ((bounds[2] - bounds[0]) * this.mPerDegLon);
    this.height = Math.round((bounds[3] - bounds[1]) * this.mPerDegLat * this.pxPerM);
  }

  x(p: LngLat): number {
    return (p[0] - this.bounds[0]) * this.mPerDegLon * this.pxPerM;
  }

  y(p: LngLat): number {
    return (this.bounds[3] - p[1]) * this.mPerDegLat * this.pxPerM;
  }

  path(points: readonly LngLat[], close = false): string {
    return `M${points.map((p) => `${n1(this.x(p))} ${n1(this.y(p))}`).join('L')}${close ? 'Z' : ''}`;
  }

  /** Land below the coast: the coast line closed along the bottom of the map. */
  landBelow(coast: readonly LngLat[], fill: string): void {
    const [w, s, e] = this.bounds;
    const first = coast[0] as LngLat;
    const last = coast.at(-1) as LngLat;
    this.parts.push(
      `<path d="${this.path([[w - 1, first[1]], ...coast, [e + 1, last[1]], [e + 1, s - 1], [w - 1, s - 1]], true)}" fill="${fill}"/>`,
    );
  }

  line(points: readonly LngLat[], stroke: string, width: number, dash = ''): void {
    this.parts.push(
      `<path d="${this.path(points)}" fill="none" stroke="${stroke}" stroke-width="${width}" stroke-linejoin="round" stroke-linecap="round"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
    );
  }

  /** A place: a dot and a label with a light halo so it reads over any fill. */
  place(
    p: LngLat,
    label: string,
    o: {
      dx?: number;
      dy?: number;
      size?: number;
      anchor?: 'start' | 'middle' | 'end';
      dot?: string;
      bold?: boolean;
      italic?: boolean;
    } = {},
  ): void {
    const x = this.x(p);
    const y = this.y(p);
    if (o.dot !== '')
      this.parts.push(
        `<circle cx="${n1(x)}" cy="${n1(y)}" r="5" fill="${o.dot ?? '#222'}" stroke="#fff" stroke-width="1.5"/>`,
      );
    this.text(x + (o.dx ?? 9), y + (o.dy ?? 5), label, o);
  }

  text(
    x: number,
    y: number,
    label: string,
    o: {
      size?: number;
      anchor?: 'start' | 'middle' | 'end';
      bold?: boolean;
      italic?: boolean;
      fill?: string;
    } = {},
  ): void {
    const style = `font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="${o.size ?? 20}"${o.bold ? ' font-weight="bold"' : ''}${o.italic ? ' font-style="italic"' : ''} text-anchor="${o.anchor ?? 'start'}"`;
    this.parts.push(
      `<text x="${n1(x)}" y="${n1(y)}" ${style} fill="none" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" stroke-opacity="0.85">${xml(label)}</text>` +
        `<text x="${n1(x)}" y="${n1(y)}" ${style} fill="${o.fill ?? '#1b1b1b'}">${xml(label)}</text>`,
    );
  }

  /** North arrow at (x, y): the maps are drawn north-up, so it points straight up. */
  northArrow(x: number, y: number): void {
    this.parts.push(
      `<path d="M${x} ${y - 34}L${x + 13} ${y + 8}L${x} ${y}L${x - 13} ${y + 8}Z" fill="#1b1b1b"/>`,
    );
    this.text(x, y + 32, 'N', { size: 22, anchor: 'middle', bold: true });
  }

  /** A scale bar of `km` kilometres, divided in two, measured with the map's own scale. */
  scaleBar(x: number, y: number, km: number): void {
    const len = km * 1000 * this.pxPerM;
    this.parts.push(
      `<rect x="${n1(x)}" y="${y}" width="${n1(len / 2)}" height="8" fill="#1b1b1b"/><rect x="${n1(x + len / 2)}" y="${y}" width="${n1(len / 2)}" height="8" fill="#ffffff" stroke="#1b1b1b" stroke-width="1.5"/>`,
    );
    this.text(x, y - 8, '0', { size: 16, anchor: 'middle' });
    this.text(x + len / 2, y - 8, `${km / 2}`, { size: 16, anchor: 'middle' });
    this.text(x + len, y - 8, `${km} km`, { size: 16, anchor: 'middle' });
  }

  svg(background: string): string {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}"><rect width="${this.width}" height="${this.height}" fill="${background}"/>${this.parts.join('')}</svg>`;
  }

  /** Ground distance represented by the map's width, for tests and captions. */
  widthM(): number {
    return distanceM(
      [this.bounds[0], (this.bounds[1] + this.bounds[3]) / 2],
      [this.bounds[2], (this.bounds[1] + this.bounds[3]) / 2],
    );
  }
}
