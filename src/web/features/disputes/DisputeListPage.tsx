// 矛盾纠纷: the disputes of the caller's area (a department: those pushed to it), newest first, by status, tier, risk and
// class, with parties masked; 登记纠纷 for those who register disputes.
import { useState } from 'react';
import { Button, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DISPUTE_STATUSES, DISPUTE_TIERS, RISK_LEVELS, type DisputeStatus, type DisputeTier, type RiskLevel } from '../../../shared/disputes.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useCursorList } from '../../lib/useCursorList.ts';
import { useApi } from '../../lib/useApi.ts';
import { listClasses, listDisputes, type DisputeFilter, type DisputeSummary } from './api.ts';
import { RiskTag, StatusTag, TierTag, timeText } from './parts.tsx';
import './locales.ts';

export function DisputeListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<DisputeFilter>({});
  const [text, setText] = useState('');
  const classes = useApi((signal) => listClasses(false, signal), []);

  const { items, nextCursor, canCreate, loading, error, more, reload } = useCursorList(listDisputes, filter);
  const set = (patch: Partial<DisputeFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const columns: TableColumnsType<DisputeSummary> = [
    {
      title: t('disputes.col.number'), dataIndex: 'number', width: 250,
      render: (v: string, d) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link strong onClick={() => navigate(`/disputes/${d.id}`)} data-testid="dispute-link"><span className="zz-code" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>{v}</span></Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`disputes.sources.${d.source}`)}{d.flareUps > 0 ? ` · ${t('disputes.flareUps', { count: d.flareUps })}` : ''}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('disputes.col.class'), key: 'class',
      render: (_: unknown, d) => (
        <Space orientation="vertical" size={0}>
          <span>{d.subclassName ?? d.className}</span>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 360 }}>{d.description}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('disputes.col.parties'), dataIndex: 'partyNames', width: 150,
      render: (ns: string[]) => (ns.length > 3 ? `${ns.slice(0, 3).join('、')} ${t('disputes.more_parties', { count: ns.length - 3 })}` : ns.join('、')),
    },
    { title: t('disputes.col.risk'), dataIndex: 'riskLevel', width: 90, render: (r: RiskLevel) => <RiskTag risk={r} /> },
    {
      title: t('disputes.col.tier'), key: 'tier', width: 190,
      render: (_: unknown, d) => <Space orientation="vertical" size={0}><TierTag tier={d.tier} /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.handlingUnitName}</Typography.Text></Space>,
    },
    { title: t('disputes.col.status'), dataIndex: 'status', width: 100, render: (s: DisputeStatus) => <StatusTag status={s} /> },
    { title: t('disputes.col.created'), dataIndex: 'createdAt', width: 150, render: (v: string) => timeText(v) },
  ];

  const classOptions = (classes.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }));
  return (
    <div className="zz-page" data-testid="disputes-page">
      <PageHeader
        title={t('disputes.title')} subtitle={t('disputes.subtitle')}
        extra={canCreate ? <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/disputes/new')} data-testid="dispute-create">{t('disputes.create')}</Button> : null}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear style={{ width: 300 }} placeholder={t('disputes.filter.q')} value={text}
          onChange={(e) => { setText(e.target.value); if (!e.target.value) set({ q: undefined }); }}
          onSearch={(v) => set({ q: v.trim() || undefined })} enterButton={t('disputes.filter.go')} data-testid="dispute-search"
        />
        <Select allowClear style={{ width: 130 }} placeholder={t('disputes.filter.status')} value={filter.status} onChange={(v?: DisputeStatus) => set({ status: v })} data-testid="dispute-filter-status"
          options={DISPUTE_STATUSES.map((x) => ({ value: x, label: t(`disputes.status.${x}`) }))} />
        <Select allowClear style={{ width: 130 }} placeholder={t('disputes.filter.tier')} value={filter.tier} onChange={(v?: DisputeTier) => set({ tier: v })} data-testid="dispute-filter-tier"
          options={DISPUTE_TIERS.map((x) => ({ value: x, label: t(`disputes.tiers.${x}`) }))} />
        <Select allowClear style={{ width: 120 }} placeholder={t('disputes.filter.risk')} value={filter.risk} onChange={(v?: RiskLevel) => set({ risk: v })} data-testid="dispute-filter-risk"
          options={RISK_LEVELS.map((x) => ({ value: x, label: t(`disputes.risks.${x}`) }))} />
        <Select allowClear showSearch optionFilterProp="label" style={{ width: 200 }} placeholder={t('disputes.filter.classCode')} value={filter.classCode}
          onChange={(v?: string) => set({ classCode: v })} options={classOptions} data-testid="dispute-filter-class" />
        <Button onClick={() => { setText(''); setFilter({}); }}>{t('disputes.filter.reset')}</Button>
      </Space>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<DisputeSummary>
          rowKey="id" size="middle" columns={columns} dataSource={items} loading={loading} pagination={false} data-testid="dispute-table"
          onRow={(d) => ({ 'data-testid': 'dispute-row', 'data-id': d.id } as React.HTMLAttributes<HTMLElement>)}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('disputes.empty')} /> }}
          footer={() => <Typography.Text type="secondary" data-testid="dispute-count">{t('disputes.count', { count: items.length })}</Typography.Text>}
        />
      )}
      {nextCursor ? <Button block style={{ marginTop: 8 }} onClick={more} data-testid="dispute-more">{t('disputes.more')}</Button> : null}
    </div>
  );
}
