// 风险点落图: the registry's buildings, places and risk points as layers over a grid map, each turned on and off in a
// panel with the risk legend; the records of the view are fetched as the map moves (the reader's reach, at most 2,000
// a layer), risk points coloured by their level; a click opens a popup with the name and a link to the record's page.
import { useEffect, useRef, useState } from 'react';
import { Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CircleLayerSpecification, GeoJSONSource, Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import { Popup } from '../../../ui/map/maplibre.ts';
import { RISK_LEVELS } from '../../../../shared/registry.ts';
import { LABELS, type Label } from '../../../../domain/registry/columns.ts';
import { fetchMapLayers, LAYER_NAMES, MAX_VIEW_DEG, type LayerAnswer, type LayerName } from './api.ts';
import './locales.ts';
import './map-layers.css';

/** Risk levels in the map's colours: low green, medium yellow, high orange, major red. */
export const RISK_COLOR: Record<(typeof RISK_LEVELS)[number], string> = { low: '#52c41a', medium: '#fadb14', high: '#fa8c16', major: '#f5222d' };
const LAYER_COLOR: Record<Exclude<LayerName, 'things'>, string> = { buildings: '#5d7092', places: '#722ed1' };

/** Layers over a map whose ids start with `overlay-` take their own clicks (the grid map leaves them alone). */
const SOURCE = 'overlay-registry';
const layerId = (name: LayerName) => `overlay-registry-${name}`;
const LAYER_IDS = LAYER_NAMES.map(layerId);
const EMPTY: LayerAnswer = { type: 'FeatureCollection', features: [], truncated: [] };

function layerSpecs(): CircleLayerSpecification[] {
  const radius = ['interpolate', ['linear'], ['zoom'], 12, 3, 16, 7, 18, 10] as never;
  return LAYER_NAMES.map((name): CircleLayerSpecification => ({
    id: layerId(name), type: 'circle', source: SOURCE, filter: ['==', ['get', 'layer'], name],
    paint: {
      'circle-radius': radius,
      'circle-color': name === 'things'
        ? ['match', ['get', 'riskLevel'], ...RISK_LEVELS.flatMap((l) => [l, RISK_COLOR[l]]), '#8c8c8c'] as never
        : LAYER_COLOR[name],
      'circle-stroke-color': '#ffffff', 'circle-stroke-width': name === 'things' ? 1.5 : 1,
      'circle-opacity': name === 'things' ? 1 : 0.85,
    },
  }));
}

const labelOf = (l: Label | undefined, en: boolean) => (l ? (en ? l.en : l.zh) : '');

export function RegistryMapLayers({ map }: { map: MlMap }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const navigate = useNavigate();
  const [on, setOn] = useState<LayerName[]>(['buildings', 'places', 'things']);
  const [view, setView] = useState<{ tooWide: boolean; truncated: LayerName[]; failed: boolean; shown: number | null }>({ tooWide: false, truncated: [], failed: false, shown: null });
  const tRef = useRef(t);
  tRef.current = t;

  // the source and its layers, once per map (drawn above the grids, under the labels' HTML)
  useEffect(() => {
    map.addSource(SOURCE, { type: 'geojson', data: EMPTY as never });
    for (const spec of layerSpecs()) map.addLayer(spec);
    return () => {
      try {
        for (const id of LAYER_IDS) if (map.getLayer(id)) map.removeLayer(id);
        if (map.getSource(SOURCE)) map.removeSource(SOURCE);
      } catch {
        // the map is gone already (rebuilt with other units), and its layers with it
      }
    };
  }, [map]);

  // the records of the view, again whenever the map has moved or a layer was turned on or off
  useEffect(() => {
    let ctl: AbortController | null = null;
    const show = (data: LayerAnswer) => (map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(data as never);
    const load = () => {
      ctl?.abort();
      if (on.length === 0) { show(EMPTY); setView({ tooWide: false, truncated: [], failed: false, shown: 0 }); return; }
      const b = map.getBounds();
      const box: [number, number, number, number] = [
        Math.max(-180, b.getWest()), Math.max(-90, b.getSouth()), Math.min(180, b.getEast()), Math.min(90, b.getNorth()),
      ];
      if (box[2] - box[0] > MAX_VIEW_DEG || box[3] - box[1] > MAX_VIEW_DEG) {
        show(EMPTY);
        setView({ tooWide: true, truncated: [], failed: false, shown: 0 });
        return;
      }
      ctl = new AbortController();
      fetchMapLayers(box, on, ctl.signal).then((answer) => {
        show(answer);
        setView({ tooWide: false, truncated: answer.truncated, failed: false, shown: answer.features.length });
      }, (e: Error) => {
        if (e.name !== 'AbortError') setView((v) => ({ ...v, failed: true }));
      });
    };
    load();
    map.on('moveend', load);
    return () => { map.off('moveend', load); ctl?.abort(); };
  }, [map, on]);

  // a click on a record: its name, kind and risk, and a link to its page
  useEffect(() => {
    const popup = new Popup({ closeButton: true, closeOnClick: true, offset: 10, className: 'zz-reg-popup', maxWidth: '260px' });
    const click = (e: MapMouseEvent) => {
      const f = map.queryRenderedFeatures(e.point, { layers: LAYER_IDS.filter((id) => map.getLayer(id)) })[0];
      if (!f) return;
      const p = f.properties as { layer: LayerName; recordId: string; name: string; kind: string | null; riskLevel: string | null };
      const tr = tRef.current;
      const kind = p.layer === 'things' ? labelOf((LABELS.thingKind as Record<string, Label>)[p.kind ?? ''], en)
        : p.layer === 'places' ? labelOf((LABELS.placeKind as Record<string, Label>)[p.kind ?? ''], en) : tr('registryMap.kindOf.buildings');
      const el = document.createElement('div');
      el.dataset.testid = 'registry-popup';
      const name = el.appendChild(document.createElement('div'));
      name.className = 'zz-reg-popup-name';
      name.textContent = p.name;
      const meta = el.appendChild(document.createElement('div'));
      meta.className = 'zz-reg-popup-meta';
      const risk = p.riskLevel ? labelOf((LABELS.riskLevel as Record<string, Label>)[p.riskLevel], en) : '';
      meta.textContent = risk ? `${kind} · ${tr('registryMap.risk')} ${risk}` : kind;
      const link = el.appendChild(document.createElement('a'));
      const href = `/registry/${p.layer}/${encodeURIComponent(p.recordId)}`;
      link.href = href;
      link.textContent = tr('registryMap.open');
      link.dataset.testid = 'registry-popup-open';
      link.addEventListener('click', (ev) => { ev.preventDefault(); popup.remove(); navigate(href); });
      const [lng, lat] = (f.geometry as unknown as { coordinates: [number, number] }).coordinates;
      popup.setLngLat([lng, lat]).setDOMContent(el).addTo(map);
    };
    map.on('click', click);
    return () => { map.off('click', click); popup.remove(); };
  }, [map, navigate, en]);

  const toggle = (name: LayerName, checked: boolean) =>
    setOn((cur) => LAYER_NAMES.filter((n) => (n === name ? checked : cur.includes(n))));

  return (
    <div className="zz-reg-layers" data-testid="registry-layers" data-shown={view.shown ?? ''}>
      <h4>{t('registryMap.title')}</h4>
      {LAYER_NAMES.map((name) => (
        <div key={name}>
          <Checkbox checked={on.includes(name)} onChange={(e) => toggle(name, e.target.checked)} data-testid={`layer-toggle-${name}`}>
            <span className="zz-reg-layers-row">
              {name === 'things' ? null : <span className="zz-reg-dot" style={{ background: LAYER_COLOR[name] }} />}
              {t(`registryMap.layers.${name}`)}
            </span>
          </Checkbox>
          {name === 'things' ? (
            <div className="zz-reg-layers-risk" data-testid="risk-legend">
              {RISK_LEVELS.map((l) => (
                <div key={l} className="zz-reg-layers-row"><span className="zz-reg-dot" style={{ background: RISK_COLOR[l] }} />{labelOf(LABELS.riskLevel[l], en)}</div>
              ))}
            </div>
          ) : null}
        </div>
      ))}
      {view.tooWide ? <div className="zz-reg-layers-note">{t('registryMap.zoomIn')}</div> : null}
      {view.truncated.length ? (
        <div className="zz-reg-layers-note">{t('registryMap.truncated', { layers: view.truncated.map((l) => t(`registryMap.layers.${l}`)).join(en ? ', ' : '、') })}</div>
      ) : null}
      {view.failed ? <div className="zz-reg-layers-note">{t('registryMap.failed')}</div> : null}
    </div>
  );
}
