// The workbench map: the town's grids (the map family's set-up, in neutral colours) and one dot per case,
// coloured by the light of its worst running clock; new reports pulse; a click opens the case. A map of one's own grid
// (the grid worker's) outlines it as the report maps do: a solid border in the theme's colour, a light fill.
import { useEffect, useMemo, useRef } from 'react';
import type { FeatureCollection, Point } from 'geojson';
import { Marker, Popup } from '../../../ui/map/maplibre.ts';
import { plainColours } from '../../../ui/map/palette.ts';
import { useUnitMap } from '../../../ui/map/useUnitMap.ts';
import type { UnitFeatures } from '../../org/api.ts';
import type { CaseSummary } from '../api.ts';
import { LIGHT_COLORS, NO_CLOCK_COLOR, worstClock } from './clocks.ts';

const CASES = 'cases';

interface Props {
  units: UnitFeatures; cases: CaseSummary[]; now: number; selectedId: string | null; flashIds: ReadonlySet<string>; onSelect(id: string): void;
  /** the unit to outline as the user's own (their grid); the other maps draw every unit alike */
  outlineId?: string | null;
}

/** The outlined unit's fill: a light tint of the theme's colour, under the lights of the cases. */
const OWN_FILL = '#f7dcd8';

export function CaseMap({ units, cases, now, selectedId, flashIds, onSelect, outlineId }: Props) {
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  // lights change with time: recompute at most every 5 s
  const slot = Math.floor(now / 5000);
  const points = useMemo<FeatureCollection<Point>>(() => ({
    type: 'FeatureCollection',
    features: cases.map((c) => {
      const w = worstClock(c.deadlines, slot * 5000);
      return {
        type: 'Feature', id: c.id, geometry: { type: 'Point', coordinates: [c.location.lng, c.location.lat] },
        properties: { id: c.id, number: c.number, name: c.categoryName, color: c.suspended ? NO_CLOCK_COLOR : w ? LIGHT_COLORS[w.light] : NO_CLOCK_COLOR, rank: w?.light === 'red' ? 2 : w?.light === 'yellow' ? 1 : 0 },
      };
    }),
  }), [cases, slot]);

  // the town's grids in neutral colours, so the lights of the cases stand out
  const plain = useMemo(() => {
    const fc = plainColours(units, '#c3d0e0', '#dbe3ee');
    return outlineId ? { ...fc, features: fc.features.map((f) => (f.properties.id === outlineId ? { ...f, properties: { ...f.properties, color: OWN_FILL } } : f)) } : fc;
  }, [units, outlineId]);
  const { container, map, ready } = useUnitMap({
    units: plain, navigation: true, labels: { community: 0 },
    onLoad: (m) => {
      // the map family's outline of a chosen unit (style.ts: selected-line, in the theme's colour), as PinMap's own grid
      if (outlineId && m.getLayer('selected-line')) m.setFilter('selected-line', ['==', ['get', 'id'], outlineId]);
      m.addSource(CASES, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      m.addLayer({ id: 'case-halo', type: 'circle', source: CASES, filter: ['==', ['get', 'id'], ''], paint: { 'circle-radius': 14, 'circle-color': '#1f5fa8', 'circle-opacity': 0.25 } });
      m.addLayer({
        id: 'case-dot', type: 'circle', source: CASES, layout: { 'circle-sort-key': ['get', 'rank'] },
        paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 5, 16, 9], 'circle-color': ['get', 'color'], 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
      });
      const popup = new Popup({ closeButton: false, closeOnClick: false, offset: 10, className: 'zz-popup' });
      m.on('mouseenter', 'case-dot', (e) => {
        m.getCanvas().style.cursor = 'pointer';
        const p = e.features?.[0]?.properties as { number: string; name: string } | undefined;
        if (p) popup.setLngLat(e.lngLat).setText(`${p.name} · ${p.number}`).addTo(m);
      });
      m.on('mouseleave', 'case-dot', () => { m.getCanvas().style.cursor = ''; popup.remove(); });
      m.on('click', 'case-dot', (e) => {
        const id = e.features?.[0]?.properties?.id;
        if (id) onSelectRef.current(String(id));
      });
    },
  });

  useEffect(() => {
    const src = ready ? map.current?.getSource(CASES) : undefined;
    if (src && 'setData' in src) (src as unknown as { setData(d: unknown): void }).setData(points);
  }, [points, ready, map]);

  useEffect(() => {
    const m = map.current;
    if (!m || !ready) return;
    m.setFilter('case-halo', ['==', ['get', 'id'], selectedId ?? '']);
    const c = selectedId ? cases.find((x) => x.id === selectedId) : undefined;
    if (c) m.easeTo({ center: [c.location.lng, c.location.lat], zoom: Math.max(m.getZoom(), 14), offset: [-280, 0], duration: 600 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId, ready]);

  useEffect(() => {
    const m = map.current;
    if (!m || !ready) return;
    const pulses = cases.filter((c) => flashIds.has(c.id)).map((c) => {
      // MapLibre positions the marker element with a transform: the animation goes on a child
      const holder = document.createElement('div');
      holder.appendChild(document.createElement('div')).className = 'zz-pulse';
      return new Marker({ element: holder }).setLngLat([c.location.lng, c.location.lat]).addTo(m);
    });
    return () => { for (const m of pulses) m.remove(); };
  }, [cases, flashIds, ready, map]);

  return (
    <div className="zz-map-frame zz-map-inner" data-testid="case-map" data-map-ready={ready ? 'true' : 'false'} data-case-count={cases.length}
      data-outlined={outlineId ?? undefined}>
      <div ref={container} className="zz-map-canvas" />
    </div>
  );
}
