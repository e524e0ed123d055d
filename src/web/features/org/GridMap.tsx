// The grid map: MapLibre GL with our boundaries only, HTML labels, hover, click to select, fit to scope.
import { useEffect, useRef, useState } from 'react';
import { Map as MlMap, Marker, NavigationControl, Popup, ScaleControl } from '../../ui/map/maplibre.ts';
import { Button, Tooltip } from 'antd';
import { ExpandOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { UnitFeatures } from './api.ts';
import { baseStyle, CLICKABLE_LAYERS, hatchImage, SOURCE, unitLayers } from '../../ui/map/style.ts';
import { boundsOf, labelPoint, shortGridName, type Bounds } from '../../ui/map/geometry.ts';

const GRID_LABEL_ZOOM = 14.2;
const COMMUNITY_LABEL_ZOOM = 13.3;
/** room for the legend on the left */
const FIT_PADDING = { top: 40, bottom: 40, left: 210, right: 60 };

interface Props {
  features: UnitFeatures;
  selectedId: string | null;
  onSelect(id: string): void;
}

export function GridMap({ features, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MlMap | null>(null);
  const scopeBounds = useRef<Bounds | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const tRef = useRef(t);
  tRef.current = t;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const map = new MlMap({ container: el, style: baseStyle, attributionControl: false, dragRotate: false, maxZoom: 19 });
    mapRef.current = map;
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    const markers: Marker[] = [];
    const popup = new Popup({ closeButton: false, closeOnClick: false, offset: 8, className: 'zz-popup' });
    let hovered: string | number | undefined;

    map.on('load', () => {
      map.addImage('hatch', hatchImage());
      map.addSource(SOURCE, { type: 'geojson', data: features, promoteId: 'id' });
      for (const layer of unitLayers()) map.addLayer(layer);

      const communities = new Map(features.features.filter((f) => f.properties.level === 'community').map((f) => [f.properties.id, f.properties.name]));
      for (const f of features.features) {
        const at = labelPoint(f.geometry);
        if (!at) continue;
        const label = document.createElement('div');
        const isCommunity = f.properties.level === 'community';
        label.className = isCommunity ? 'zz-label-community' : 'zz-label-grid';
        label.textContent = isCommunity ? f.properties.name : shortGridName(f.properties.name, communities.get(f.properties.parentId ?? ''));
        markers.push(new Marker({ element: label }).setLngLat(at).addTo(map));
      }
      const toggleGridLabels = () => {
        el.classList.toggle('zz-map-hide-grid-labels', map.getZoom() < GRID_LABEL_ZOOM);
        el.classList.toggle('zz-map-hide-community-labels', map.getZoom() < COMMUNITY_LABEL_ZOOM);
      };
      map.on('zoomend', toggleGridLabels);

      scopeBounds.current = boundsOf(features.features.map((f) => f.geometry));
      if (scopeBounds.current) map.fitBounds(scopeBounds.current, { padding: FIT_PADDING, duration: 0 });
      toggleGridLabels();
      map.once('idle', () => setReady(true));
    });

    map.on('mousemove', (e) => {
      const f = map.queryRenderedFeatures(e.point, { layers: CLICKABLE_LAYERS })[0];
      if (hovered !== undefined && hovered !== f?.id) map.setFeatureState({ source: SOURCE, id: hovered }, { hover: false });
      hovered = f?.id;
      map.getCanvas().style.cursor = f ? 'pointer' : '';
      if (!f) { popup.remove(); return; }
      map.setFeatureState({ source: SOURCE, id: f.id! }, { hover: true });
      const p = f.properties as { name: string; population?: number };
      popup.setLngLat(e.lngLat).setText(p.population ? `${p.name} · ${p.population} ${tRef.current('common.people')}` : p.name).addTo(map);
    });
    map.on('mouseout', () => popup.remove());
    map.on('click', (e) => {
      const f = map.queryRenderedFeatures(e.point, { layers: CLICKABLE_LAYERS })[0];
      if (f?.properties?.id) onSelectRef.current(String(f.properties.id));
    });

    return () => {
      for (const m of markers) m.remove();
      map.remove();
      mapRef.current = null;
      setReady(false);
    };
    // the map is rebuilt when the scope's boundaries change; the labels follow the language on rebuild
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [features]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const filter = ['==', ['get', 'id'], selectedId ?? ''] as never;
    map.setFilter('selected-fill', filter);
    map.setFilter('selected-line', filter);
    const feature = selectedId ? features.features.find((f) => f.properties.id === selectedId) : undefined;
    const b = feature ? boundsOf([feature.geometry]) : null;
    if (b && feature) {
      const isCommunity = feature.properties.level === 'community';
      // a selected grid opens the drawer on the right: keep the grid in the part of the map still visible
      map.fitBounds(b, { padding: { top: 140, bottom: 140, left: 220, right: isCommunity ? 60 : 440 }, maxZoom: isCommunity ? 15 : 15.2, duration: 600 });
    }
  }, [selectedId, ready, features]);

  const fitScope = () => { if (scopeBounds.current) mapRef.current?.fitBounds(scopeBounds.current, { padding: FIT_PADDING, duration: 600 }); };

  return (
    <div className="zz-map-inner" data-testid="grid-map" data-map-ready={ready ? 'true' : 'false'}>
      <div ref={container} className="zz-map-canvas" />
      <Tooltip title={t('org.fit')} placement="left">
        <Button icon={<ExpandOutlined />} size="small" onClick={fitScope} style={{ position: 'absolute', top: 80, right: 10, zIndex: 2 }} aria-label={t('org.fit')} />
      </Tooltip>
    </div>
  );
}
