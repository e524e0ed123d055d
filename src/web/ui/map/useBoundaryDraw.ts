// A polygon edited on a MapLibre map with Terra Draw: an existing boundary with draggable vertices (and midpoints to
// add one), or a new one drawn point by point. Vertices snap to the neighbours' vertices within a few pixels.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Polygon, Position } from 'geojson';
import { TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode, type SnappableContext, type TerraDrawMouseEvent } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { Map as MlMap } from 'maplibre-gl';
import { SELECTED_COLOR } from './palette.ts';

const SNAP_PX = 10;
/** Terra Draw refuses positions finer than its precision; 9 decimals is well under a millimetre */
const PRECISION = 9;

export interface BoundaryDraw {
  /** the polygon as it stands, null until one is drawn */
  geometry: Polygon | null;
  changed: boolean;
  /** back to the starting boundary (or to an empty map to draw on) */
  reset(): void;
}

const round = (p: Position): Position => p.map((v) => Number(v.toFixed(PRECISION)));
export const roundPolygon = (g: Polygon): Polygon => ({ type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(round)) });

export function useBoundaryDraw(map: RefObject<MlMap | null>, ready: boolean, initial: Polygon | null, snapTo: readonly Position[]): BoundaryDraw {
  const [geometry, setGeometry] = useState<Polygon | null>(initial ? roundPolygon(initial) : null);
  const draw = useRef<TerraDraw | null>(null);
  const start = useRef<() => void>(() => {});
  const snap = useRef(snapTo);
  snap.current = snapTo;

  useEffect(() => {
    const m = map.current;
    if (!m || !ready) return;
    const toNeighbour = (e: TerraDrawMouseEvent, ctx: SnappableContext): Position | undefined => {
      let best: Position | undefined;
      let bestD = SNAP_PX;
      for (const p of snap.current) {
        const { x, y } = ctx.project(p[0]!, p[1]!);
        const d = Math.hypot(x - e.containerX, y - e.containerY);
        if (d < bestD) { bestD = d; best = round(p); }
      }
      return best;
    };
    const td = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: m, coordinatePrecision: PRECISION }),
      modes: [
        new TerraDrawSelectMode({
          flags: { polygon: { feature: { coordinates: { draggable: true, midpoints: true, deletable: true, snappable: { toCustom: toNeighbour } } } } },
          allowManualDeselection: false,
          styles: { selectedPolygonColor: SELECTED_COLOR, selectedPolygonOutlineColor: SELECTED_COLOR, selectedPolygonFillOpacity: 0.25 },
        }),
        new TerraDrawPolygonMode({ snapping: { toCustom: toNeighbour } }),
      ],
    });
    draw.current = td;
    // a polygon still being drawn is not a boundary yet
    const current = (): Polygon | null => {
      if (td.getMode() !== 'select') return null;
      const f = td.getSnapshot().find((x) => x.geometry.type === 'Polygon');
      return f ? (f.geometry as Polygon) : null;
    };
    start.current = () => {
      if (td.getSnapshot().length) td.clear();
      if (initial) {
        const id = td.getFeatureId();
        td.addFeatures([{ id, type: 'Feature', geometry: roundPolygon(initial), properties: { mode: 'polygon' } }]);
        td.setMode('select');
        td.selectFeature(id);
      } else {
        td.setMode('polygon');
      }
      setGeometry(current());
    };
    td.on('change', () => setGeometry(current()));
    td.on('finish', (id, context) => {
      if (context.mode === 'polygon') { td.setMode('select'); td.selectFeature(id); }
      setGeometry(current());
    });
    td.on('ready', () => start.current());
    td.start();
    // when the map went first (the page left), Terra Draw's layers and listeners went with it
    return () => { if (map.current === m) td.stop(); draw.current = null; };
  }, [map, ready, initial]);

  const reset = useCallback(() => start.current(), []);
  const changed = geometry !== null && (!initial || JSON.stringify(geometry) !== JSON.stringify(roundPolygon(initial)));
  return { geometry, changed, reset };
}
