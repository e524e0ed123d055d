// Click the map to place a case: the town's grids, a pin at the chosen point, and the grid found there
// (or "not in any grid") from /api/org-units/locate.
import { useEffect, useRef, useState } from 'react';
import { Spin } from 'antd';
import { AimOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.ts';
import { Map as MlMap, Marker, NavigationControl } from '../../../ui/map/maplibre.ts';
import type { UnitFeatures } from '../../org/api.ts';
import { baseStyle, hatchImage, SOURCE, unitLayers } from '../../../ui/map/style.ts';
import { boundsOf } from '../../../ui/map/geometry.ts';
import { locate, type LngLat, type Located } from '../api.ts';

export type PickState = { at: LngLat; located: Located | null; outside: boolean; loading: boolean };

interface Props { units: UnitFeatures; value: PickState | null; onChange(v: PickState): void }

export function LocationPicker({ units, value, onChange }: Props) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MlMap | null>(null);
  const pin = useRef<Marker | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!el.current) return;
    const map = new MlMap({ container: el.current, style: baseStyle, attributionControl: false, dragRotate: false, maxZoom: 19 });
    mapRef.current = map;
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.on('load', () => {
      map.addImage('hatch', hatchImage());
      map.addSource(SOURCE, { type: 'geojson', data: { ...units, features: units.features.map((f) => ({ ...f, properties: { ...f.properties, color: '#b9cbe2' } })) } });
      for (const layer of unitLayers()) map.addLayer(layer);
      const b = boundsOf(units.features.map((f) => f.geometry));
      if (b) map.fitBounds(b, { padding: 40, duration: 0 });
      map.getCanvas().style.cursor = 'crosshair';
      map.once('idle', () => setReady(true));
    });
    let seq = 0;
    map.on('click', (e) => {
      const at = { lng: e.lngLat.lng, lat: e.lngLat.lat };
      const mine = ++seq;
      onChangeRef.current({ at, located: null, outside: false, loading: true });
      locate(at).then(
        (located) => { if (mine === seq) onChangeRef.current({ at, located, outside: false, loading: false }); },
        (err: unknown) => { if (mine === seq) onChangeRef.current({ at, located: null, outside: err instanceof ApiError && (err.status === 404 || err.code === 'LOCATION_OUTSIDE_GRIDS'), loading: false }); },
      );
    });
    return () => { map.remove(); mapRef.current = null; pin.current = null; setReady(false); };
  }, [units]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!value) { pin.current?.remove(); pin.current = null; return; }
    if (!pin.current) {
      const dot = document.createElement('div');
      dot.className = 'zz-pin';
      pin.current = new Marker({ element: dot, anchor: 'bottom' }).setLngLat(value.at).addTo(map);
    } else pin.current.setLngLat(value.at);
  }, [value, ready]);

  return (
    <div className="zz-map-inner" data-testid="location-picker" data-map-ready={ready ? 'true' : 'false'}>
      <div ref={el} className="zz-map-canvas" />
      <div className="zz-pick-hint" data-testid="locate-feedback">
        {!value ? <span><AimOutlined /> {t('wcase.intake.pickHint')}</span> : null}
        {value?.loading ? <Spin size="small" /> : null}
        {value && !value.loading && value.located ? (
          <span><AimOutlined style={{ color: '#2e9e5b' }} /> {t('wcase.intake.inGrid', { name: value.located.grid.name })}</span>
        ) : null}
        {value && !value.loading && !value.located ? (
          <span style={{ color: '#c2370b' }}><WarningOutlined /> {value.outside ? t('wcase.intake.outside') : t('wcase.intake.locateFailed')}</span>
        ) : null}
        {value ? <div className="zz-muted" style={{ fontSize: 12 }}>{value.at.lng.toFixed(6)}, {value.at.lat.toFixed(6)}</div> : null}
      </div>
    </div>
  );
}
