// 履职进度: the town reads per community — task completion, key-population attention (due visits done in time),
// grid-worker activity (days with activity, reports, visits), overdue open; a community (or a grid leader) reads per
// grid and per worker, each worker's overdue tasks one click away. A community's name opens its own figures.
import { Alert, Breadcrumb, Button, Card, Col, Empty, List, Row, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import type { TableColumnsType as ColumnsType } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useMe } from '../../../app/auth.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { fetchProgress, fetchTasks, type Figures, type ProgressRow } from '../oversight-api.ts';
import { KindTag, PeriodPicker, RateCell, usePeriod } from './parts.tsx';
import './locales.ts';
import './tasks.css';

const GRID_LEVELS: readonly string[] = ['grid', 'dedicatedGrid'];

export function ProgressPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [period, setPeriod] = usePeriod();
  const [params, setParams] = useSearchParams();
  const scopeId = me.scopeOrgUnit?.id ?? '';
  const unitId = params.get('unit') ?? scopeId;
  const progress = useApi((signal) => fetchProgress({ orgUnitId: unitId, from: period.from, to: period.to }, signal), [unitId, period.from, period.to]);
  const p = progress.data;
  // children above the grids (a town's communities, a district's towns) open their own figures; a community's grids
  // come with its workers
  const childLevel = p?.children[0]?.level ?? null;
  const town = !!childLevel && !GRID_LEVELS.includes(childLevel);
  const openUnit = (id: string) => setParams((cur) => { const n = new URLSearchParams(cur); n.set('unit', id); return n; });
  const toMap = () => navigate(`/tasks/map?${new URLSearchParams({ period: period.kind, from: period.from, to: period.to, ...(unitId !== scopeId ? { unit: unitId } : {}) }).toString()}`);

  return (
    <div className="zz-page" data-testid="progress-page">
      <PageHeader
        title={t('oversight.progress.title')}
        subtitle={p ? t(town ? 'oversight.progress.townSubtitle' : 'oversight.progress.unitSubtitle') : t('oversight.progress.subtitle')}
        extra={<>
          <PeriodPicker value={period} onChange={setPeriod} />
          <Button icon={<EnvironmentOutlined />} onClick={toMap} data-testid="progress-to-map">{t('oversight.progress.openMap')}</Button>
        </>}
      />
      {unitId !== scopeId && p ? (
        <Breadcrumb
          className="zz-tasks-crumbs"
          items={[{ title: <a onClick={() => setParams((cur) => { const n = new URLSearchParams(cur); n.delete('unit'); return n; })}>{me.scopeOrgUnit?.name}</a> }, { title: p.unit.name }]}
        />
      ) : null}
      {progress.error ? <ErrorState error={progress.error} onRetry={progress.reload} /> : null}
      {p ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Totals figures={p.total} />
          {p.total.tasksDue === 0 && p.total.visits === 0 ? <Alert type="info" showIcon title={t('oversight.progress.empty')} /> : null}
          {p.children.length > 0 ? (
            <Card size="small" title={t(town ? (childLevel === 'community' ? 'oversight.progress.byCommunity' : 'oversight.progress.byUnit') : 'oversight.progress.byGrid')}>
              <FiguresTable
                rows={p.children} nameTitle={t(town ? (childLevel === 'community' ? 'oversight.common.community' : 'oversight.progress.name') : 'oversight.common.grid')} onOpen={town ? openUnit : undefined}
                testId={town ? 'progress-communities' : 'progress-grids'} loading={progress.loading}
              />
            </Card>
          ) : null}
          {!town && p.workers.length > 0 ? (
            <Card size="small" title={t('oversight.progress.byWorker')}>
              <FiguresTable rows={p.workers} nameTitle={t('oversight.progress.worker')} workers={{ unitId, from: period.from, to: period.to }} testId="progress-workers" loading={progress.loading} />
            </Card>
          ) : null}
        </Space>
      ) : progress.loading ? <Card loading /> : null}
    </div>
  );
}

function Totals({ figures: f }: { figures: Figures }) {
  const { t } = useTranslation();
  const pct = (r: number | null) => (r === null ? t('oversight.common.noData') : t('oversight.common.percent', { value: Math.round(r * 1000) / 10 }));
  return (
    <Row gutter={12} data-testid="progress-totals">
      <Col span={6}><Card size="small"><Statistic title={t('oversight.progress.completion')} value={pct(f.completionRate)} />
        <Typography.Text type="secondary">{t('oversight.progress.done')} {f.tasksDone} / {t('oversight.progress.total')} {f.tasksDue}</Typography.Text></Card></Col>
      <Col span={6}><Card size="small"><Statistic title={<Tooltip title={t('oversight.progress.attentionTip')}>{t('oversight.progress.attention')}</Tooltip>} value={pct(f.attentionRate)} />
        <Typography.Text type="secondary">{t('oversight.progress.visitedInTime')} {f.keyVisitsInTime} / {t('oversight.progress.dueVisits')} {f.keyVisitsDue}</Typography.Text></Card></Col>
      <Col span={6}><Card size="small"><Statistic title={t('oversight.progress.activity')} value={pct(f.activityRate)} />
        <Typography.Text type="secondary">{t('oversight.progress.activeDays')} {f.activeDays} · {t('oversight.progress.visits')} {f.visits} · {t('oversight.progress.reports')} {f.reports} · {t('oversight.common.people', { count: f.workers })}</Typography.Text></Card></Col>
      <Col span={6}><Card size="small"><Statistic title={t('oversight.progress.overdue')} value={f.overdueOpen} styles={{ content: f.overdueOpen > 0 ? { color: '#cf1322' } : {} }} />
        <Typography.Text type="secondary">{t('oversight.progress.overdueHint')}</Typography.Text></Card></Col>
    </Row>
  );
}

function FiguresTable({ rows, nameTitle, onOpen, workers, testId, loading }: {
  rows: ProgressRow[]; nameTitle: string; onOpen?(id: string): void; testId: string; loading: boolean;
  /** worker rows: their grids, and each one's overdue tasks of the unit and period on expanding */
  workers?: { unitId: string; from: string; to: string };
}) {
  const { t } = useTranslation();
  const columns: ColumnsType<ProgressRow> = [
    { title: nameTitle, dataIndex: 'name', width: 150, render: (name: string, r) => (onOpen ? <a onClick={() => onOpen(r.id)}>{name}</a> : name) },
    ...(workers ? [{ title: t('oversight.progress.grid'), dataIndex: 'gridNames', width: 170, render: (v: string[]) => v.join('、') || t('oversight.common.noData') }] : []),
    { title: t('oversight.progress.completion'), key: 'completion', width: 190, render: (_, r) => <RateCell rate={r.completionRate} tip={`${r.tasksDone} / ${r.tasksDue}`} /> },
    { title: t('oversight.progress.attention'), key: 'attention', width: 190, render: (_, r) => <RateCell rate={r.attentionRate} tip={`${r.keyVisitsInTime} / ${r.keyVisitsDue}`} /> },
    { title: t('oversight.progress.activeDays'), dataIndex: 'activeDays', width: 90, align: 'right' },
    { title: t('oversight.progress.visits'), dataIndex: 'visits', width: 90, align: 'right' },
    { title: t('oversight.progress.reports'), dataIndex: 'reports', width: 90, align: 'right' },
    ...(workers ? [] : [{ title: t('oversight.progress.workers'), dataIndex: 'workers', width: 80, align: 'right' as const }]),
    {
      title: t('oversight.progress.overdue'), dataIndex: 'overdueOpen', width: 90, align: 'right',
      render: (v: number) => <span className={v > 0 ? 'zz-tasks-overdue' : undefined}>{v}</span>,
    },
  ];
  return (
    <Table<ProgressRow>
      rowKey="id" size="small" pagination={false} columns={columns} dataSource={rows} loading={loading} data-testid={testId}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('oversight.progress.empty')} /> }}
      expandable={workers ? {
        rowExpandable: (r) => r.overdueOpen > 0,
        expandedRowRender: (r) => <OverdueList workerId={r.id} {...workers} />,
      } : undefined}
    />
  );
}

/** A worker's overdue tasks in the unit, among those due in the period. */
function OverdueList({ workerId, unitId, from, to }: { workerId: string; unitId: string; from: string; to: string }) {
  const { t } = useTranslation();
  const tasks = useApi((signal) => fetchTasks({ orgUnitId: unitId, assigneeId: workerId, overdue: true, from, to, pageSize: 100 }, signal), [workerId, unitId, from, to]);
  if (tasks.error) return <ErrorState error={tasks.error} onRetry={tasks.reload} />;
  if (!tasks.data) return <Card loading size="small" />;
  if (tasks.data.items.length === 0) return <Typography.Text type="secondary">{t('oversight.progress.noOverdue')}</Typography.Text>;
  const today = dayjs(tasks.data.date);
  return (
    <List
      size="small" dataSource={tasks.data.items} data-testid="overdue-tasks"
      renderItem={(task) => (
        <List.Item>
          <Space>
            <KindTag kind={task.kind} />
            <span>{task.title}</span>
            {task.subject && task.subject.kind !== 'grid' ? <Typography.Text type="secondary">{task.subject.name}</Typography.Text> : null}
            <Typography.Text type="secondary">{t('oversight.progress.dueOn', { date: task.dueOn })}</Typography.Text>
            <span className="zz-tasks-overdue">{t('oversight.progress.overdueDays', { count: Math.max(1, today.diff(dayjs(task.dueOn), 'day')) })}</span>
          </Space>
        </List.Item>
      )}
    />
  );
}
