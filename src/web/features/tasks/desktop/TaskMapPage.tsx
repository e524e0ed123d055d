// 走访地图: the period's visits as points (a visit far from its subject drawn as an orange ring), the open tasks by
// colour (blue open, red overdue), over the grids' outlines; a click on a point says who, when and what was found
// (a visit) or what, who and by when (a task). The scope is the reader's, or the unit of the address (?unit=).
import { useEffect, useMemo, useRef } from 'react';
import { Alert } from 'antd';
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useMe } from '../../../app/auth.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { Popup } from '../../../ui/map/maplibre.ts';
import { plainColours } from '../../../ui/map/palette.ts';
import { useUnitMap } from '../../../ui/map/useUnitMap.ts';
import { fetchFeatures, type UnitFeatures } from '../../org/api.ts';
import { fetchAllTasks, fetchAllVisits, type Task, type Visit } from '../oversight-api.ts';
import { PeriodPicker, usePeriod } from './parts.tsx';
import './locales.ts';
import './tasks.css';

/** at most this many points of each kind on the map */
const MAX_POINTS = 3000;
const POINTS = 'overlay-oversight';
const FAR_LINES = 'overlay-oversight-far';
export const MAP_COLORS = { visit: '#389e0d', far: '#d46b08', open: '#1677ff', overdue: '#cf1322' } as const;

export function TaskMapPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [period, setPeriod] = usePeriod();
  const [params] = useSearchParams();
  const unitId = params.get('unit') ?? me.scopeOrgUnit?.id ?? '';
  const units = useApi(unitId ? (signal) => fetchFeatures(unitId, signal) : null, [unitId]);
  const visits = useApi((signal) => fetchAllVisits({ orgUnitId: unitId, from: period.from, to: period.to }, MAX_POINTS, signal), [unitId, period.from, period.to]);
  const tasks = useApi((signal) => fetchAllTasks({ orgUnitId: unitId, status: 'open' }, MAX_POINTS, signal), [unitId]);
  const error = units.error ?? visits.error ?? tasks.error;
  const noLocation = (visits.data?.items.filter((v) => !v.location).length ?? 0) + (tasks.data?.items.filter((x) => !x.location).length ?? 0);

  return (
    <div className="zz-page" data-testid="task-map-page">
      <PageHeader title={t('oversight.map.title')} subtitle={t('oversight.map.subtitle')} extra={<PeriodPicker value={period} onChange={setPeriod} />} />
      {error ? <ErrorState error={error} onRetry={() => { units.reload(); visits.reload(); tasks.reload(); }} /> : null}
      {visits.data?.truncated || tasks.data?.truncated ? <Alert type="warning" showIcon title={t('oversight.map.truncated', { count: MAX_POINTS })} style={{ marginBottom: 8 }} /> : null}
      {units.data ? (
        <OversightMap units={units.data} visits={visits.data?.items ?? []} tasks={tasks.data?.items ?? []} loaded={!!visits.data && !!tasks.data} noLocation={noLocation} />
      ) : null}
    </div>
  );
}

type PointProps =
  | { kind: 'visit'; id: string; far: boolean; color: string; rank: number }
  | { kind: 'task'; id: string; overdue: boolean; color: string; rank: number };

function OversightMap({ units, visits, tasks, loaded, noLocation }: { units: UnitFeatures; visits: Visit[]; tasks: Task[]; loaded: boolean; noLocation: number }) {
  const { t } = useTranslation();
  const byId = useRef(new Map<string, Visit | Task>());
  const tRef = useRef(t);
  tRef.current = t;
  const points = useMemo<FeatureCollection<Point, PointProps>>(() => {
    const ids = new Map<string, Visit | Task>();
    const features: FeatureCollection<Point, PointProps>['features'] = [];
    for (const task of tasks) {
      if (!task.location) continue;
      const overdue = task.overdue;
      ids.set(`task:${task.id}`, task);
      features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [task.location.lng, task.location.lat] },
        properties: { kind: 'task', id: `task:${task.id}`, overdue, color: overdue ? MAP_COLORS.overdue : MAP_COLORS.open, rank: overdue ? 3 : 2 } });
    }
    for (const v of visits) {
      if (!v.location) continue;
      ids.set(`visit:${v.id}`, v);
      features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [v.location.lng, v.location.lat] },
        properties: { kind: 'visit', id: `visit:${v.id}`, far: v.far, color: v.far ? MAP_COLORS.far : MAP_COLORS.visit, rank: v.far ? 1 : 0 } });
    }
    byId.current = ids;
    return { type: 'FeatureCollection', features };
  }, [visits, tasks]);
  // a far visit joined to its subject's building by a dashed line: how far off it was recorded
  const farLines = useMemo<FeatureCollection<LineString>>(() => ({
    type: 'FeatureCollection',
    features: visits.flatMap((v) => (v.far && v.location && v.target ? [{
      type: 'Feature' as const, properties: {}, geometry: { type: 'LineString' as const, coordinates: [[v.location.lng, v.location.lat], [v.target.lng, v.target.lat]] },
    }] : [])),
  }), [visits]);

  const plain = useMemo(() => plainColours(units, '#c3d0e0', '#dbe3ee'), [units]);
  const { container, map, ready, shift } = useUnitMap({
    units: plain, navigation: true, scale: true, labels: { community: 0, grid: 14 },
    onLoad: (m) => {
      m.addSource(POINTS, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      m.addSource(FAR_LINES, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      m.addLayer({ id: FAR_LINES, type: 'line', source: FAR_LINES, paint: { 'line-color': MAP_COLORS.far, 'line-width': 1.5, 'line-dasharray': [2, 2] } });
      const radius = ['interpolate', ['linear'], ['zoom'], 11, 4, 16, 8] as never;
      // visits: a filled green dot, a far one an orange ring; tasks: a dot with a dark edge, blue open, red overdue
      m.addLayer({
        id: `${POINTS}-visits`, type: 'circle', source: POINTS, filter: ['==', ['get', 'kind'], 'visit'], layout: { 'circle-sort-key': ['get', 'rank'] },
        paint: {
          'circle-radius': radius, 'circle-color': ['case', ['get', 'far'], '#ffffff', MAP_COLORS.visit] as never,
          'circle-stroke-color': ['case', ['get', 'far'], MAP_COLORS.far, '#ffffff'] as never, 'circle-stroke-width': ['case', ['get', 'far'], 3, 1.5] as never,
        },
      });
      m.addLayer({
        id: `${POINTS}-tasks`, type: 'circle', source: POINTS, filter: ['==', ['get', 'kind'], 'task'], layout: { 'circle-sort-key': ['get', 'rank'] },
        paint: { 'circle-radius': radius, 'circle-color': ['get', 'color'], 'circle-stroke-color': '#1f2d3d', 'circle-stroke-width': 1.5, 'circle-opacity': 0.9 },
      });
      const layers = [`${POINTS}-visits`, `${POINTS}-tasks`];
      const popup = new Popup({ closeButton: true, closeOnClick: true, offset: 10, className: 'zz-tasks-popup', maxWidth: '280px' });
      for (const id of layers) {
        m.on('mouseenter', id, () => { m.getCanvas().style.cursor = 'pointer'; });
        m.on('mouseleave', id, () => { m.getCanvas().style.cursor = ''; });
      }
      m.on('click', (e) => {
        const f: MapGeoJSONFeature | undefined = m.queryRenderedFeatures(e.point, { layers: layers.filter((l) => m.getLayer(l)) })[0];
        const key = f?.properties?.id as string | undefined;
        const item = key ? byId.current.get(key) : undefined;
        if (!item || !f) return;
        const el = key!.startsWith('visit:') ? visitPopup(item as Visit, tRef.current) : taskPopup(item as Task, tRef.current);
        const [lng, lat] = (f.geometry as Point).coordinates as [number, number];
        popup.setLngLat([lng, lat]).setDOMContent(el).addTo(m);
      });
    },
  });

  useEffect(() => {
    const src = ready ? map.current?.getSource(POINTS) : undefined;
    if (src && 'setData' in src) (src as unknown as { setData(d: unknown): void }).setData(shift.datum === 'wgs84' ? points : shift.features(points));
    const lines = ready ? map.current?.getSource(FAR_LINES) : undefined;
    if (lines && 'setData' in lines) (lines as unknown as { setData(d: unknown): void }).setData(shift.datum === 'wgs84' ? farLines : shift.features(farLines));
  }, [points, farLines, ready, map, shift]);

  const overdue = tasks.filter((x) => x.overdue).length;
  const far = visits.filter((v) => v.far).length;
  return (
    <div className="zz-map-frame zz-tasks-map" data-testid="task-map" data-map-ready={ready && loaded ? 'true' : 'false'}
      data-visits={visits.length} data-far={far} data-tasks={tasks.length} data-overdue={overdue}>
      <div ref={container} className="zz-map-canvas" />
      <div className="zz-tasks-legend" data-testid="task-map-legend">
        <h4>{t('oversight.map.layers')}</h4>
        <div className="zz-tasks-legend-row"><span className="zz-tasks-dot" style={{ background: MAP_COLORS.visit }} />{t('oversight.map.visit')} · {visits.length - far}</div>
        <div className="zz-tasks-legend-row"><span className="zz-tasks-dot zz-ring" />{t('oversight.map.farVisit')} · {far}</div>
        <div className="zz-tasks-legend-row"><span className="zz-tasks-dot" style={{ background: MAP_COLORS.open, boxShadow: '0 0 0 1.5px #1f2d3d' }} />{t('oversight.map.openTask')} · {tasks.length - overdue}</div>
        <div className="zz-tasks-legend-row"><span className="zz-tasks-dot" style={{ background: MAP_COLORS.overdue, boxShadow: '0 0 0 1.5px #1f2d3d' }} />{t('oversight.map.overdueTask')} · {overdue}</div>
        {noLocation > 0 ? <div className="zz-tasks-legend-note">{t('oversight.map.noLocation', { count: noLocation })}</div> : null}
      </div>
    </div>
  );
}

type T = (key: string, o?: Record<string, unknown>) => string;

function line(parent: HTMLElement, cls: string, text: string): HTMLElement {
  const el = parent.appendChild(document.createElement('div'));
  el.className = cls;
  el.textContent = text;
  return el;
}

function visitPopup(v: Visit, t: T): HTMLElement {
  const el = document.createElement('div');
  el.dataset.testid = 'visit-popup';
  line(el, 'zz-tasks-popup-name', `${t(`oversight.subject.${v.subject.kind}`)} · ${v.subject.name}`);
  line(el, 'zz-tasks-popup-meta', `${t('oversight.map.who')}：${v.visitor.name}`);
  line(el, 'zz-tasks-popup-meta', `${t('oversight.map.when')}：${dayjs(v.at).format('YYYY-MM-DD HH:mm')}`);
  line(el, 'zz-tasks-popup-meta', `${t('oversight.map.findings')}：${v.findings?.trim() || t('oversight.map.noFindings')}`);
  if (v.far) line(el, 'zz-tasks-popup-far', v.distanceM !== null ? t('oversight.map.far', { meters: Math.round(v.distanceM) }) : t('oversight.map.farNoDistance'));
  if (v.case) line(el, 'zz-tasks-popup-meta', `${t('oversight.map.caseFiled')} ${v.case.number}`);
  return el;
}

function taskPopup(task: Task, t: T): HTMLElement {
  const el = document.createElement('div');
  el.dataset.testid = 'task-popup';
  line(el, 'zz-tasks-popup-name', task.title);
  line(el, 'zz-tasks-popup-meta', t(`oversight.kind.${task.kind}`));
  line(el, 'zz-tasks-popup-meta', `${t('oversight.map.assignee')}：${task.assignee?.name ?? t('oversight.list.unassigned')}`);
  const due = line(el, task.overdue ? 'zz-tasks-popup-far' : 'zz-tasks-popup-meta', `${t('oversight.map.due')}：${task.dueOn}`);
  if (task.overdue) due.textContent += ` · ${t('oversight.status.overdue')}`;
  return el;
}
