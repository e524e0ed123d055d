// The grid map: the scope's units in their community colours, names from a zoom, hover, click to select, fit to scope.
import { useEffect, useRef, type ReactNode } from 'react';
import type { Map as MlMap, PointLike } from 'maplibre-gl';
import { Button, Tooltip } from 'antd';
import { ExpandOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Popup } from '../../ui/map/maplibre.ts';
import { CLICKABLE_LAYERS, SOURCE } from '../../ui/map/style.ts';
import { boundsOf } from '../../ui/map/geometry.ts';
import { useUnitMap } from '../../ui/map/useUnitMap.ts';
import type { MapUnits } from '../../ui/map/units.ts';

/** room for the legend on the left */
const FIT_PADDING = { top: 40, bottom: 40, left: 210, right: 60 };

interface Props {
  features: MapUnits;
  selectedId: string | null;
  onSelect(id: string): void;
  /** what other features draw over the grids once the map is ready (the registry's layers): their layers' ids start with `overlay-` */
  overlay?: (map: MlMap) => ReactNode;
}

/** Whether a point falls on something drawn over the grids: such points take their own hover and clicks. */
const onOverlay = (m: MlMap, point: PointLike) => m.queryRenderedFeatures(point).some((f) => f.layer.id.startsWith('overlay-'));

export function GridMap({ features, selectedId, onSelect, overlay }: Props) {
  const { t } = useTranslation();
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const tRef = useRef(t);
  tRef.current = t;

  const { container, map, ready, fit } = useUnitMap({
    units: features, padding: FIT_PADDING, navigation: true, scale: true, labels: { community: 13.3, grid: 14.2 },
    onLoad: (m) => {
      const popup = new Popup({ closeButton: false, closeOnClick: false, offset: 8, className: 'zz-popup' });
      let hovered: string | number | undefined;
      m.on('mousemove', (e) => {
        if (onOverlay(m, e.point)) { popup.remove(); m.getCanvas().style.cursor = 'pointer'; return; }
        const f = m.queryRenderedFeatures(e.point, { layers: CLICKABLE_LAYERS })[0];
        if (hovered !== undefined && hovered !== f?.id) m.setFeatureState({ source: SOURCE, id: hovered }, { hover: false });
        hovered = f?.id;
        m.getCanvas().style.cursor = f ? 'pointer' : '';
        if (!f) { popup.remove(); return; }
        m.setFeatureState({ source: SOURCE, id: f.id! }, { hover: true });
        const p = f.properties as { name: string; population?: number };
        popup.setLngLat(e.lngLat).setText(p.population ? `${p.name} · ${p.population} ${tRef.current('common.people')}` : p.name).addTo(m);
      });
      m.on('mouseout', () => popup.remove());
      m.on('click', (e) => {
        if (onOverlay(m, e.point)) return;
        const f = m.queryRenderedFeatures(e.point, { layers: CLICKABLE_LAYERS })[0];
        if (f?.properties?.id) onSelectRef.current(String(f.properties.id));
      });
    },
  });

  useEffect(() => {
    const m = map.current;
    if (!m || !ready) return;
    const filter = ['==', ['get', 'id'], selectedId ?? ''] as never;
    m.setFilter('selected-fill', filter);
    m.setFilter('selected-line', filter);
    const feature = selectedId ? features.features.find((f) => f.properties.id === selectedId) : undefined;
    const b = feature ? boundsOf([feature.geometry]) : null;
    if (b && feature) {
      const isCommunity = feature.properties.level === 'community';
      // a selected grid opens the drawer on the right: keep the grid in the part of the map still visible
      m.fitBounds(b, { padding: { top: 140, bottom: 140, left: 220, right: isCommunity ? 60 : 440 }, maxZoom: isCommunity ? 15 : 15.2, duration: 600 });
    }
  }, [selectedId, ready, features, map]);

  return (
    <div className="zz-map-frame zz-map-inner" data-testid="grid-map" data-map-ready={ready ? 'true' : 'false'}>
      <div ref={container} className="zz-map-canvas" />
      {overlay && ready && map.current ? overlay(map.current) : null}
      <Tooltip title={t('org.fit')} placement="left">
        <Button icon={<ExpandOutlined />} size="small" onClick={() => fit(600)} style={{ position: 'absolute', top: 80, right: 10, zIndex: 2 }} aria-label={t('org.fit')} />
      </Tooltip>
    </div>
  );
}
