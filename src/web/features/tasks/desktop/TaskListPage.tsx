// 任务列表: the grid workers' tasks of the reader's territory, filtered by grid, status, kind, assignee and overdue,
// paged by the API's cursor; 交办任务 (the "+1", when the API's policies allow) assigns an ad hoc task to a worker
// of a grid.
import { useMemo, useState } from 'react';
import { Button, Checkbox, Descriptions, Empty, Image, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { TableColumnsType as ColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { TASK_STATUSES, type TaskKind, type TaskStatus } from '../../../../shared/tasks.ts';
import { STANDING_DUTY_KINDS } from '../../../../shared/duties.ts';
import { fetchFeatures, fetchTeam } from '../../org/api.ts';
import { fetchTasks, type Task, type TaskQuery } from '../oversight-api.ts';
import { AssignTaskModal } from './AssignTaskModal.tsx';
import { gridsOf, KindTag, StatusTag } from './parts.tsx';
import './locales.ts';
import './tasks.css';

const PAGE_SIZE = 50;

interface Filters { gridId?: string; status?: TaskStatus; kind?: TaskKind; assignee?: string; overdue: boolean }

export function TaskListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const scopeId = me.scopeOrgUnit?.id ?? '';
  const [filters, setFilters] = useState<Filters>({ status: 'open', overdue: false });
  const [page, setPage] = useState(1);
  const [assignOpen, setAssignOpen] = useState(false);
  const units = useApi(scopeId ? (signal) => fetchFeatures(scopeId, signal) : null, [scopeId]);
  const grids = useMemo(() => gridsOf(units.data), [units.data]);
  const team = useApi(filters.gridId ? (signal) => fetchTeam(filters.gridId!, signal) : null, [filters.gridId]);
  const query: TaskQuery = {
    orgUnitId: filters.gridId ?? scopeId, status: filters.overdue ? undefined : filters.status, kind: filters.kind, assigneeId: filters.assignee,
    ...(filters.overdue ? { overdue: true } : {}), page, pageSize: PAGE_SIZE,
  };
  const list = useApi((signal) => fetchTasks(query, signal), [JSON.stringify(query)]);
  const set = (patch: Partial<Filters>) => { setFilters((f) => ({ ...f, ...patch })); setPage(1); };
  const canAssign = list.data?.policies.includes('create') ?? false;

  const columns: ColumnsType<Task> = [
    { title: t('oversight.list.col.title'), dataIndex: 'title', render: (v: string, r) => <Space orientation="vertical" size={0}><span>{v}</span>{r.detail ? <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>{r.detail}</Typography.Text> : null}</Space> },
    { title: t('oversight.list.col.kind'), dataIndex: 'kind', width: 130, render: (k: TaskKind) => <KindTag kind={k} /> },
    { title: t('oversight.list.col.grid'), dataIndex: 'gridName', width: 160 },
    { title: t('oversight.list.col.assignee'), dataIndex: 'assignee', width: 100, render: (v: Task['assignee']) => v?.name ?? <Typography.Text type="secondary">{t('oversight.list.unassigned')}</Typography.Text> },
    { title: t('oversight.list.col.startsOn'), dataIndex: 'startsOn', width: 110 },
    { title: t('oversight.list.col.dueOn'), dataIndex: 'dueOn', width: 110, render: (v: string, r) => <span className={r.overdue ? 'zz-tasks-overdue' : undefined}>{v}</span> },
    { title: t('oversight.list.col.status'), dataIndex: 'status', width: 90, render: (s: TaskStatus, r) => <StatusTag status={s} overdue={r.overdue} /> },
    {
      title: t('oversight.list.col.doneAt'), dataIndex: 'done', width: 160,
      render: (d: Task['done']) => (d ? <Space orientation="vertical" size={0}><span>{dayjs(d.at).format('MM-DD HH:mm')} {d.by.name}</span>{d.note ? <Typography.Text type="secondary" ellipsis style={{ maxWidth: 150 }}>{d.note}</Typography.Text> : null}</Space> : null),
    },
  ];

  return (
    <div className="zz-page" data-testid="task-list-page">
      <PageHeader
        title={t('oversight.list.title')} subtitle={t('oversight.list.subtitle')}
        extra={canAssign ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setAssignOpen(true)} data-testid="assign-task">{t('oversight.list.assign')}</Button> : null}
      />
      <Space wrap style={{ marginBottom: 12 }} data-testid="task-filters">
        <Select
          allowClear showSearch optionFilterProp="label" style={{ width: 200 }} placeholder={t('oversight.list.grid')} value={filters.gridId} data-testid="filter-grid"
          options={grids.map((g) => ({ value: g.id, label: g.name }))} onChange={(v?: string) => set({ gridId: v, assignee: undefined })}
        />
        <Select
          allowClear style={{ width: 120 }} placeholder={t('oversight.list.status')} value={filters.overdue ? 'open' : filters.status} disabled={filters.overdue} data-testid="filter-status"
          options={TASK_STATUSES.map((s) => ({ value: s, label: t(`oversight.status.${s}`) }))} onChange={(v?: TaskStatus) => set({ status: v })}
        />
        <Select
          allowClear style={{ width: 150 }} placeholder={t('oversight.list.kind')} value={filters.kind} data-testid="filter-kind"
          options={STANDING_DUTY_KINDS.map((k) => ({ value: k, label: t(`oversight.kind.${k}`) }))} onChange={(v?: TaskKind) => set({ kind: v })}
        />
        <Select
          allowClear style={{ width: 140 }} placeholder={filters.gridId ? t('oversight.list.assignee') : t('oversight.list.pickGridFirst')} value={filters.assignee}
          disabled={!filters.gridId} loading={team.loading} data-testid="filter-assignee"
          options={(team.data?.members ?? []).filter((m) => m.accountId).map((m) => ({ value: m.accountId!, label: m.name }))} onChange={(v?: string) => set({ assignee: v })}
        />
        <Checkbox checked={filters.overdue} onChange={(e) => set({ overdue: e.target.checked })} data-testid="filter-overdue">{t('oversight.list.onlyOverdue')}</Checkbox>
        <Button onClick={() => setFilters({ status: 'open', overdue: false })}>{t('oversight.list.reset')}</Button>
      </Space>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<Task>
          rowKey="id" size="small" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} data-testid="task-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('oversight.list.empty')} /> }}
          expandable={{ expandedRowRender: (r) => <TaskDetail task={r} />, rowExpandable: (r) => !!(r.subject || r.detail || r.done || r.campaign || r.createdBy) }}
          pagination={{
            current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage,
            showTotal: (total) => <span data-testid="task-count">{t('oversight.common.count', { count: total })}</span>,
          }}
        />
      )}
      <AssignTaskModal open={assignOpen} grids={grids} onClose={() => setAssignOpen(false)} onDone={() => { setAssignOpen(false); list.reload(); }} />
    </div>
  );
}

/** What a task is about and what became of it: its subject, details, who assigned it, the note and photos it was done with. */
function TaskDetail({ task }: { task: Task }) {
  const { t } = useTranslation();
  const items = [
    ...(task.subject && task.subject.kind !== 'grid' ? [{ key: 'subject', label: t(`oversight.subject.${task.subject.kind}`), children: [task.subject.name, task.subject.address].filter(Boolean).join(' · ') }] : []),
    ...(task.detail ? [{ key: 'detail', label: t('oversight.list.detail'), children: task.detail }] : []),
    ...(task.campaign ? [{ key: 'campaign', label: t('oversight.kind.campaign'), children: task.campaign.content }] : []),
    ...(task.createdBy ? [{ key: 'by', label: t('oversight.list.assignedBy'), children: task.createdBy }] : []),
    ...(task.done ? [{
      key: 'done', label: t('oversight.list.col.note'),
      children: (
        <Space orientation="vertical" size={4}>
          <span>{dayjs(task.done.at).format('YYYY-MM-DD HH:mm')} {task.done.by.name}{task.done.note ? `：${task.done.note}` : ''}</span>
          {task.done.photos.length > 0 ? (
            <Image.PreviewGroup>
              <Space wrap>{task.done.photos.map((p) => <Image key={p.hash} src={p.thumbUrl} preview={{ src: p.url }} width={64} height={64} style={{ objectFit: 'cover', borderRadius: 4 }} />)}</Space>
            </Image.PreviewGroup>
          ) : null}
        </Space>
      ),
    }] : []),
  ];
  return <Descriptions size="small" column={1} items={items} data-testid="task-detail" />;
}
