// 调度工作台: the queue by stage on the left (live countdowns, search, community filter), the town's map
// with the cases coloured by light on the right, the case drawer on top; 历史与查询 searches every case on the
// server. Follows live events. The same view, read-only by its policies, is the leader's overview (with the
// figures on top) and the grid worker's desktop (inside their grid).
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { App, Badge, Input, Select, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { OPEN_STATUSES, type CaseStatus } from '../../../../shared/cases.ts';
import { useMe } from '../../../app/auth.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { OnDutyNow } from '../../org/public.ts';
import { fetchFeatures } from '../../org/api.ts';
import type { CaseSummary } from '../api.ts';
import { useLiveCases } from './useLiveCases.ts';
import { runningClocks, useNow, worstClock } from './clocks.ts';
import { CaseQueue } from './CaseQueue.tsx';
import { CaseMap } from './CaseMap.tsx';
import { CaseDrawer } from './CaseDrawer.tsx';
import { LightDot } from './tags.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import './desktop.css';
import { AlarmStrip } from '../../alarms/public.ts';
import { ActiveIncidentsStrip } from '../../plans/incidents/public.ts';

type QueueKey = 'reported' | 'accepted' | 'working' | 'handled' | 'overdue';
type TabKey = QueueKey | 'history';
const TAB_STATUSES: Record<Exclude<QueueKey, 'overdue'>, CaseStatus[]> = {
  reported: ['reported'], accepted: ['accepted'], working: ['dispatched', 'in_progress'], handled: ['handled'],
};
const TABS: QueueKey[] = ['reported', 'accepted', 'working', 'handled', 'overdue'];

function inTab(c: CaseSummary, tab: QueueKey, now: number): boolean {
  if (tab === 'overdue') return runningClocks(c.deadlines, now).some((r) => r.light === 'red');
  return TAB_STATUSES[tab].includes(c.status);
}

const dueOf = (c: CaseSummary, now: number) => worstClock(c.deadlines, now)?.clock.dueAt ?? '9999';

export function WorkbenchPage() {
  const { t } = useTranslation();
  return <Workbench title={t('wcase.workbench.title')} subtitle={t('wcase.workbench.subtitle')} extra={<OnDutyNow />} top={<><AlarmStrip /><ActiveIncidentsStrip /></>} testId="workbench" />;
}

interface WorkbenchProps {
  title: string;
  subtitle: ReactNode;
  /** on the right of the page's head (the dispatcher's: who is on duty now) */
  extra?: ReactNode;
  testId: string;
  /** over the queue and the map (the overview's figures) */
  top?: ReactNode;
  /** the unit the page stays inside (a grid worker's grid); default: the caller's scope */
  unitId?: string;
  /** a case changed here (the drawer): the page's other parts read again */
  onChanged?(): void;
}

export function Workbench({ title, subtitle, extra, testId, top, unitId, onChanged }: WorkbenchProps) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const me = useMe();
  const mapRoot = unitId ?? me.scopeOrgUnitId;
  const [params, setParams] = useSearchParams();
  const openId = params.get('case');
  const [tab, setTab] = useState<TabKey>('reported');
  const [q, setQ] = useState('');
  const [orgUnitId, setOrgUnitId] = useState<string | undefined>();
  const [version, setVersion] = useState(0);
  const now = useNow();
  const units = useApi(mapRoot ? (signal) => fetchFeatures(mapRoot, signal) : null, [mapRoot]);
  const live = useLiveCases({ status: [...OPEN_STATUSES], q, orgUnitId: orgUnitId ?? unitId }, (e) => {
    notification.info({ title: t('wcase.workbench.newReport', { number: e.number }), placement: 'bottomLeft', duration: 6, key: e.caseId });
  });
  const grids = useMemo(() => (units.data?.features ?? []).filter((f) => f.properties.level !== 'community').map((f) => ({ id: f.properties.id, name: f.properties.name })), [units.data]);

  const communities = useMemo(() => (units.data?.features ?? []).filter((f) => f.properties.level === 'community').map((f) => f.properties), [units.data]);
  const communityOf = useMemo(() => {
    const byId = new Map(communities.map((c) => [c.id, c.name]));
    return (c: CaseSummary) => (c.ancestorIds ?? []).map((id) => byId.get(id)).find(Boolean);
  }, [communities]);

  // the tab split uses the minute, not the second, so the lists do not reorder every tick
  const minute = Math.floor(now / 60_000) * 60_000;
  const byTab = useMemo(() => {
    const out = {} as Record<QueueKey, CaseSummary[]>;
    for (const k of TABS) out[k] = live.cases.filter((c) => inTab(c, k, minute)).sort((a, b) => dueOf(a, minute).localeCompare(dueOf(b, minute)));
    return out;
  }, [live.cases, minute]);
  const history = tab === 'history';
  const shown = history ? [] : byTab[tab];

  // at first load only: when 待受理 is empty, open on the first tab (in the tabs' order) that holds cases; once the
  // list is in or the user has picked a tab, the page never moves on its own
  const settled = useRef(false);
  useEffect(() => {
    if (settled.current || live.loading || live.error) return;
    settled.current = true;
    if (tab !== 'reported' || byTab.reported.length > 0) return;
    const first = TABS.find((k) => byTab[k].length > 0);
    if (first) setTab(first);
  }, [live.loading, live.error, byTab, tab]);
  const pickTab = (k: TabKey) => { settled.current = true; setTab(k); };

  const open = (id: string | null) => setParams((p) => { const n = new URLSearchParams(p); if (id) n.set('case', id); else n.delete('case'); return n; });

  const changed = () => { live.reload(); setVersion((v) => v + 1); onChanged?.(); };

  return (
    <div className="zz-fill-page">
      <PageHeader title={title} subtitle={subtitle} extra={extra} />
      {top}
      <div className={`zz-workbench ${history ? 'is-wide' : ''}`} data-testid={testId}>
        <section className="zz-panel">
          <Tabs
            activeKey={tab} onChange={(k) => pickTab(k as TabKey)} className="zz-wb-tabs" size="small" tabBarGutter={14}
            items={[...TABS.map((k) => ({
              key: k,
              label: (
                <span data-testid={`tab-${k}`}>
                  {t(`wcase.tabs.${k}`)}
                  <Badge count={byTab[k].length} showZero size="small" color={k === 'overdue' ? '#d4380d' : k === 'reported' ? '#fa541c' : '#8c96a3'} style={{ marginInlineStart: 6 }} />
                </span>
              ),
            })), { key: 'history', label: <span data-testid="tab-history">{t('cviews.history.tab')}</span> }]}
          />
          {history ? (
            <HistoryPanel grids={grids} fixedOrgUnitId={unitId} selectedId={openId} onOpen={open} version={version} />
          ) : (
            <>
              <div className="zz-wb-filters">
                <Input.Search allowClear placeholder={t('wcase.workbench.search')} onSearch={(v) => setQ(v.trim())} data-testid="case-search" />
                {communities.length > 1 ? (
                  <Select
                    allowClear placeholder={t('wcase.workbench.community')} value={orgUnitId} onChange={setOrgUnitId} style={{ width: 150, flex: 'none' }}
                    options={communities.map((c) => ({ value: c.id, label: c.name }))} data-testid="community-filter"
                  />
                ) : null}
              </div>
              <div className="zz-panel-body zz-wb-list">
                {live.error ? <ErrorState error={live.error} onRetry={live.reload} /> : (
                  <CaseQueue cases={shown} selectedId={openId} flashIds={live.flashIds} communityOf={communityOf} onOpen={open} />
                )}
              </div>
            </>
          )}
        </section>
        {history ? null : (
          <section className="zz-panel">
            <div className="zz-panel-head">
              <span>{t('wcase.workbench.mapTitle')} <span className="zz-muted zz-normal">{t('wcase.workbench.count', { count: shown.length })}</span></span>
              <span className="zz-wb-legend">
                {(['green', 'yellow', 'red'] as const).map((l) => <span key={l}><LightDot light={l} size={9} />{t(`wcase.lights.${l}`)}</span>)}
                <span><LightDot light={null} size={9} />{t('wcase.workbench.noClock')}</span>
                <span className="zz-live" data-testid="live-indicator"><span className="zz-live-dot" />{t('wcase.workbench.live')}</span>
              </span>
            </div>
            <div className="zz-map">
              {units.error ? <ErrorState error={units.error} onRetry={units.reload} /> : null}
              {units.data ? <CaseMap units={units.data} cases={shown} now={now} selectedId={openId} flashIds={live.flashIds} onSelect={open} outlineId={unitId} /> : null}
            </div>
          </section>
        )}
        <CaseDrawer caseId={openId} onClose={() => open(null)} onChanged={changed} />
      </div>
    </div>
  );
}
