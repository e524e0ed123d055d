// The wall's map: one MapLibre map for the page's life (a drill-down swaps its data, never the map), on a dark ground.
// The units below the one shown are outlined and clickable (a click drills down), tinted by their red cases; open cases
// are dots coloured by their SLA light, active incidents larger rings, and alarms flashing markers (CSS, so a hidden
// page does not animate them). Data is applied with setData while the page is shown; a hidden page keeps only the
// latest to apply when shown again.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource, MapLayerMouseEvent, StyleSpecification } from 'maplibre-gl';
import { Map as MlMap, Marker } from '../../ui/map/maplibre.ts';
import { mapLocale } from '../../ui/map/map-locale.ts';
import { boundsOf, labelPoint, type Bounds } from '../../ui/map/geometry.ts';
import type { ScreenAlarm, ScreenCase, ScreenChildTile, ScreenIncident } from './api.ts';

export const LIGHT_COLORS: Record<string, string> = { green: '#2fd27b', yellow: '#ffc53d', red: '#ff4d4f', none: '#8c9bb5' };
const INCIDENT_COLOR = '#b37feb';

const darkStyle: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#07162b' } }],
};

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

interface Props {
  unitName: string;
  /** the unit's bounds when there are no children to fit (a grid) */
  bbox: Bounds | null;
  tiles: ScreenChildTile[];
  /** the unit's own outline, when known (a grid drilled into from its community) */
  outline: Geometry | null;
  cases: readonly ScreenCase[];
  alarms: readonly ScreenAlarm[];
  incidents: readonly ScreenIncident[];
  /** alarms that just arrived (they flash harder) */
  fresh: ReadonlySet<string>;
  paused: boolean;
  onDrill(id: string): void;
}

export function ScreenMap(p: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MlMap | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [drawnFor, setDrawnFor] = useState<string | null>(null);
  const drill = useRef(p.onDrill);
  drill.current = p.onDrill;
  const labels = useRef<Marker[]>([]);
  const alarmMarkers = useRef(new Map<string, { marker: Marker; el: HTMLDivElement }>());

  useEffect(() => {
    if (!box.current) return undefined;
    const m = new MlMap({
      container: box.current, style: darkStyle, attributionControl: false, dragRotate: false, pitchWithRotate: false,
      maxZoom: 19, center: [120.15, 30.28], zoom: 12, locale: mapLocale(), fadeDuration: 0,
    });
    m.touchZoomRotate.disableRotation();
    mapRef.current = m;
    m.on('load', () => {
      m.addSource('children', { type: 'geojson', data: empty, promoteId: 'id' });
      m.addSource('outline', { type: 'geojson', data: empty });
      m.addSource('cases', { type: 'geojson', data: empty });
      m.addSource('incidents', { type: 'geojson', data: empty });
      m.addLayer({ id: 'outline-fill', type: 'fill', source: 'outline', paint: { 'fill-color': '#1677ff', 'fill-opacity': 0.08 } });
      m.addLayer({ id: 'outline-line', type: 'line', source: 'outline', paint: { 'line-color': '#69b1ff', 'line-width': 2.5 } });
      m.addLayer({
        id: 'children-fill', type: 'fill', source: 'children',
        paint: {
          'fill-color': ['interpolate', ['linear'], ['get', 'redShare'], 0, '#12457a', 0.3, '#8c2f39', 1, '#d4380d'],
          'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.75, 0.5],
        },
      });
      m.addLayer({ id: 'children-line', type: 'line', source: 'children', paint: { 'line-color': '#4fc3ff', 'line-width': 1.5 } });
      m.addLayer({
        id: 'incidents', type: 'circle', source: 'incidents',
        paint: { 'circle-radius': 14, 'circle-color': INCIDENT_COLOR, 'circle-opacity': 0.25, 'circle-stroke-color': INCIDENT_COLOR, 'circle-stroke-width': 3 },
      });
      m.addLayer({
        id: 'cases', type: 'circle', source: 'cases',
        paint: {
          'circle-radius': 5,
          'circle-color': ['match', ['get', 'light'], 'green', LIGHT_COLORS.green!, 'yellow', LIGHT_COLORS.yellow!, 'red', LIGHT_COLORS.red!, LIGHT_COLORS.none!],
          'circle-stroke-color': '#07162b', 'circle-stroke-width': 1,
        },
      });
      let hovered: string | number | undefined;
      m.on('mousemove', 'children-fill', (e: MapLayerMouseEvent) => {
        const id = e.features?.[0]?.id;
        if (hovered !== undefined && hovered !== id) m.setFeatureState({ source: 'children', id: hovered }, { hover: false });
        hovered = id;
        if (id !== undefined) m.setFeatureState({ source: 'children', id }, { hover: true });
        m.getCanvas().style.cursor = 'pointer';
      });
      m.on('mouseleave', 'children-fill', () => {
        if (hovered !== undefined) m.setFeatureState({ source: 'children', id: hovered }, { hover: false });
        hovered = undefined;
        m.getCanvas().style.cursor = '';
      });
      m.on('click', 'children-fill', (e: MapLayerMouseEvent) => {
        const id = e.features?.[0]?.properties?.id as string | undefined;
        if (id) drill.current(id);
      });
      setLoaded(true);
    });
    const markers = alarmMarkers.current;
    return () => {
      for (const l of labels.current) l.remove();
      labels.current = [];
      for (const { marker } of markers.values()) marker.remove();
      markers.clear();
      m.remove();
      mapRef.current = null;
    };
  }, []);

  // the units below, the unit's outline, and the fit: when the unit changes
  const tilesKey = p.tiles.map((x) => x.id).join(',') + '|' + (p.bbox ?? []).join(',');
  useEffect(() => {
    const m = mapRef.current;
    if (!m || !loaded || p.paused) return;
    const features = p.tiles.filter((x) => x.geometry).map((x) => ({
      type: 'Feature' as const, id: x.id, geometry: x.geometry as Geometry,
      properties: { id: x.id, name: x.name, redShare: x.openCases > 0 ? x.redCases / x.openCases : 0 },
    }));
    (m.getSource('children') as GeoJSONSource).setData({ type: 'FeatureCollection', features });
    (m.getSource('outline') as GeoJSONSource).setData(p.outline
      ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: p.outline, properties: {} }] } : empty);
    for (const l of labels.current) l.remove();
    labels.current = features.flatMap((f) => {
      const at = labelPoint(f.geometry);
      if (!at) return [];
      const el = document.createElement('div');
      el.className = 'zz-wall-map-label';
      el.textContent = f.properties.name;
      return [new Marker({ element: el }).setLngLat(at).addTo(m)];
    });
    const bounds = boundsOf(features.map((f) => f.geometry)) ?? (p.outline ? boundsOf([p.outline]) : null) ?? p.bbox;
    if (bounds) m.fitBounds(bounds, { padding: 40, duration: 0, maxZoom: 17 });
    setDrawnFor(tilesKey);
  }, [loaded, tilesKey, p.outline, p.paused]);

  // cases and incidents: setData with the current windows
  useEffect(() => {
    const m = mapRef.current;
    if (!m || !loaded || p.paused) return;
    const cases = p.cases.filter((c) => c.lng !== null && c.lat !== null).map((c) => ({
      type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [c.lng!, c.lat!] }, properties: { id: c.id, light: c.light },
    }));
    (m.getSource('cases') as GeoJSONSource).setData({ type: 'FeatureCollection', features: cases });
    const incidents = p.incidents.filter((i) => i.lng !== null && i.lat !== null).map((i) => ({
      type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [i.lng!, i.lat!] }, properties: { id: i.id },
    }));
    (m.getSource('incidents') as GeoJSONSource).setData({ type: 'FeatureCollection', features: incidents });
  }, [loaded, p.cases, p.incidents, p.paused]);

  // alarms: one flashing marker each, added and removed by id (at most the alarms' window)
  useEffect(() => {
    const m = mapRef.current;
    if (!m || !loaded || p.paused) return;
    const markers = alarmMarkers.current;
    const shown = new Set<string>();
    for (const a of p.alarms) {
      if (a.lng === null || a.lat === null) continue;
      shown.add(a.id);
      let entry = markers.get(a.id);
      if (!entry) {
        const el = document.createElement('div');
        el.setAttribute('data-testid', 'wall-map-alarm');
        el.setAttribute('data-alarm-id', a.id);
        entry = { el, marker: new Marker({ element: el }).setLngLat([a.lng, a.lat]).addTo(m) };
        markers.set(a.id, entry);
      }
      entry.el.className = `zz-wall-alarm zz-wall-alarm-${a.severity}${a.status === 'active' ? ' zz-wall-alarm-active' : ''}${p.fresh.has(a.id) ? ' zz-wall-alarm-fresh' : ''}`;
      entry.el.title = `${a.typeName} · ${a.placeName}`;
    }
    for (const [id, entry] of markers) {
      if (!shown.has(id)) { entry.marker.remove(); markers.delete(id); }
    }
  }, [loaded, p.alarms, p.fresh, p.paused]);

  return (
    <div ref={box} className="zz-wall-map" role="region" aria-label={t('wall.mapAria', { name: p.unitName })}
      data-testid="wall-map" data-map-ready={loaded && drawnFor === tilesKey ? 'true' : 'false'}
      data-alarm-count={p.alarms.length} data-case-count={p.cases.length} />
  );
}
