// The one MapLibre set-up behind every map: our boundaries on a plain background (or on a configured basemap,
// for the maps that ask for one: see basemap.ts, with the units shifted onto its datum), no rotation, unit names as
// HTML labels shown from a zoom, fitted to the units (or to a focus). Rebuilt when the units or the style change;
// `ready` once the first frame with the boundaries is drawn (the pages' `data-map-ready`).
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { FitBoundsOptions, PaddingOptions, StyleSpecification } from 'maplibre-gl';
import { AttributionControl, Map as MlMap, Marker, NavigationControl, ScaleControl } from './maplibre.ts';
import { mapLocale } from './map-locale.ts';
import { baseStyle, hatchImage, SOURCE, unitLayers } from './style.ts';
import { boundsOf, labelPoint, shortGridName, type Bounds } from './geometry.ts';
import type { MapUnits } from './units.ts';
import { datumShift, type DatumShift } from './datum.ts';
import './map.css';

export interface UnitMapOptions {
  /** the boundaries, each feature with its `color` (see palette.ts); null or empty draws the background only */
  units: MapUnits | null;
  /** where to look when there are no units to fit */
  center?: [number, number];
  zoom?: number;
  /** room around the units when fitting them */
  padding?: number | PaddingOptions;
  maxFitZoom?: number;
  /** zoom buttons (top right) and a metric scale (bottom right) */
  navigation?: boolean;
  scale?: boolean;
  /** from which zoom community and grid names show; a kind left out gets no labels */
  labels?: { community?: number; grid?: number };
  /** what only this map has (its own layers and handlers), set up once the boundaries are drawn */
  onLoad?(map: MlMap): void;
  /** the style under the units (basemap.ts); the plain ground without */
  style?: StyleSpecification;
  /** the basemap's datum: the units (and `fitTo`) are shifted onto it; markers use the returned `shift` */
  shift?: DatumShift;
  /** fit to these bounds (WGS-84) rather than to all the units */
  fitTo?: Bounds | null;
}

export interface UnitMap {
  container: RefObject<HTMLDivElement | null>;
  map: RefObject<MlMap | null>;
  ready: boolean;
  /** back to the units' bounds */
  fit(duration: number): void;
  /** WGS-84 ↔ the map's datum, for markers and picks */
  shift: DatumShift;
}

export function useUnitMap(o: UnitMapOptions): UnitMap {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MlMap | null>(null);
  const bounds = useRef<Bounds | null>(null);
  const latest = useRef(o);
  latest.current = o;
  // ready for the units it was drawn with: when they change, the map is rebuilt and not ready in that same render
  const [readyFor, setReadyFor] = useState<{ units: MapUnits | null } | null>(null);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const { center, zoom, navigation, scale, style } = latest.current;
    const shift = latest.current.shift ?? datumShift('wgs84');
    const original = latest.current.units;
    const units = original && shift.datum !== 'wgs84' ? shift.features(original) : original;
    const at = center ? shift.toMap({ lng: center[0], lat: center[1] }) : null;
    const m = new MlMap({
      container: el, style: style ?? baseStyle, attributionControl: false, dragRotate: false, pitchWithRotate: false, maxZoom: 19,
      locale: mapLocale(),
      ...(at ? { center: [at.lng, at.lat], zoom: zoom ?? 16 } : {}),
    });
    if (style && Object.keys(style.sources).length > 0) m.addControl(new AttributionControl({ compact: true }), 'bottom-right');
    map.current = m;
    m.touchZoomRotate.disableRotation();
    if (navigation) m.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    if (scale) m.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    const labels: Marker[] = [];

    m.on('load', () => {
      m.addImage('hatch', hatchImage());
      if (units && units.features.length > 0) {
        m.addSource(SOURCE, { type: 'geojson', data: units, promoteId: 'id' });
        for (const layer of unitLayers()) m.addLayer(layer);
        labels.push(...placeLabels(m, units, latest.current.labels ?? {}));
        const focus = latest.current.fitTo;
        if (focus) {
          const sw = shift.toMap({ lng: focus[0], lat: focus[1] }), ne = shift.toMap({ lng: focus[2], lat: focus[3] });
          bounds.current = [sw.lng, sw.lat, ne.lng, ne.lat];
        } else {
          bounds.current = boundsOf(units.features.map((f) => f.geometry));
        }
        if (bounds.current) m.fitBounds(bounds.current, fitOptions(latest.current, 0));
      }
      latest.current.onLoad?.(m);
      const showLabels = () => {
        for (const l of labels) l.getElement().style.visibility = m.getZoom() >= Number(l.getElement().dataset.fromZoom) ? 'visible' : 'hidden';
      };
      showLabels();
      m.on('zoom', showLabels);
      m.once('idle', () => setReadyFor({ units: original }));
    });

    return () => {
      for (const l of labels) l.remove();
      m.remove();
      map.current = null;
      bounds.current = null;
      setReadyFor(null);
    };
  }, [o.units, o.style, o.shift]);

  const fit = useCallback((duration: number) => {
    if (bounds.current) map.current?.fitBounds(bounds.current, fitOptions(latest.current, duration));
  }, []);

  return { container, map, ready: readyFor?.units === o.units, fit, shift: o.shift ?? datumShift('wgs84') };
}

// MapLibre takes a `maxZoom: undefined` as a zoom of NaN: the key is left out unless there is a limit
function fitOptions(o: UnitMapOptions, duration: number): FitBoundsOptions {
  return { padding: o.padding ?? 40, duration, ...(o.maxFitZoom === undefined ? {} : { maxZoom: o.maxFitZoom }) };
}

/** A label per unit of the kinds asked for, at the unit's label point; a grid is named without its community's prefix. */
function placeLabels(m: MlMap, units: MapUnits, from: { community?: number; grid?: number }): Marker[] {
  const communities = new Map(units.features.filter((f) => f.properties.level === 'community').map((f) => [f.properties.id, f.properties.name]));
  return units.features.flatMap((f) => {
    const isCommunity = f.properties.level === 'community';
    const fromZoom = isCommunity ? from.community : from.grid;
    const at = fromZoom === undefined ? null : labelPoint(f.geometry);
    if (!at) return [];
    const label = document.createElement('div');
    label.className = isCommunity ? 'zz-label-community' : 'zz-label-grid';
    label.dataset.fromZoom = String(fromZoom);
    label.textContent = isCommunity ? f.properties.name : shortGridName(f.properties.name, communities.get(f.properties.parentId ?? ''));
    return [new Marker({ element: label }).setLngLat(at).addTo(m)];
  });
}
