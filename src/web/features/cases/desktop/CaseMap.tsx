// The workbench map: the town's grids (the org map's layers, in neutral colours) and one dot per case,
// coloured by the light of its worst running clock; new reports pulse; a click opens the case.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FeatureCollection, Point } from 'geojson';
import { Map as MlMap, Marker, NavigationControl, Popup } from '../../../ui/map/maplibre.ts';
import type { UnitFeatures } from '../../org/api.ts';
import { baseStyle, hatchImage, SOURCE, unitLayers } from '../../../ui/map/style.ts';
import { boundsOf, labelPoint, type Bounds } from '../../../ui/map/geometry.ts';
import type { DeskCase } from './api.ts';
import { LIGHT_COLORS, NO_CLOCK_COLOR, worstClock } from './clocks.ts';

const CASES = 'cases';
const PADDING = { top: 40, bottom: 40, left: 40, right: 40 };

interface Props { units: UnitFeatures; cases: DeskCase[]; now: number; selectedId: string | null; flashIds: ReadonlySet<string>; onSelect(id: string): void }

function neutral(units: UnitFeatures): UnitFeatures {
  return { ...units, features: units.features.map((f) => ({ ...f, properties: { ...f.properties, color: f.properties.level === 'community' ? '#dbe3ee' : '#c3d0e0' } })) };
}

export function CaseMap({ units, cases, now, selectedId, flashIds, onSelect }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MlMap | null>(null);
  const bounds = useRef<Bounds | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const [ready, setReady] = useState(false);
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

  useEffect(() => {
    if (!el.current) return;
    const map = new MlMap({ container: el.current, style: baseStyle, attributionControl: false, dragRotate: false, maxZoom: 19 });
    mapRef.current = map;
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    const labels: Marker[] = [];
    const popup = new Popup({ closeButton: false, closeOnClick: false, offset: 10, className: 'zz-popup' });
    map.on('load', () => {
      const data = neutral(units);
      map.addImage('hatch', hatchImage());
      map.addSource(SOURCE, { type: 'geojson', data });
      for (const layer of unitLayers()) map.addLayer(layer);
      map.addSource(CASES, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({ id: 'case-halo', type: 'circle', source: CASES, filter: ['==', ['get', 'id'], ''], paint: { 'circle-radius': 14, 'circle-color': '#1f5fa8', 'circle-opacity': 0.25 } });
      map.addLayer({
        id: 'case-dot', type: 'circle', source: CASES, layout: { 'circle-sort-key': ['get', 'rank'] },
        paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 5, 16, 9], 'circle-color': ['get', 'color'], 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
      });
      for (const f of data.features.filter((x) => x.properties.level === 'community')) {
        const at = labelPoint(f.geometry);
        if (!at) continue;
        const label = document.createElement('div');
        label.className = 'zz-label-community';
        label.textContent = f.properties.name;
        labels.push(new Marker({ element: label }).setLngLat(at).addTo(map));
      }
      bounds.current = boundsOf(data.features.map((f) => f.geometry));
      if (bounds.current) map.fitBounds(bounds.current, { padding: PADDING, duration: 0 });
      map.once('idle', () => setReady(true));
    });
    map.on('mouseenter', 'case-dot', (e) => {
      map.getCanvas().style.cursor = 'pointer';
      const p = e.features?.[0]?.properties as { number: string; name: string } | undefined;
      if (p) popup.setLngLat(e.lngLat).setText(`${p.name} · ${p.number}`).addTo(map);
    });
    map.on('mouseleave', 'case-dot', () => { map.getCanvas().style.cursor = ''; popup.remove(); });
    map.on('click', 'case-dot', (e) => {
      const id = e.features?.[0]?.properties?.id;
      if (id) onSelectRef.current(String(id));
    });
    return () => { for (const m of labels) m.remove(); map.remove(); mapRef.current = null; setReady(false); };
  }, [units]);

  useEffect(() => {
    const src = ready ? mapRef.current?.getSource(CASES) : undefined;
    if (src && 'setData' in src) (src as unknown as { setData(d: unknown): void }).setData(points);
  }, [points, ready]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    map.setFilter('case-halo', ['==', ['get', 'id'], selectedId ?? '']);
    const c = selectedId ? cases.find((x) => x.id === selectedId) : undefined;
    if (c) map.easeTo({ center: [c.location.lng, c.location.lat], zoom: Math.max(map.getZoom(), 14), offset: [-280, 0], duration: 600 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId, ready]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const pulses = cases.filter((c) => flashIds.has(c.id)).map((c) => {
      // MapLibre positions the marker element with a transform: the animation goes on a child
      const holder = document.createElement('div');
      holder.appendChild(document.createElement('div')).className = 'zz-pulse';
      return new Marker({ element: holder }).setLngLat([c.location.lng, c.location.lat]).addTo(map);
    });
    return () => { for (const m of pulses) m.remove(); };
  }, [cases, flashIds, ready]);

  return (
    <div className="zz-map-inner" data-testid="case-map" data-map-ready={ready ? 'true' : 'false'} data-case-count={cases.length}>
      <div ref={el} className="zz-map-canvas" />
    </div>
  );
}
