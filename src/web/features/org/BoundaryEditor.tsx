// A grid's boundary edited on the map (drag vertices) or a new grid drawn inside its community; saved with the
// import's checks, whose refusals (overlap, outside the community) are listed in the user's language. A redrawn
// boundary is previewed first (勘界预览): when registry records or open cases are affected, what moves is shown and a
// reason asked before the save.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Geometry, Polygon, Position } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { SOURCE } from '../../ui/map/style.ts';
import { ApiError, errorText } from '../../lib/api.ts';
import { useUnitMap } from '../../ui/map/useUnitMap.ts';
import { roundPolygon, useBoundaryDraw } from '../../ui/map/useBoundaryDraw.ts';
import { boundsOf } from '../../ui/map/geometry.ts';
import type { MapUnits } from '../../ui/map/units.ts';
import { createUnit, previewBoundary, setBoundary, type BoundaryPreview, type NewUnit } from './unit-admin-api.ts';
import { BoundaryPreviewModal } from './BoundaryPreviewModal.tsx';
import { neighboursFollow, type NeighbourRing } from './shared-edges.ts';
import './unit-admin-locales.ts';

export type BoundaryTask =
  | { kind: 'edit'; unit: { id: string; name: string; parentId: string | null; geometry: Geometry | null } }
  | { kind: 'draw'; draft: NewUnit; community: { id: string; name: string; geometry: Geometry | null } };

interface Props {
  task: BoundaryTask;
  units: MapUnits;
  onCancel(): void;
  onSaved(): void;
}

interface Rejection { code: string; problem: string; detail: string }

const PADDING = { top: 60, bottom: 60, left: 380, right: 60 };

/** A single polygon without holes is what Terra Draw edits; anything else is changed through an import. */
function editablePolygon(g: Geometry | null): Polygon | null {
  if (g?.type === 'Polygon' && g.coordinates.length === 1) return g;
  if (g?.type === 'MultiPolygon' && g.coordinates.length === 1 && g.coordinates[0]!.length === 1) return { type: 'Polygon', coordinates: g.coordinates[0]! };
  return null;
}

export function BoundaryEditor({ task, units, onCancel, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const editedId = task.kind === 'edit' ? task.unit.id : null;
  const communityId = task.kind === 'edit' ? task.unit.parentId : task.community.id;
  const focus = task.kind === 'edit' ? task.unit.geometry : task.community.geometry;
  const initial = useMemo(() => (task.kind === 'edit' ? editablePolygon(task.unit.geometry) : null), [task]);
  const background = useMemo(() => ({ ...units, features: units.features.filter((f) => f.properties.id !== editedId) }), [units, editedId]);
  const snapTo = useMemo<Position[]>(() => background.features
    .filter((f) => f.properties.id === communityId || f.properties.parentId === communityId)
    .flatMap((f) => f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat(2) : []), [background, communityId]);
  const names = useMemo(() => new Map(units.features.map((f) => [f.properties.code, f.properties.name])), [units]);
  /** the other grids, as rings: those sharing a vertex with the edited one follow its shared boundary when asked */
  const neighbours = useMemo<NeighbourRing[]>(() => background.features.flatMap((f) => {
    if (f.properties.level !== 'grid' && f.properties.level !== 'dedicatedGrid') return [];
    const g = editablePolygon(f.geometry as Geometry);
    return g ? [{ id: f.properties.id, ring: g.coordinates[0]! }] : [];
  }), [background]);
  const sharing = useMemo(() => {
    if (!initial) return 0;
    const own = new Set(initial.coordinates[0]!.map((p) => `${p[0]},${p[1]}`));
    return neighbours.filter((n) => n.ring.some((p) => own.has(`${p[0]},${p[1]}`))).length;
  }, [initial, neighbours]);
  const [follow, setFollow] = useState(true);

  const { container, map, ready } = useUnitMap({ units: background, padding: PADDING, labels: { community: 13, grid: 14.5 }, navigation: true });
  const draw = useBoundaryDraw(map, ready && (task.kind === 'draw' || !!initial), initial, snapTo);
  const [problems, setProblems] = useState<Rejection[]>([]);
  const [saving, setSaving] = useState(false);
  const [preview, setPreview] = useState<BoundaryPreview | null>(null);
  const others = useMemo(() => (follow && initial && draw.geometry
    ? neighboursFollow(roundPolygon(initial).coordinates[0]!, draw.geometry.coordinates[0]!, neighbours) : []), [follow, initial, draw.geometry, neighbours]);

  // the neighbours that follow are drawn where they will be (the map keeps its units; only the source's data changes)
  useEffect(() => {
    const source = ready ? map.current?.getSource(SOURCE) as GeoJSONSource | undefined : undefined;
    if (!source) return;
    const moved = new Map(others.map((o) => [o.id, o.geometry]));
    source.setData({ ...background, features: background.features.map((f) => (moved.has(f.properties.id) ? { ...f, geometry: moved.get(f.properties.id)! } : f)) });
  }, [ready, map, others, background]);

  useEffect(() => {
    const b = focus ? boundsOf([focus]) : null;
    if (ready && b) map.current?.fitBounds(b, { padding: PADDING, maxZoom: 17, duration: 0 });
  }, [ready, focus, map]);

  const name = task.kind === 'edit' ? task.unit.name : task.draft.name;
  const refused = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'GEOMETRY_REJECTED' && Array.isArray(e.details) && e.details.length) setProblems(e.details as Rejection[]);
    else message.error(errorText(e, i18n.language));
  };
  /** a new grid is created at once; a redrawn one is previewed, and saved at once only when it moves nothing */
  const save = async () => {
    if (!draw.geometry) return;
    setSaving(true);
    setProblems([]);
    try {
      if (task.kind === 'edit') {
        const p = await previewBoundary(task.unit.id, draw.geometry, others);
        if (p.total > 0 || p.refused || p.openCases.length > 0) {
          setPreview(p);
          return;
        }
        await setBoundary(task.unit.id, draw.geometry, undefined, others);
      } else {
        await createUnit({ ...task.draft, geometry: draw.geometry });
      }
      message.success(task.kind === 'edit' ? t('unitAdmin.boundarySaved', { name }) : t('unitAdmin.created', { name }));
      onSaved();
    } catch (e) {
      refused(e);
    } finally {
      setSaving(false);
    }
  };
  const confirm = async (reason: string) => {
    if (task.kind !== 'edit' || !draw.geometry || !preview) return;
    setSaving(true);
    try {
      await setBoundary(task.unit.id, draw.geometry, reason || undefined, others);
      message.success(preview.total > 0 ? t('unitAdmin.preview.saved', { name, count: preview.total }) : t('unitAdmin.boundarySaved', { name }));
      setPreview(null);
      onSaved();
    } catch (e) {
      setPreview(null);
      refused(e);
    } finally {
      setSaving(false);
    }
  };

  const problemText = (r: Rejection) => {
    const other = /grid (\d+)/.exec(r.detail)?.[1];
    return t(`unitAdmin.problems.${r.problem}`, {
      defaultValue: r.detail,
      m2: /([\d.]+) m²/.exec(r.detail)?.[1] ?? '?',
      other: other ? `${names.get(other) ?? ''}（${other}）` : '',
    });
  };

  return (
    <div className="zz-map-frame zz-map-inner" data-testid="boundary-editor" data-map-ready={ready ? 'true' : 'false'}>
      <div ref={container} className="zz-map-canvas" />
      <Card
        size="small" style={{ position: 'absolute', top: 12, left: 12, width: 340, zIndex: 3, boxShadow: '0 2px 8px rgba(15,37,64,.15)' }}
        title={task.kind === 'edit' ? t('unitAdmin.editTitle', { name }) : t('unitAdmin.drawTitle', { name })}
      >
        {task.kind === 'edit' && !initial ? <Alert type="warning" showIcon title={t('unitAdmin.multiPart')} /> : (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{task.kind === 'edit' ? t('unitAdmin.editHint') : t('unitAdmin.drawHint')}</Typography.Paragraph>
        )}
        {problems.length ? (
          <Alert
            type="error" showIcon data-testid="boundary-problems" style={{ marginBottom: 12 }}
            title={t('unitAdmin.rejected')}
            description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{problems.map((r, i) => <li key={i}>{problemText(r)}</li>)}</ul>}
          />
        ) : null}
        <Space wrap>
          <Button type="primary" loading={saving} disabled={!draw.changed} onClick={save} data-testid="boundary-save">{t('unitAdmin.save')}</Button>
          <Button onClick={() => { draw.reset(); setProblems([]); }} disabled={!draw.geometry && task.kind === 'edit'}>
            {task.kind === 'edit' ? t('unitAdmin.reset') : t('unitAdmin.redraw')}
          </Button>
          <Button onClick={onCancel}>{t('unitAdmin.cancel')}</Button>
        </Space>
        {task.kind === 'edit' && sharing > 0 ? (
          <div style={{ marginBottom: 12 }}>
            <Checkbox checked={follow} onChange={(e) => setFollow(e.target.checked)} data-testid="boundary-follow">{t('unitAdmin.preview.follow')}</Checkbox>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {follow && others.length ? t('unitAdmin.preview.following', { count: others.length }) : t('unitAdmin.preview.followHint')}
            </Typography.Text>
          </div>
        ) : null}
        {preview ? <BoundaryPreviewModal name={name} preview={preview} saving={saving} onCancel={() => setPreview(null)} onConfirm={confirm} /> : null}
        {!draw.changed ? <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>{draw.geometry ? t('unitAdmin.unchanged') : t('unitAdmin.notDrawn')}</Typography.Text> : null}
      </Card>
    </div>
  );
}
