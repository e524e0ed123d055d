// A map for saying where something is: the units' boundaries (on the configured basemap, if any) and a red pin that
// a tap, a click or a drag moves. Community names always show; grid names once zoomed in to street level when there
// are many (they would pile up on a small map). Positions in and out are WGS-84, whatever the basemap's datum.
import { useEffect, useRef, type ReactNode } from 'react';
import { Marker } from './maplibre.ts';
import { useUnitMap } from './useUnitMap.ts';
import { PLAIN_LOOK, type MapLook } from './basemap.ts';
import type { Bounds } from './geometry.ts';
import type { LngLat, MapUnits } from './units.ts';

const PIN = `<svg width="30" height="42" viewBox="0 0 30 42" xmlns="http://www.w3.org/2000/svg"><path d="M15 41C15 41 29 24.5 29 14.5C29 6.8 22.7 1 15 1C7.3 1 1 6.8 1 14.5C1 24.5 15 41 15 41Z" fill="#d2402f" stroke="#fff" stroke-width="2"/><circle cx="15" cy="14.5" r="5.5" fill="#fff"/></svg>`;
const NO_PLACE: [number, number] = [106.55, 29.56];

interface Props {
  /** the boundaries, coloured (see palette.ts); null shows the place around the position only */
  units: MapUnits | null;
  position: LngLat | null;
  /** where to look when there is neither a position nor units */
  fallbackCenter?: LngLat | null;
  /** what to fit the map to at first (the user's grid, community or town); all the units without */
  focus?: Bounds | null;
  /** the unit to outline as the user's own (their grid) */
  focusId?: string | null;
  onMove(at: LngLat): void;
  /** zoom buttons, for a mouse */
  navigation?: boolean;
  padding?: number;
  /** the frame: its class (the canvas fills it) and test id */
  className: string;
  testId: string;
  /** what lies over the map (hints, buttons) */
  children?: ReactNode;
  /** the basemap's style and datum (maps feature's useMapLook); undefined while it loads; the plain ground without */
  look?: MapLook | undefined | 'plain';
}

export function PinMap(props: Props) {
  const look = props.look === 'plain' ? PLAIN_LOOK : props.look;
  if (!look) {
    return (
      <div className={`zz-map-frame ${props.className}`} data-testid={props.testId} data-map-ready="false">
        <div className="zz-map-canvas" style={{ background: '#eef1f5' }} />
        {props.children}
      </div>
    );
  }
  return <PinMapDrawn {...props} look={look} />;
}

function PinMapDrawn({ units, position, fallbackCenter, focus, focusId, onMove, navigation, padding = 24, className, testId, children, look }: Omit<Props, 'look'> & { look: MapLook }) {
  const onMoveRef = useRef(onMove);
  onMoveRef.current = onMove;
  const pin = useRef<Marker | null>(null);
  const grids = units?.features.filter((f) => f.properties.level !== 'community').length ?? 0;
  const communities = units?.features.filter((f) => f.properties.level === 'community').length ?? 0;
  const start = position ?? fallbackCenter;
  const { shift } = look;

  const { container, map, ready } = useUnitMap({
    units, navigation, padding, maxFitZoom: focus ? 16 : 17, center: start ? [start.lng, start.lat] : NO_PLACE, zoom: 16,
    // a few community names always, and on a desk's large map; many on a phone (a town) once there is room for them
    labels: { ...(communities ? { community: communities > 4 && !navigation ? 14 : 0 } : {}), grid: grids > 4 ? 15.5 : 0 },
    style: look.style, shift, fitTo: focus ?? null,
    onLoad: (m) => {
      m.getCanvas().style.cursor = 'crosshair';
      if (focusId && m.getLayer('selected-line')) m.setFilter('selected-line', ['==', ['get', 'id'], focusId]);
      const el = document.createElement('div');
      el.className = 'zz-map-pin';
      el.innerHTML = PIN;
      el.setAttribute('data-testid', 'map-pin');
      const marker = new Marker({ element: el, draggable: true, anchor: 'bottom' });
      marker.on('dragend', () => { const p = marker.getLngLat(); onMoveRef.current(shift.fromMap({ lng: p.lng, lat: p.lat })); });
      m.on('click', (e) => {
        marker.setLngLat(e.lngLat);
        if (!el.isConnected) marker.addTo(m);
        onMoveRef.current(shift.fromMap({ lng: e.lngLat.lng, lat: e.lngLat.lat }));
      });
      pin.current = marker;
    },
  });

  // the pin follows the position; the map brings it into view when it lies outside (at once the first time)
  const shown = useRef(false);
  useEffect(() => {
    const m = map.current, marker = pin.current;
    if (!ready || !m || !marker) { shown.current = false; return; }
    if (!position) { marker.remove(); return; }
    const at = shift.toMap(position);
    const cur = marker.getElement().isConnected ? marker.getLngLat() : null;
    if (cur && Math.abs(cur.lng - at.lng) < 1e-9 && Math.abs(cur.lat - at.lat) < 1e-9) return;
    marker.setLngLat([at.lng, at.lat]);
    if (!cur) marker.addTo(m);
    if (!units || !m.getBounds().contains([at.lng, at.lat])) {
      m.easeTo({ center: [at.lng, at.lat], zoom: units ? Math.max(m.getZoom(), 15) : Math.max(m.getZoom(), 16), duration: shown.current ? 400 : 0 });
    }
    shown.current = true;
  }, [position, ready, units, map, shift]);

  return (
    <div className={`zz-map-frame ${className}`} data-testid={testId} data-map-ready={ready ? 'true' : 'false'}
      data-basemap={look.hasBasemap ? 'configured' : 'none'}>
      <div ref={container} className="zz-map-canvas" />
      {children}
    </div>
  );
}
