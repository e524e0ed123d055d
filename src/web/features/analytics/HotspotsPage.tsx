// 高频诉求: what the caller's area asked for most over the last 7/30/90 days against the span before — the hot cells on
// the map and in a list, the top categories of cases and ideas, the grids — and 立项 that turns a hot spot into a
// project of its community's 15-minute service circle.
import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Row, Segmented, Space, Spin, Statistic, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FlagOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { fetchHotspots, type HotCell, type Hotspots } from './api.ts';
import { HotspotMap } from './HotspotMap.tsx';
import { NewProjectModal } from './NewProjectModal.tsx';
import { TrendText } from './parts.tsx';
import './locales.ts';
import './analytics.css';

const SPANS = { d7: 7, d30: 30, d90: 90 } as const;
type Span = keyof typeof SPANS;

const dayBefore = (to: string, days: number) => {
  const d = new Date(`${to}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days + 1);
  return d.toISOString().slice(0, 10);
};

export function HotspotsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [span, setSpan] = useState<Span>('d30');
  const today = useMemo(() => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), []);
  const from = dayBefore(today, SPANS[span]);
  const data = useApi((signal) => fetchHotspots({ from, to: today, limit: 15 }, signal), [from, today]);
  const [selected, setSelected] = useState<string | null>(null);
  const [making, setMaking] = useState<HotCell | null>(null);
  const h = data.data;
  return (
    <div className="zz-page" data-testid="hotspots-page">
      <PageHeader title={t('analytics.hotspots.title')}
        subtitle={h ? t('analytics.hotspots.subtitle', { unit: h.orgUnitName, from: h.from, to: h.to, pfrom: h.previousFrom, pto: h.previousTo }) : undefined}
        extra={<Segmented<Span> value={span} onChange={(v) => { setSpan(v); setSelected(null); }} data-testid="hotspot-span"
          options={(Object.keys(SPANS) as Span[]).map((k) => ({ value: k, label: t(`analytics.hotspots.days.${k}`) }))} />} />
      {data.error ? <ErrorState error={data.error} onRetry={data.reload} /> : !h ? <Spin /> : (
        <>
          <div className="zz-hot-figures">
            <Figure title={t('analytics.hotspots.cases')} trend={h.cases} testId="figure-cases" />
            <Figure title={t('analytics.hotspots.ideas')} trend={h.ideas} testId="figure-ideas" />
          </div>
          <Row gutter={16}>
            <Col xs={24} xl={13}>
              <Card size="small" title={t('analytics.hotspots.map')}>
                <HotspotMap rootId={h.orgUnitId} cells={h.cells} selected={selected} onSelect={setSelected} />
                <div className="zz-hot-hint">{t('analytics.hotspots.mapHint', { metres: h.cellMetres })}</div>
              </Card>
            </Col>
            <Col xs={24} xl={11}>
              <Card size="small">
                <Tabs items={[
                  { key: 'cells', label: t('analytics.hotspots.tabs.cells'), children: <CellTable h={h} selected={selected} onSelect={setSelected} onMake={setMaking} /> },
                  { key: 'categories', label: t('analytics.hotspots.tabs.categories'), children: <CategoryTable h={h} /> },
                  { key: 'grids', label: t('analytics.hotspots.tabs.grids'), children: <GridTable h={h} /> },
                  { key: 'ideas', label: t('analytics.hotspots.tabs.ideas'), children: <IdeaTable h={h} /> },
                ]} />
              </Card>
            </Col>
          </Row>
          {making ? <NewProjectModal cell={making} span={{ from: h.from, to: h.to }} onClose={() => setMaking(null)}
            onDone={(p) => { setMaking(null); navigate(`/analytics/projects?open=${p.id}`); }} /> : null}
        </>
      )}
    </div>
  );
}

function Figure({ title, trend, testId }: { title: string; trend: Hotspots['cases']; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={testId}>
      <Statistic title={title} value={trend.current} />
      <Space size="middle">
        <Typography.Text type="secondary">{t('analytics.hotspots.previous', { count: trend.previous })}</Typography.Text>
        <TrendText change={trend.change} direction={trend.direction} />
      </Space>
    </Card>
  );
}

function CellTable({ h, selected, onSelect, onMake }: { h: Hotspots; selected: string | null; onSelect(k: string): void; onMake(c: HotCell): void }) {
  const { t } = useTranslation();
  const can = h.policies.includes('createProject');
  const columns: TableColumnsType<HotCell> = [
    { title: t('analytics.hotspots.col.rank'), dataIndex: 'rank', width: 56 },
    { title: t('analytics.hotspots.col.place'), key: 'place', render: (_, c) => <span data-testid="cell-place">{t('analytics.hotspots.placeName', { grid: c.gridName })}</span> },
    { title: t('analytics.hotspots.col.top'), dataIndex: 'topCategoryName' },
    { title: t('analytics.hotspots.col.count'), dataIndex: 'current', width: 64 },
    { title: t('analytics.hotspots.col.trend'), key: 'trend', width: 72, render: (_, c) => <TrendText change={c.change} direction={c.direction} /> },
    ...(can ? [{ title: t('analytics.hotspots.col.actions'), key: 'actions', width: 80, render: (_: unknown, c: HotCell) => c.communityId
      ? <Button size="small" icon={<FlagOutlined />} onClick={(e) => { e.stopPropagation(); onMake(c); }} data-testid="cell-project">{t('analytics.hotspots.project')}</Button> : null }] : []),
  ];
  if (!h.cells.length) return <Empty description={t('analytics.hotspots.empty')} />;
  return <Table<HotCell> rowKey="key" size="small" pagination={false} columns={columns} dataSource={h.cells} data-testid="cell-table"
    rowClassName={(c) => (c.key === selected ? 'zz-hot-row-selected' : '')} onRow={(c) => ({ onClick: () => onSelect(c.key), style: { cursor: 'pointer' } })} />;
}

function CategoryTable({ h }: { h: Hotspots }) {
  const { t } = useTranslation();
  type Row = Hotspots['categories'][number];
  const columns: TableColumnsType<Row> = [
    { title: t('analytics.hotspots.col.rank'), dataIndex: 'rank', width: 56 },
    { title: t('analytics.hotspots.col.category'), dataIndex: 'name' },
    { title: t('analytics.hotspots.col.count'), dataIndex: 'current', width: 64 },
    { title: t('analytics.hotspots.col.previous'), dataIndex: 'previous', width: 64 },
    { title: t('analytics.hotspots.col.share'), key: 'share', width: 72, render: (_, r) => `${Math.round(r.share * 100)}%` },
    { title: t('analytics.hotspots.col.trend'), key: 'trend', width: 72, render: (_, r) => <TrendText change={r.change} direction={r.direction} /> },
  ];
  return <Table<Row> rowKey="code" size="small" pagination={false} columns={columns} dataSource={h.categories} data-testid="category-table" />;
}

function GridTable({ h }: { h: Hotspots }) {
  const { t } = useTranslation();
  type Row = Hotspots['grids'][number];
  const columns: TableColumnsType<Row> = [
    { title: t('analytics.hotspots.col.rank'), dataIndex: 'rank', width: 56 },
    { title: t('analytics.hotspots.col.grid'), dataIndex: 'name' },
    { title: t('analytics.hotspots.col.top'), dataIndex: 'topCategoryName' },
    { title: t('analytics.hotspots.col.count'), dataIndex: 'current', width: 64 },
    { title: t('analytics.hotspots.col.trend'), key: 'trend', width: 72, render: (_, r) => <TrendText change={r.change} direction={r.direction} /> },
  ];
  return <Table<Row> rowKey="id" size="small" pagination={false} columns={columns} dataSource={h.grids} data-testid="grid-table" />;
}

function IdeaTable({ h }: { h: Hotspots }) {
  const { t } = useTranslation();
  type Row = Hotspots['ideaCategories'][number];
  const columns: TableColumnsType<Row> = [
    { title: t('analytics.hotspots.col.rank'), dataIndex: 'rank', width: 56 },
    { title: t('analytics.hotspots.col.category'), key: 'c', render: (_, r) => t(`analytics.ideaCategories.${r.category}`) },
    { title: t('analytics.hotspots.col.count'), dataIndex: 'current', width: 64 },
    { title: t('analytics.hotspots.col.previous'), dataIndex: 'previous', width: 64 },
    { title: t('analytics.hotspots.col.trend'), key: 'trend', width: 72, render: (_, r) => <TrendText change={r.change} direction={r.direction} /> },
  ];
  return <Table<Row> rowKey="category" size="small" pagination={false} columns={columns} dataSource={h.ideaCategories} data-testid="idea-table" />;
}
