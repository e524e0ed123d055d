// 事件处置 (/incidents): the incidents of the caller's territory, 处置中 or 已解除, real ones and drills (marked 演练),
// each with its level, how it started and its steps' progress; a row opens the incident's command page. Live: a change
// of any step's work order reloads the list.
import { useEffect, useState } from 'react';
import { Button, Segmented, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { INCIDENT_STATUSES, type IncidentStatus } from '../../../../shared/plans.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { listIncidents, subscribeCaseEvents, type IncidentSummary } from './api.ts';
import { DrillTag, LevelBadge, StepProgress, timeText } from './parts.tsx';
import './locales.ts';
import './incidents.css';

type DrillFilter = 'all' | 'real' | 'drill';

export function IncidentListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [status, setStatus] = useState<IncidentStatus>('active');
  const [drill, setDrill] = useState<DrillFilter>('all');
  const [items, setItems] = useState<IncidentSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const query = { status, drill: drill === 'all' ? undefined : drill === 'drill' };

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    listIncidents(query, null, ctrl.signal).then(
      (page) => { setItems(page.items); setCursor(page.nextCursor); setError(null); setLoading(false); },
      (e: unknown) => { if (!ctrl.signal.aborted) { setError(e); setLoading(false); } },
    );
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, drill, tick]);

  // a step's work order changing (handled, a tick handing it in) moves the progress: read again, debounced
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = subscribeCaseEvents(() => { clearTimeout(timer); timer = setTimeout(() => setTick((n) => n + 1), 800); });
    return () => { off(); clearTimeout(timer); };
  }, []);

  const more = () => {
    if (!cursor) return;
    listIncidents(query, cursor).then((page) => { setItems((xs) => [...xs, ...page.items.filter((i) => !xs.some((x) => x.id === i.id))]); setCursor(page.nextCursor); }, setError);
  };

  return (
    <div className="zz-page" data-testid="incident-list-page">
      <PageHeader title={t('incidents.title')} subtitle={t('incidents.subtitle')} />
      <Tabs
        activeKey={status} onChange={(k) => setStatus(k as IncidentStatus)}
        items={INCIDENT_STATUSES.map((s) => ({ key: s, label: <span data-testid={`incident-tab-${s}`}>{t(`incidents.tabs.${s}`)}</span> }))}
      />
      <div className="zz-inc-toolbar">
        <Segmented<DrillFilter>
          value={drill} onChange={setDrill} data-testid="incident-drill-filter"
          options={(['all', 'real', 'drill'] as const).map((v) => ({ value: v, label: t(`incidents.drillFilter.${v}`) }))}
        />
      </div>
      {error ? <ErrorState error={error} onRetry={() => setTick((n) => n + 1)} /> : (
        <Table<IncidentSummary>
          rowKey="id" dataSource={items} loading={loading} pagination={false} size="middle"
          locale={{ emptyText: t(`incidents.empty.${status}`) }}
          onRow={(r) => ({ onClick: () => navigate(`/incidents/${r.id}`), style: { cursor: 'pointer' }, 'data-testid': 'incident-row', 'data-incident-id': r.id } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { title: t('incidents.col.level'), key: 'level', width: 90, render: (_, r) => <LevelBadge level={r.level} /> },
            {
              title: t('incidents.col.title'), key: 'title', render: (_, r) => (
                <div>
                  <Typography.Text strong>{r.title}</Typography.Text> {r.drill ? <DrillTag /> : null}
                  <div><Typography.Text type="secondary" className="zz-code" translate="no">{r.number}</Typography.Text></div>
                </div>
              ),
            },
            { title: t('incidents.col.hazard'), key: 'hazard', width: 130, render: (_, r) => t(`incidents.hazards.${r.hazard}`) },
            { title: t('incidents.col.trigger'), key: 'trigger', width: 110, render: (_, r) => t(`incidents.triggers.${r.triggerKind}`) },
            { title: t('incidents.col.activatedAt'), key: 'at', width: 120, render: (_, r) => timeText(r.activatedAt) },
            ...(status === 'closed' ? [{ title: t('incidents.col.stoodDownAt'), key: 'down', width: 120, render: (_: unknown, r: IncidentSummary) => timeText(r.stoodDownAt) }] : []),
            { title: t('incidents.col.progress'), key: 'progress', width: 300, render: (_, r) => <StepProgress steps={r.steps} size="small" /> },
          ]}
        />
      )}
      {cursor ? <Button block style={{ marginTop: 8 }} onClick={more}>{t('incidents.more')}</Button> : null}
    </div>
  );
}
