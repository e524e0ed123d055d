// 执法事项清单 (一张清单): the enforcement matters of the reader's area with their source (法定 / 赋权 / 委托), the
// department that delegated them, the legal bases, the loop's case categories they enforce, and a drawer with the
// discretion benchmarks (the facts and the bands they place a case in).
import { useState } from 'react';
import { Button, Descriptions, Drawer, Empty, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { MATTER_SOURCES, type MatterSource } from '../../../shared/enforcement.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApi } from '../../lib/useApi.ts';
import { listMatters, type Matter } from './api.ts';
import { bandText, conditionsText, SourceTag } from './parts.tsx';
import './locales.ts';
import './enforcement.css';

export function MatterListPage() {
  const { t } = useTranslation();
  const [source, setSource] = useState<MatterSource | 'all'>('all');
  const [q, setQ] = useState<string | undefined>();
  const [text, setText] = useState('');
  const [open, setOpen] = useState<Matter | null>(null);
  const list = useApi((signal) => listMatters({ source: source === 'all' ? undefined : source, q }, signal), [source, q]);
  const counts = list.data?.counts;
  const total = counts ? counts.statutory + counts.empowered + counts.entrusted : null;

  const columns: TableColumnsType<Matter> = [
    { title: t('enf.matters.col.code'), dataIndex: 'code', width: 120, render: (v: string) => <span className="zz-code">{v}</span> },
    {
      title: t('enf.matters.col.name'), dataIndex: 'name',
      render: (v: string, m) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link strong onClick={() => setOpen(m)} data-testid="matter-link">{v}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.category}</Typography.Text>
        </Space>
      ),
    },
    { title: t('enf.matters.col.source'), dataIndex: 'source', width: 80, render: (s: MatterSource) => <SourceTag source={s} /> },
    { title: t('enf.matters.col.delegatedBy'), dataIndex: 'delegatedBy', width: 170, render: (v: string | null) => v ?? t('enf.none') },
    {
      title: t('enf.matters.col.basis'), key: 'basis',
      render: (_: unknown, m) => <span>{m.penaltyBasis.law}{m.penaltyBasis.article}</span>,
    },
    {
      title: t('enf.matters.col.loop'), key: 'loop', width: 170,
      render: (_: unknown, m) => (m.loopCategoryNames.length ? <span>{m.loopCategoryNames.map((n) => <Tag key={n} bordered={false}>{n}</Tag>)}</span> : t('enf.none')),
    },
    {
      title: t('enf.matters.col.benchmarks'), key: 'benchmarks', width: 120,
      render: (_: unknown, m) => <Button size="small" onClick={() => setOpen(m)} data-testid="matter-benchmarks">{t('enf.matters.benchmarksCount', { count: m.benchmarks.length })}</Button>,
    },
  ];

  return (
    <div className="zz-page" data-testid="enf-matters-page">
      <PageHeader title={t('enf.matters.title')} subtitle={t('enf.matters.subtitle')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<MatterSource | 'all'>
          value={source} onChange={setSource} data-testid="matter-source"
          options={[
            { value: 'all', label: `${t('enf.matters.allSources')}${total !== null ? ` ${total}` : ''}` },
            ...MATTER_SOURCES.map((s) => ({ value: s, label: `${t(`enf.sources.${s}`)}${counts ? ` ${counts[s]}` : ''}` })),
          ]}
        />
        <Input.Search
          allowClear style={{ width: 260 }} placeholder={t('enf.matters.q')} value={text} enterButton={t('enf.search')} data-testid="matter-search"
          onChange={(e) => { setText(e.target.value); if (!e.target.value) setQ(undefined); }} onSearch={(v) => setQ(v.trim() || undefined)}
        />
      </Space>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<Matter>
          rowKey="code" size="middle" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} pagination={false} data-testid="matter-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enf.matters.empty')} /> }}
          footer={() => <Typography.Text type="secondary">{t('enf.matters.count', { count: list.data?.items.length ?? 0 })}</Typography.Text>}
        />
      )}
      <BenchmarksDrawer matter={open} onClose={() => setOpen(null)} />
    </div>
  );
}

function BenchmarksDrawer({ matter, onClose }: { matter: Matter | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Drawer open={!!matter} onClose={onClose} size={640} title={matter ? t('enf.matters.drawer.title', { name: matter.name }) : ''} destroyOnHidden>
      {matter ? (
        <div data-testid="benchmarks-drawer">
          <Space size={6} style={{ marginBottom: 12 }} wrap>
            <SourceTag source={matter.source} />
            {matter.delegatedBy ? <Typography.Text type="secondary">{matter.delegatedBy}</Typography.Text> : null}
            <span className="zz-code">{matter.code}</span>
          </Space>
          <Descriptions size="small" column={1} bordered items={[
            { key: 'v', label: t('enf.matters.drawer.violation'), children: <Basis b={matter.violationBasis} /> },
            { key: 'p', label: t('enf.matters.drawer.penalty'), children: <Basis b={matter.penaltyBasis} /> },
          ]} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('enf.matters.drawer.facts')}</Typography.Title>
          <ul className="enf-fact-list">
            {matter.facts.map((f) => (
              <li key={f.key}>
                <strong>{f.label}</strong>
                {f.kind === 'number' ? <Typography.Text type="secondary">（{t('enf.matters.drawer.unit', { unit: f.unit })}）</Typography.Text> : null}
                {f.kind === 'choice' ? <Typography.Text type="secondary">：{f.options.map((o) => o.label).join(' / ')}</Typography.Text> : null}
                {f.optional ? <Tag bordered={false} style={{ marginInlineStart: 6 }}>{t('enf.matters.drawer.optional')}</Tag> : null}
                {f.hint ? <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.hint}</Typography.Text></div> : null}
              </li>
            ))}
          </ul>
          <Typography.Title level={5}>{t('enf.matters.drawer.benchmarks')}</Typography.Title>
          <Table
            rowKey="key" size="small" pagination={false} dataSource={matter.benchmarks} data-testid="benchmark-table"
            columns={[
              { title: t('enf.matters.drawer.benchmarks'), dataIndex: 'name', width: 90, render: (v: string) => <strong>{v}</strong> },
              { title: t('enf.matters.drawer.conditions'), key: 'c', render: (_: unknown, b) => <span>{conditionsText(t, matter.facts, b.conditions)}<div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{b.description}</Typography.Text></div></span> },
              { title: t('enf.matters.drawer.kind'), key: 'k', width: 200, render: (_: unknown, b) => bandText(t, b.penalty) },
            ]}
          />
        </div>
      ) : null}
    </Drawer>
  );
}

function Basis({ b }: { b: Matter['penaltyBasis'] }) {
  return (
    <div>
      <strong>{b.law}{b.article}</strong>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }} ellipsis={{ rows: 4, expandable: true, symbol: '…' }}>{b.text}</Typography.Paragraph>
    </div>
  );
}
