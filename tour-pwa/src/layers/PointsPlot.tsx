import type { LayersDocument, Point } from '@dunkirk/content';
import { categoryColours } from './layersView';

export interface PointsPlotProps {
  doc: LayersDocument;
  points: Point[];
  selected: string | null;
  onSelect(id: string): void;
}

/**
 * A plain plot of the visible points (equirectangular, scaled at the area's latitude), for the harness and
 * as a fallback where the app's map is not shown. Hidden from screen readers: the list is the accessible
 * form. The map engineer draws the same points on the MapLibre map with `pointsGeoJson`.
 */
export function PointsPlot({ doc, points, selected, onSelect }: PointsPlotProps) {
  const all = doc.points.map((p) => p.position);
  if (all.length === 0) return null;
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const width = 320;
  const spanX = Math.max((e - w) * k, 1e-6);
  const spanY = Math.max(n - s, 1e-6);
  const height = Math.round(Math.min(320, Math.max(120, (width * spanY) / spanX)));
  const x = (lon: number): number => 10 + ((lon - w) * k * (width - 20)) / spanX;
  const y = (lat: number): number => height - 10 - ((lat - s) * (height - 20)) / spanY;
  return (
    <svg className="layers-plot" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      <rect width={width} height={height} fill="#f4f1ea" />
      {points.map((p) => (
        <circle
          key={p.id}
          data-point={p.id}
          data-category={p.category}
          cx={x(p.position[0])}
          cy={y(p.position[1])}
          r={p.id === selected ? 9 : 6}
          fill={categoryColours[p.category]}
          stroke="#fff"
          strokeWidth={2}
          onClick={() => onSelect(p.id)}
        />
      ))}
    </svg>
  );
}
