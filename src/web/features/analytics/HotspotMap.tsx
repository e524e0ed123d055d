// The hot spots' map: the unit's communities and grids in plain colours, each hot cell a circle sized and coloured by
// its count (a MapLibre circle layer over a GeoJSON source), the selected one ringed. A click on a circle selects it.
import { useEffect, useMemo, useRef } from 'react';
import type { FeatureCollection, Point } from 'geojson';
import { useApi } from '../../lib/useApi.ts';
import type { Map as MlMap, GeoJSONSource } from 'maplibre-gl';
import { plainColours } from '../../ui/map/palette.ts';
import { useUnitMap } from '../../ui/map/useUnitMap.ts';
import { boundsOf } from '../../ui/map/geometry.ts';
import { fetchFeatures, type UnitFeatures } from '../org/api.ts';
import type { HotCell } from './api.ts';

const SOURCE = 'hot-cells';

function cellsGeoJson(cells: readonly HotCell[], selected: string | null): FeatureCollection<Point> {
  const max = Math.max(1, ...cells.map((c) => c.current));
  return {
    type: 'FeatureCollection',
    features: cells.map((c) => ({
      type: 'Feature', geometry: { type: 'Point', coordinates: [c.lng, c.lat] },
      properties: { key: c.key, count: c.current, weight: c.current / max, selected: c.key === selected ? 1 : 0 },
    })),
  };
}

export function HotspotMap({ rootId, cells, selected, onSelect }: { rootId: string; cells: readonly HotCell[]; selected: string | null; onSelect(key: string): void }) {
  const units = useApi((signal) => fetchFeatures(rootId, signal), [rootId]);
  if (!units.data) return <div className="zz-map-frame zz-hot-map" data-testid="hotspot-map" data-map-ready="false"><div className="zz-map-canvas" style={{ background: '#eef1f5' }} /></div>;
  return <DrawnMap units={units.data} cells={cells} selected={selected} onSelect={onSelect} />;
}

function DrawnMap({ units, cells, selected, onSelect }: { units: UnitFeatures; cells: readonly HotCell[]; selected: string | null; onSelect(key: string): void }) {
  const plain = useMemo(() => plainColours(units, '#c3d0e0', '#dbe3ee'), [units]);
  const latest = useRef({ cells, selected, onSelect });
  latest.current = { cells, selected, onSelect };
  const fit = useMemo(() => (units.features.length ? boundsOf(units.features.map((f) => f.geometry)) : null), [units]);
  const { container, ready, map } = useUnitMap({
    units: plain, navigation: true, scale: true, labels: { community: 0, grid: 15 }, fitTo: fit, maxFitZoom: 16, padding: 32,
    onLoad: (m: MlMap) => {
      m.addSource(SOURCE, { type: 'geojson', data: cellsGeoJson(latest.current.cells, latest.current.selected) });
      m.addLayer({
        id: 'hot-cells', type: 'circle', source: SOURCE,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['get', 'weight'], 0, 7, 1, 24],
          'circle-color': ['interpolate', ['linear'], ['get', 'weight'], 0, '#fadb14', 0.5, '#fa8c16', 1, '#cf1322'],
          'circle-opacity': 0.72,
          'circle-stroke-color': ['case', ['==', ['get', 'selected'], 1], '#1f1f1f', '#ffffff'],
          'circle-stroke-width': ['case', ['==', ['get', 'selected'], 1], 3, 1],
        },
      });
      m.on('click', 'hot-cells', (e) => {
        const key = e.features?.[0]?.properties?.key;
        if (typeof key === 'string') latest.current.onSelect(key);
      });
      m.on('mouseenter', 'hot-cells', () => { m.getCanvas().style.cursor = 'pointer'; });
      m.on('mouseleave', 'hot-cells', () => { m.getCanvas().style.cursor = ''; });
    },
  });
  useEffect(() => {
    const src = map.current?.getSource(SOURCE) as GeoJSONSource | undefined;
    src?.setData(cellsGeoJson(cells, selected));
  }, [cells, selected, map, ready]);
  return (
    <div className="zz-map-frame zz-hot-map" data-testid="hotspot-map" data-map-ready={ready ? 'true' : 'false'}>
      <div ref={container} className="zz-map-canvas" />
    </div>
  );
}
