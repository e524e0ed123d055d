// 网格地图: the org tree on the left, the grid map (or a town's boards) on the right, a drawer per grid.
import { useCallback, useMemo, useState } from 'react';
import { Empty, Segmented, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth.tsx';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { FullPageSpin } from '../../ui/FullPageSpin.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { fetchFeatures, fetchUnit, type OrgUnit, type UnitProps } from './api.ts';
import { colourFeatures, communityColors } from '../../ui/map/palette.ts';
import { OrgTree } from './OrgTree.tsx';
import { GridMap } from './GridMap.tsx';
import { MapLegend } from '../../ui/map/MapLegend.tsx';
import { GridDrawer } from './GridDrawer.tsx';
import { BoardsView } from './BoardsView.tsx';
import { UnitAdminMenu } from './UnitAdminMenu.tsx';
import { BoundaryEditor, type BoundaryTask } from './BoundaryEditor.tsx';
import { holdsAnyRole } from '../../../shared/roles.ts';
import { REGISTRY_READERS } from '../../../shared/registry.ts';
import { RegistryMapLayers } from '../registry/map-layers/public.ts';

interface Selection { id: string; level: OrgUnit['level']; name: string; parentId: string | null; ancestorIds?: string[] }
const GRID_LEVELS = new Set(['grid', 'dedicatedGrid']);

export function OrgMapPage() {
  const { t } = useTranslation();
  const me = useMe();
  const scopeId = me.scopeOrgUnitId;
  const root = useApi(scopeId ? (signal) => fetchUnit(scopeId, signal) : null, [scopeId]);
  const raw = useApi(scopeId ? (signal) => fetchFeatures(scopeId, signal) : null, [scopeId]);
  const [selected, setSelected] = useState<Selection | null>(null);
  /** the unit the admin menu acts on: a micro-grid picked in the tree shows its grid, yet is the one administered */
  const [adminId, setAdminId] = useState<string | null>(null);
  const [view, setView] = useState<'map' | 'boards'>('map');
  const [task, setTask] = useState<BoundaryTask | null>(null);
  const [version, setVersion] = useState(0);
  const changed = (retired?: boolean) => { setTask(null); setVersion((v) => v + 1); raw.reload(); if (retired) { setSelected(null); setAdminId(null); } };

  const colors = useMemo(() => (raw.data ? communityColors(raw.data) : []), [raw.data]);
  const features = useMemo(() => (raw.data ? colourFeatures(raw.data, colors) : null), [raw.data, colors]);
  const props = useMemo(() => new Map<string, UnitProps>((raw.data?.features ?? []).map((f) => [f.properties.id, f.properties])), [raw.data]);
  const gridCount = useMemo(() => raw.data?.features.filter((f) => GRID_LEVELS.has(f.properties.level)).length ?? 0, [raw.data]);

  const selectFromMap = useCallback((id: string) => {
    const p = props.get(id);
    if (!p) return;
    const chain: string[] = [];
    for (let up = p.parentId; up; up = props.get(up)?.parentId ?? null) chain.unshift(up);
    setSelected({ id, level: p.level, name: p.name, parentId: p.parentId, ancestorIds: [scopeId ?? '', ...chain] });
    setAdminId(id);
  }, [props, scopeId]);

  const selectFromTree = useCallback((u: OrgUnit) => {
    setAdminId(u.id);
    if (u.level === 'microGrid' && u.parentId) {
      const parent = props.get(u.parentId);
      setSelected({ id: u.parentId, level: 'grid', name: parent?.name ?? u.name, parentId: parent?.parentId ?? null, ancestorIds: u.ancestorIds.slice(0, -1) });
      return;
    }
    setSelected({ id: u.id, level: u.level, name: u.name, parentId: u.parentId, ancestorIds: u.ancestorIds });
    if (u.level === 'town') setView('boards');
    else if (view === 'boards') setView('map');
  }, [props, view]);

  if (!scopeId) return <Empty description={t('org.noScope')} style={{ marginTop: 96 }} />;
  if (root.loading) return <FullPageSpin />;
  if (root.error || !root.data) return <ErrorState error={root.error} onRetry={root.reload} />;

  const town = selected?.level === 'town' ? { id: selected.id, name: selected.name }
    : root.data.level === 'town' ? { id: root.data.id, name: root.data.name } : null;
  const gridId = selected && GRID_LEVELS.has(selected.level) ? selected.id : null;
  const revealIds = selected?.ancestorIds ?? [];

  return (
    <div className="zz-fill-page">
      <PageHeader
        title={t('org.mapTitle')}
        subtitle={`${root.data.name} · ${t('org.gridCount', { count: gridCount })}${root.data.population ? ` · ${t('org.population')} ${root.data.population.toLocaleString()} ${t('common.people')}` : ''}`}
        extra={town ? (
          <Segmented
            data-testid="map-view-switch" value={view} onChange={(v) => setView(v as 'map' | 'boards')}
            options={[{ value: 'map', label: t('org.tabMap') }, { value: 'boards', label: t('org.tabBoards', { name: town.name }) }]}
          />
        ) : null}
      />
      <div className="zz-map-page" data-testid="org-map-page">
        <section className="zz-panel">
          <div className="zz-panel-head">{t('org.treeTitle')}
            {/* the unit's own policies decide the entries; the menu hides itself when it has none */}
            <UnitAdminMenu
              key={`${adminId ?? root.data.id}-${version}`} unitId={adminId ?? root.data.id} onChanged={changed}
              onEditBoundary={(u) => { setView('map'); setTask({ kind: 'edit', unit: u }); }}
              onDrawNew={(draft, community) => { setView('map'); setTask({ kind: 'draw', draft, community }); }}
            />
          </div>
          <div className="zz-panel-body">
            <OrgTree key={version} root={root.data} selectedId={selected?.id ?? null} revealIds={revealIds} onSelect={selectFromTree} />
          </div>
        </section>
        <section className="zz-panel">
          {view === 'boards' && town ? (
            <div className="zz-panel-body" style={{ padding: 16, background: '#f7f8fa' }}><BoardsView townId={town.id} myId={me.id} /></div>
          ) : null}
          <div className="zz-map" style={{ display: view === 'map' || !town ? 'flex' : 'none' }}>
            {raw.loading ? <div className="zz-map-overlay"><Spin size="large" tip={t('common.loading')}><div style={{ width: 120 }} /></Spin></div> : null}
            {raw.error ? <ErrorState error={raw.error} onRetry={raw.reload} /> : null}
            {features && !features.features.length ? <Empty description={t('org.noFeatures')} style={{ margin: 'auto' }} /> : null}
            {features && task ? <BoundaryEditor task={task} units={features} onCancel={() => setTask(null)} onSaved={() => changed()} /> : null}
            {features && features.features.length && !task ? (
              <>
                <GridMap
                  features={features} selectedId={selected?.id ?? null} onSelect={selectFromMap}
                  overlay={holdsAnyRole(me.roles, REGISTRY_READERS) ? (m) => <RegistryMapLayers map={m} /> : undefined}
                />
                <MapLegend communities={colors} />
              </>
            ) : null}
          </div>
        </section>
        <GridDrawer
          gridId={task ? null : gridId} onClose={() => { setSelected(null); setAdminId(null); }}
          communityName={selected?.parentId ? props.get(selected.parentId)?.name : undefined}
        />
      </div>
    </div>
  );
}
