// 纠纷统计: found, resolved and the resolution rate of the caller's area over a period, by class, tier and handling unit,
// with the risk counts, referrals, 诉调对接 and the median days to resolve — antd tables with plain bars.
import { useState } from 'react';
import { Card, Col, DatePicker, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { fetchStats } from './api.ts';
import { RiskTag, TierTag } from './parts.tsx';
import './locales.ts';
import './disputes.css';

interface Row { key: string; name: React.ReactNode; count: number; resolved?: number }

function Bars({ title, rows, total, testId }: { title: string; rows: Row[]; total: number; testId: string }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...rows.map((r) => r.count));
  const columns: TableColumnsType<Row> = [
    { title: t('disputes.stats.name'), dataIndex: 'name', width: '34%' },
    { title: t('disputes.stats.count'), dataIndex: 'count', width: 70, align: 'right' },
    ...(rows.some((r) => r.resolved !== undefined) ? [{ title: t('disputes.stats.resolved'), dataIndex: 'resolved', width: 70, align: 'right' as const }] : []),
    {
      title: t('disputes.stats.share'), key: 'bar',
      render: (_: unknown, r: Row) => (
        <Space style={{ width: '100%' }}>
          <div className="zz-dispute-bar-track" style={{ width: 160 }}>{r.count > 0 ? <div className="zz-dispute-bar" style={{ width: `${(r.count / max) * 100}%` }} /> : null}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{total ? `${Math.round((r.count / total) * 1000) / 10}%` : ''}</Typography.Text>
        </Space>
      ),
    },
  ];
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      <Table<Row> rowKey="key" size="small" pagination={false} columns={columns} dataSource={rows} data-testid={testId}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('disputes.none')} /> }} />
    </Card>
  );
}

export function DisputeStatsPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(89, 'day'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const stats = useApi((signal) => fetchStats({ from, to }, signal), [from, to]);
  const s = stats.data;
  return (
    <div className="zz-page" data-testid="dispute-stats-page">
      <PageHeader title={t('disputes.stats.title')} subtitle={s ? `${s.orgUnitName} · ${s.from} ～ ${s.to}` : t('disputes.stats.subtitle')}
        extra={<DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => { if (v?.[0] && v[1]) setRange([v[0], v[1]]); }} data-testid="dispute-stats-range" />} />
      {stats.error ? <ErrorState error={stats.error} onRetry={stats.reload} /> : !s ? <Card loading /> : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={4}><Card size="small"><Statistic title={t('disputes.stats.found')} value={s.found} data-testid="stats-found" /></Card></Col>
            <Col span={4}><Card size="small"><Statistic title={t('disputes.stats.resolved')} value={s.resolved} /></Card></Col>
            <Col span={4}><Card size="small"><Statistic title={t('disputes.stats.rate')} value={s.resolutionRate === null ? '—' : Math.round(s.resolutionRate * 1000) / 10} suffix={s.resolutionRate === null ? '' : '%'} data-testid="stats-rate" /></Card></Col>
            <Col span={4}><Card size="small"><Statistic title={t('disputes.stats.medianDays')} value={s.medianDaysToResolve === null ? '—' : t('disputes.stats.days', { n: Math.round(s.medianDaysToResolve * 10) / 10 })} /></Card></Col>
            <Col span={4}><Card size="small"><Statistic title={t('disputes.stats.referrals')} value={s.referrals.total} /></Card></Col>
            <Col span={4}><Card size="small"><Statistic title={t('disputes.stats.litigation')} value={s.litigation} /></Card></Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Bars title={t('disputes.stats.byClass')} total={s.found} testId="stats-by-class" rows={s.byClass.map((c) => ({ key: c.code, name: c.name, count: c.count, resolved: c.resolved }))} />
              <Bars title={t('disputes.stats.risks')} total={s.found} testId="stats-by-risk" rows={s.byRisk.map((r) => ({ key: r.risk, name: <RiskTag risk={r.risk} />, count: r.count }))} />
            </Col>
            <Col span={12}>
              <Bars title={t('disputes.stats.byTier')} total={s.found} testId="stats-by-tier" rows={s.byTier.map((r) => ({ key: r.tier, name: <TierTag tier={r.tier} />, count: r.count, resolved: r.resolved }))} />
              <Bars title={t('disputes.stats.byUnit')} total={s.found} testId="stats-by-unit" rows={s.byHandlingUnit.map((c) => ({ key: c.code, name: c.name, count: c.count, resolved: c.resolved }))} />
              <Bars title={t('disputes.stats.referrals')} total={s.referrals.total} testId="stats-referrals"
                rows={s.referrals.byUnitKind.map((r) => ({ key: r.unitKind, name: t(`disputes.unitKinds.${r.unitKind}`), count: r.count }))} />
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
