// 执法统计: for the reader's area and a period — cases (by status, by matter), the share of delegated matters (赋权 +
// 委托), departures from the benchmark, review corrections, handling minutes against the 15-minute mark, joint
// inspections and the visits they saved. Tables with simple bars (no chart library).
import { useState } from 'react';
import { Card, Col, DatePicker, Empty, Row, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import type { EnforcementStatus, MatterSource } from '../../../shared/enforcement.ts';
import { fetchStats } from './api.ts';
import { SourceTag, StatusTag } from './parts.tsx';
import './locales.ts';
import './enforcement.css';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export function EnforcementStatsPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(29, 'day'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const stats = useApi((signal) => fetchStats({ from, to }, signal), [from, to]);
  const s = stats.data;
  const max = (xs: { count: number }[]) => Math.max(1, ...xs.map((x) => x.count));

  const figure = (label: string, value: string | number, testId?: string) => (
    <div className="enf-figure" data-testid={testId}><div className="enf-figure-label">{label}</div><div className="enf-figure-value">{value}</div></div>
  );
  const bar = (count: number, of: number) => (
    <div className="enf-bar"><div className="enf-bar-fill" style={{ width: count ? `${Math.max(2, (count / of) * 160)}px` : 0 }} /><span>{count}</span></div>
  );

  return (
    <div className="zz-page" data-testid="enf-stats-page">
      <PageHeader
        title={t('enf.stats.title')} subtitle={t('enf.stats.subtitle')}
        extra={(
          <Space>
            {s ? <Typography.Text type="secondary">{s.orgUnitName}</Typography.Text> : null}
            <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => { if (v?.[0] && v[1]) setRange([v[0], v[1]]); }} data-testid="enf-stats-range" />
          </Space>
        )}
      />
      {stats.error ? <ErrorState error={stats.error} onRetry={stats.reload} /> : !s ? <Card loading /> : (
        <>
          <div className="enf-figures">
            {figure(t('enf.stats.cases'), s.cases.total, 'enf-stats-total')}
            {figure(t('enf.stats.delegatedShare'), pct(s.delegatedShare), 'enf-stats-delegated')}
            {figure(t('enf.stats.departures'), `${s.departures.count}（${pct(s.departures.rate)}）`)}
            {figure(t('enf.stats.returns'), s.reviewReturns.returns)}
            {figure(t('enf.stats.medianMinutes'), s.handling.medianMinutes === null ? '—' : t('enf.minutes', { count: Math.round(s.handling.medianMinutes) }))}
            {figure(t('enf.stats.withinTarget', { target: s.handling.targetMinutes }), pct(s.handling.withinTargetShare))}
            {figure(t('enf.stats.inspectionsDone'), s.inspections.done)}
            {figure(t('enf.stats.visitsSaved'), s.inspections.visitsSaved)}
          </div>
          <Row gutter={16}>
            <Col xs={24} lg={8}>
              <Card size="small" title={t('enf.stats.byStatus')} style={{ marginBottom: 12 }}>
                <Table rowKey="status" size="small" pagination={false} dataSource={s.cases.byStatus} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={false} /> }}
                  columns={[
                    { title: t('enf.stats.status'), dataIndex: 'status', render: (v: EnforcementStatus) => <StatusTag status={v} /> },
                    { title: t('enf.stats.count'), dataIndex: 'count', render: (n: number) => bar(n, max(s.cases.byStatus)) },
                  ]} />
              </Card>
              <Card size="small" title={t('enf.stats.bySource')} style={{ marginBottom: 12 }}>
                <Table rowKey="source" size="small" pagination={false} dataSource={s.bySource}
                  columns={[
                    { title: t('enf.stats.source'), dataIndex: 'source', render: (v: MatterSource) => <SourceTag source={v} /> },
                    { title: t('enf.stats.count'), dataIndex: 'count', render: (n: number) => bar(n, max(s.bySource)) },
                    { title: t('enf.stats.share'), key: 'share', render: (_: unknown, r) => pct(s.cases.total ? r.count / s.cases.total : null) },
                  ]} />
              </Card>
            </Col>
            <Col xs={24} lg={16}>
              <Card size="small" title={t('enf.stats.byMatter')} style={{ marginBottom: 12 }}>
                <Table rowKey="matterCode" size="small" pagination={false} dataSource={s.cases.byMatter} data-testid="enf-stats-matters"
                  columns={[
                    { title: t('enf.stats.matter'), dataIndex: 'matterName' },
                    { title: t('enf.stats.count'), dataIndex: 'count', render: (n: number) => bar(n, max(s.cases.byMatter)) },
                  ]} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
