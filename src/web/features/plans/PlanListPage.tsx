// 预案管理: the plans of the caller's area by hazard and status, with their levels, how they start, steps and last
// revision; 新建预案 for editors; 启动 / 演练 for the command center; the open trigger suggestions on top.
import { useState } from 'react';
import { Button, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, ThunderboltOutlined, ExperimentOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { HAZARDS, PLAN_STATUSES, type Hazard, type PlanStatus } from '../../../shared/plans.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useCursorList } from '../../lib/useCursorList.ts';
import { listPlans, fetchPlan, type PlanDetail, type PlanFilter, type PlanSummary } from './api.ts';
import { ActivateDialog } from './ActivateDialog.tsx';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';
import { HazardTag, LevelTag, timeText } from './parts.tsx';
import './locales.ts';
import './plans.css';

export function PlanListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<PlanFilter>({ status: 'active' });
  const [text, setText] = useState('');
  const [starting, setStarting] = useState<{ plan: PlanDetail; drill: boolean } | null>(null);

  const { items, nextCursor, canCreate, loading, error, setError, more, reload } = useCursorList(listPlans, filter);
  const set = (patch: Partial<PlanFilter>) => setFilter((f) => ({ ...f, ...patch }));
  // the dialog counts the work orders of the chosen level: it needs the plan's steps
  const start = (p: PlanSummary, drill: boolean) => { void fetchPlan(p.id).then((plan) => setStarting({ plan, drill }), setError); };

  const columns: TableColumnsType<PlanSummary> = [
    {
      title: t('plans.col.name'), dataIndex: 'name',
      render: (v: string, p) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link strong onClick={() => navigate(`/plans/${p.id}`)} data-testid="plan-link">{v}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.townName}{p.matterName ? ` · ${p.matterName}` : ''}</Typography.Text>
        </Space>
      ),
    },
    { title: t('plans.col.hazard'), dataIndex: 'hazard', width: 150, render: (h: Hazard) => <HazardTag hazard={h} /> },
    { title: t('plans.col.levels'), dataIndex: 'levels', width: 200, render: (ls: PlanSummary['levels']) => <span>{ls.map((l) => <LevelTag key={l} level={l} />)}</span> },
    {
      title: t('plans.col.triggers'), dataIndex: 'triggerKinds', width: 190,
      render: (ks: string[]) => {
        const auto = ks.filter((k) => k !== 'manual');
        return auto.length ? <span>{[...new Set(auto)].map((k) => <Tag key={k} bordered={false}>{t(`plans.triggerKinds.${k}`)}</Tag>)}</span> : <Typography.Text type="secondary">{t('plans.triggerSummary.none')}</Typography.Text>;
      },
    },
    { title: t('plans.col.steps'), dataIndex: 'stepCount', width: 70, align: 'right' },
    {
      title: t('plans.col.updated'), key: 'updated', width: 170,
      render: (_: unknown, p) => <Space orientation="vertical" size={0}><span>{t('plans.editor.version', { version: p.currentVersion })}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{timeText(p.updatedAt)}</Typography.Text></Space>,
    },
    {
      title: t('plans.col.actions'), key: 'actions', width: 190,
      render: (_: unknown, p) => (
        <Space size={4}>
          {p.status === 'active' && p.policies.includes('activate') ? <Button size="small" danger type="primary" icon={<ThunderboltOutlined />} onClick={() => start(p, false)} data-testid="plan-activate">{t('plans.activate')}</Button> : null}
          {p.status === 'active' && p.policies.includes('drill') ? <Button size="small" icon={<ExperimentOutlined />} onClick={() => start(p, true)} data-testid="plan-drill">{t('plans.drill')}</Button> : null}
          {p.status === 'retired' ? <Tag>{t('plans.status.retired')}</Tag> : null}
        </Space>
      ),
    },
  ];

  return (
    <div className="zz-page" data-testid="plans-page">
      <PageHeader
        title={t('plans.title')} subtitle={t('plans.subtitle')}
        extra={canCreate ? <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/plans/new')} data-testid="plan-create">{t('plans.create')}</Button> : null}
      />
      <SuggestionsPanel compact />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear style={{ width: 260 }} placeholder={t('plans.filter.q')} value={text} onChange={(e) => { setText(e.target.value); if (!e.target.value) set({ q: undefined }); }}
          onSearch={(v) => set({ q: v.trim() || undefined })} enterButton={t('plans.filter.go')} data-testid="plan-search"
        />
        <Select allowClear style={{ width: 170 }} placeholder={t('plans.filter.allHazards')} value={filter.hazard} onChange={(v?: Hazard) => set({ hazard: v })} data-testid="plan-filter-hazard"
          options={HAZARDS.map((x) => ({ value: x, label: t(`plans.hazards.${x}`) }))} />
        <Select style={{ width: 110 }} value={filter.status} onChange={(v: PlanStatus) => set({ status: v })} data-testid="plan-filter-status"
          options={PLAN_STATUSES.map((x) => ({ value: x, label: t(`plans.status.${x}`) }))} />
        <Button onClick={() => { setText(''); setFilter({ status: 'active' }); }}>{t('plans.filter.reset')}</Button>
      </Space>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<PlanSummary>
          rowKey="id" size="middle" columns={columns} dataSource={items} loading={loading} pagination={false} data-testid="plan-table"
          onRow={(p) => ({ 'data-testid': 'plan-row', 'data-id': p.id } as React.HTMLAttributes<HTMLElement>)}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filter.status === 'retired' ? t('plans.emptyRetired') : t('plans.empty')} /> }}
          footer={() => <Typography.Text type="secondary" data-testid="plan-count">{t('plans.count', { count: items.length })}</Typography.Text>}
        />
      )}
      {nextCursor ? <Button block style={{ marginTop: 8 }} onClick={more} data-testid="plan-more">{t('plans.more')}</Button> : null}
      <ActivateDialog
        open={!!starting} drill={starting?.drill}
        plan={starting ? { id: starting.plan.id, name: starting.plan.name, levels: starting.plan.body.levels, steps: starting.plan.body.steps } : null}
        onClose={() => setStarting(null)}
      />
    </div>
  );
}
