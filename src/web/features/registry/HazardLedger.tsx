// 隐患 tab of the registry page (/registry/hazards): the hazard ledger of the reader's grids, open entries first and
// the earliest next check first, filtered by status, grid and overdue; an overdue next check shows in red; 跟进 on
// each entry where its `policies` allow (the list refreshes after saving). New entries are made on a building,
// thing or household page, where what the hazard is found on is known.
import { useState } from 'react';
import { Alert, Button, Checkbox, Empty, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { REGISTRY_KINDS } from '../../../shared/registry.ts';
import type * as ls from '../../../server/registry/hazard-list-schemas.ts';
import type { Hazard } from './api.ts';
import { HazardFollowUpModal } from './hazard-forms.tsx';
import { GridSelect, useEnumLabel } from './parts.tsx';
import './locales.ts';

type Status = 'open' | 'resolved';
const fetchLedger = (q: { status?: Status; gridId?: string; overdue?: boolean; page: number; pageSize: number }, signal?: AbortSignal) =>
  api<ls.HazardListT>('/api/registry/hazards', { query: { ...q, overdue: q.overdue ? 'true' : undefined }, signal });

/** The registry page's tabs, with 隐患 chosen. */
export function HazardLedgerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid="registry-page" data-kind="hazards">
      <PageHeader title={t('registry.title')} subtitle={t('registry.subtitle')} />
      <div className="zz-page">
        <Tabs activeKey="hazards" onChange={(k) => navigate(`/registry/${k}`)} data-testid="registry-tabs"
          items={[...REGISTRY_KINDS.map((k) => ({ key: k, label: t(`registry.tabs.${k}`) })), { key: 'hazards', label: t('registry.tabs.hazards') }]} />
        <HazardLedger />
      </div>
    </div>
  );
}

export function HazardLedger() {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const [status, setStatus] = useState<Status | undefined>('open');
  const [gridId, setGridId] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [following, setFollowing] = useState<Hazard | null>(null);
  const list = useApi((signal) => fetchLedger({ status, gridId, overdue, page, pageSize }, signal), [status, gridId, overdue, page, pageSize]);
  const today = list.data?.today ?? '';
  const late = (h: Hazard) => h.status === 'open' && h.nextCheckOn !== null && today !== '' && h.nextCheckOn < today;

  return (
    <div data-testid="hazard-ledger">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<Status | 'all'> value={status ?? 'all'} style={{ width: 130 }} data-testid="hazard-status"
          onChange={(v) => { setStatus(v === 'all' ? undefined : v); setPage(1); }}
          options={[{ value: 'open', label: label('hazardStatus', 'open') }, { value: 'resolved', label: label('hazardStatus', 'resolved') }, { value: 'all', label: t('registry.hazard.allStatuses') }]} />
        <GridSelect value={gridId} onChange={(v) => { setGridId(v); setPage(1); }} placeholder={t('registry.filter.allGrids')} style={{ width: 170 }} testId="hazard-grid" />
        <Checkbox checked={overdue} onChange={(e) => { setOverdue(e.target.checked); setPage(1); }} data-testid="hazard-overdue">{t('registry.hazard.onlyOverdue')}</Checkbox>
      </Space>
      {list.data && list.data.overdue > 0 ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="hazard-overdue-count" title={t('registry.hazard.overdueCount', { count: list.data.overdue })} />
      ) : null}
      {list.error && !list.data ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<Hazard>
          rowKey="id" size="middle" data-testid="hazard-table" dataSource={list.data?.items ?? []} loading={list.loading} scroll={{ x: 1100 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.hazard.empty')} /> }}
          pagination={{
            current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
            showTotal: (n) => t('registry.total', { count: n }),
            onChange: (p, size) => { if (size !== pageSize) { setPageSize(size); setPage(1); } else setPage(p); },
          }}
          columns={[
            { title: t('registry.hazard.description'), dataIndex: 'description', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
            { title: t('registry.hazard.where'), key: 'where', width: 160, render: (_, h) => (
              h.thingId ? <Link to={`/registry/things/${h.thingId}`}>{h.thingName}</Link>
                : h.buildingId ? <Link to={`/registry/buildings/${h.buildingId}`}>{h.buildingName}</Link> : '—'
            ) },
            { title: t('registry.col.grid'), dataIndex: 'gridName', width: 150 },
            { title: t('registry.household.foundOn'), dataIndex: 'foundOn', width: 110 },
            { title: t('registry.household.followUp'), dataIndex: 'actionTaken', width: 220, render: (v: string | null) => v || <Typography.Text type="secondary">{t('registry.none')}</Typography.Text> },
            { title: t('registry.household.nextCheck'), dataIndex: 'nextCheckOn', width: 140, render: (v: string | null, h) => (
              v ? <Typography.Text type={late(h) ? 'danger' : undefined} strong={late(h)} data-testid={late(h) ? 'hazard-late' : undefined}>
                {v}{late(h) ? `（${t('registry.hazard.overdue')}）` : ''}
              </Typography.Text> : '—'
            ) },
            { title: t('registry.hazard.status'), dataIndex: 'status', width: 90, render: (v: Status) => <Tag color={v === 'open' ? 'red' : 'green'}>{label('hazardStatus', v)}</Tag> },
            { title: t('registry.col.actions'), key: 'actions', width: 80, fixed: 'right', render: (_, h) => (
              h.policies.includes('update') ? <Button type="link" size="small" onClick={() => setFollowing(h)} data-testid="hazard-follow-up">{t('registry.hazard.followUp')}</Button> : null
            ) },
          ]}
        />
      )}
      <HazardFollowUpModal hazard={following} onClose={() => setFollowing(null)} onSaved={() => { setFollowing(null); list.reload(); }} />
    </div>
  );
}
