// A small MapLibre map for choosing where a problem is: our grid boundaries (no external basemap) and a
// draggable red pin; tapping the map moves the pin too. Reuses the org map's style and colours.
import { useEffect, useRef, useState } from 'react';
import { Map as MlMap, Marker } from '../../../ui/map/maplibre.ts';
import type { UnitFeatures } from '../../org/api.ts';
import { baseStyle, hatchImage, SOURCE, unitLayers } from '../../../ui/map/style.ts';
import { colourFeatures, communityColors } from '../../../ui/map/palette.ts';
import { boundsOf, labelPoint, shortGridName } from '../../../ui/map/geometry.ts';
import type { LngLat } from '../api.ts';

const PIN = `<svg width="30" height="42" viewBox="0 0 30 42" xmlns="http://www.w3.org/2000/svg"><path d="M15 41C15 41 29 24.5 29 14.5C29 6.8 22.7 1 15 1C7.3 1 1 6.8 1 14.5C1 24.5 15 41 15 41Z" fill="#d2402f" stroke="#fff" stroke-width="2"/><circle cx="15" cy="14.5" r="5.5" fill="#fff"/></svg>`;

interface Props {
  features: UnitFeatures | null;
  position: LngLat | null;
  /** the place to show when there is no position yet */
  fallbackCenter?: LngLat | null;
  onMove(at: LngLat): void;
}

export function PositionMap({ features, position, fallbackCenter, onMove }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MlMap | null>(null);
  const markerRef = useRef<Marker | null>(null);
  const onMoveRef = useRef(onMove);
  onMoveRef.current = onMove;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const map = new MlMap({
      container: el, style: baseStyle, attributionControl: false, dragRotate: false, pitchWithRotate: false, maxZoom: 19,
      center: position ? [position.lng, position.lat] : fallbackCenter ? [fallbackCenter.lng, fallbackCenter.lat] : [106.55, 29.56], zoom: 16,
      cooperativeGestures: false,
    });
    mapRef.current = map;
    map.touchZoomRotate.disableRotation();
    const labels: Marker[] = [];

    const pinEl = document.createElement('div');
    pinEl.className = 'mc-map-pin';
    pinEl.innerHTML = PIN;
    pinEl.setAttribute('data-testid', 'map-pin');
    const marker = new Marker({ element: pinEl, draggable: true, anchor: 'bottom' });
    markerRef.current = marker;
    marker.on('dragend', () => { const p = marker.getLngLat(); onMoveRef.current({ lng: p.lng, lat: p.lat }); });
    map.on('click', (e) => {
      marker.setLngLat(e.lngLat);
      if (!marker.getElement().isConnected) marker.addTo(map);
      onMoveRef.current({ lng: e.lngLat.lng, lat: e.lngLat.lat });
    });

    map.on('load', () => {
      if (features && features.features.length > 0) {
        // a grid worker's scope may hold no community: give its grids the civic blue instead of the grey fallback
        const hasCommunity = features.features.some((f) => f.properties.level === 'community');
        const coloured = hasCommunity ? colourFeatures(features, communityColors(features))
          : { ...features, features: features.features.map((f) => ({ ...f, properties: { ...f.properties, color: '#5b8ff9' } })) };
        map.addImage('hatch', hatchImage());
        map.addSource(SOURCE, { type: 'geojson', data: coloured, promoteId: 'id' });
        for (const layer of unitLayers()) if (!layer.id.startsWith('selected')) map.addLayer(layer);
        const communities = new Map(coloured.features.filter((f) => f.properties.level === 'community').map((f) => [f.properties.id, f.properties.name]));
        for (const f of coloured.features) {
          if (f.properties.level === 'community') continue;
          const at = labelPoint(f.geometry);
          if (!at) continue;
          const label = document.createElement('div');
          label.className = 'zz-label-grid';
          label.style.pointerEvents = 'none';
          label.textContent = shortGridName(f.properties.name, communities.get(f.properties.parentId ?? ''));
          labels.push(new Marker({ element: label }).setLngLat(at).addTo(map));
        }
        // show the whole scope; the pin is brought into view below when it lies outside
        const b = boundsOf(coloured.features.map((f) => f.geometry));
        if (b) map.fitBounds(b, { padding: 24, duration: 0, maxZoom: 17 });
        const pin = markerRef.current?.getElement().isConnected ? markerRef.current.getLngLat() : null;
        if (pin && !map.getBounds().contains(pin)) map.jumpTo({ center: pin });
        // a community's dozen grid names would pile up on a small map: they appear once zoomed in to street level
        const labelZoom = labels.length > 4 ? 15.5 : 0;
        const showLabels = () => { for (const l of labels) l.getElement().style.visibility = map.getZoom() >= labelZoom ? 'visible' : 'hidden'; };
        showLabels();
        map.on('zoom', showLabels);
      }
      map.once('idle', () => setReady(true));
    });

    return () => {
      for (const l of labels) l.remove();
      marker.remove();
      map.remove();
      mapRef.current = null;
      markerRef.current = null;
      setReady(false);
    };
    // rebuilt only when the boundaries change; the position follows in the effect below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [features]);

  useEffect(() => {
    const map = mapRef.current, marker = markerRef.current;
    if (!map || !marker || !position) return;
    const cur = marker.getElement().isConnected ? marker.getLngLat() : null;
    if (cur && Math.abs(cur.lng - position.lng) < 1e-9 && Math.abs(cur.lat - position.lat) < 1e-9) return;
    marker.setLngLat([position.lng, position.lat]);
    if (!marker.getElement().isConnected) marker.addTo(map);
    if (!features || !map.getBounds().contains([position.lng, position.lat])) {
      map.easeTo({ center: [position.lng, position.lat], zoom: features ? map.getZoom() : Math.max(map.getZoom(), 16), duration: ready ? 400 : 0 });
    }
  }, [position, ready, features]);

  return (
    <div className="mc-map" data-testid="position-map" data-map-ready={ready ? 'true' : 'false'}>
      <div ref={container} className="mc-map-canvas" />
    </div>
  );
}
