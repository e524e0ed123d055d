// 金点子 (城市治理我建言): residents' ideas of the caller's area by support or newest, screened (采纳 / 不采纳 with a note)
// and answered; the quarter's ranking — the published top ten, or the live ranking marked unpublished with 公布十佳
// for those who may publish it.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, Popconfirm, Radio, Segmented, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { IDEA_CATEGORIES, IDEA_STATUSES, PARTICIPATION_LIMITS, type IdeaCategory, type IdeaStatus } from '../../../shared/participation.ts';
import { errorText } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { useCursorList } from '../../lib/useCursorList.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { fetchTop, listIdeas, publishTop, respondIdea, screenIdea, type Idea, type IdeaFilter } from './api.ts';
import { FieldsDialog, IdeaStatusTag, timeText } from './parts.tsx';
import './locales.ts';

/** yyyyQn of a day (the server counts quarters in Asia/Shanghai; the page's clock is the user's). */
export function quarterOf(d: dayjs.Dayjs): string {
  return `${d.year()}Q${Math.floor(d.month() / 3) + 1}`;
}

export function IdeasPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('list');
  return (
    <div className="zz-page" data-testid="ideas-page">
      <PageHeader title={t('participation.ideas.title')} subtitle={t('participation.ideas.subtitle')} />
      <Tabs activeKey={tab} onChange={setTab} destroyOnHidden items={[
        { key: 'list', label: t('participation.ideas.tabs.list'), children: <IdeaList /> },
        { key: 'top', label: <span data-testid="ideas-tab-top">{t('participation.ideas.tabs.top')}</span>, children: <TopTen /> },
      ]} />
    </div>
  );
}

function IdeaList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<IdeaFilter>({ sort: 'support' });
  const [dialog, setDialog] = useState<{ idea: Idea; kind: 'screen' | 'respond' } | null>(null);
  const [accepted, setAccepted] = useState(true);
  const { items, nextCursor, loading, error, more, reload } = useCursorList(listIdeas, filter);
  const set = (patch: Partial<IdeaFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const columns: TableColumnsType<Idea> = [
    {
      title: t('participation.ideas.col.idea'), key: 'idea',
      render: (_: unknown, i) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong data-testid="idea-title">{i.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>{i.body}</Typography.Text>
          {i.screenNote ? <Typography.Text style={{ fontSize: 12 }}><Tag bordered={false}>{t('participation.ideas.screenNote')}</Tag>{i.screenNote}</Typography.Text> : null}
          {i.response ? <Typography.Text style={{ fontSize: 12 }} data-testid="idea-response"><Tag bordered={false} color="green">{t('participation.ideas.response')}</Tag>{i.response}</Typography.Text> : null}
        </Space>
      ),
    },
    { title: t('participation.ideas.col.category'), dataIndex: 'category', width: 90, render: (c: IdeaCategory | null) => (c ? t(`participation.ideaCategories.${c}`) : '—') },
    { title: t('participation.ideas.col.author'), key: 'author', width: 140, render: (_: unknown, i) => <Space orientation="vertical" size={0}><span>{i.authorName}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.orgUnitName}</Typography.Text></Space> },
    { title: t('participation.ideas.col.supports'), dataIndex: 'supportCount', width: 70, align: 'right' },
    { title: t('participation.ideas.col.status'), dataIndex: 'status', width: 90, render: (s: IdeaStatus) => <IdeaStatusTag value={s} /> },
    { title: t('participation.ideas.col.created'), dataIndex: 'createdAt', width: 140, render: (v: string) => timeText(v) },
    {
      title: t('participation.ideas.col.actions'), key: 'actions', width: 130,
      render: (_: unknown, i) => (
        <Space>
          {i.policies.includes('screen') ? <Button size="small" type="primary" onClick={() => { setAccepted(true); setDialog({ idea: i, kind: 'screen' }); }} data-testid="idea-screen">{t('participation.ideas.screen')}</Button> : null}
          {i.policies.includes('respond') ? <Button size="small" onClick={() => setDialog({ idea: i, kind: 'respond' })} data-testid="idea-respond">{t('participation.ideas.respond')}</Button> : null}
        </Space>
      ),
    },
  ];

  const L = PARTICIPATION_LIMITS;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented value={filter.sort ?? 'support'} onChange={(v) => set({ sort: v as 'support' | 'newest' })}
          options={(['support', 'newest'] as const).map((s) => ({ value: s, label: t(`participation.ideas.sort.${s}`) }))} />
        <Select allowClear style={{ width: 130 }} placeholder={t('participation.ideas.status')} value={filter.status} onChange={(v?: IdeaStatus) => set({ status: v })}
          options={IDEA_STATUSES.map((x) => ({ value: x, label: t(`participation.ideaStatus.${x}`) }))} data-testid="idea-filter-status" />
        <Select allowClear style={{ width: 130 }} placeholder={t('participation.ideas.category')} value={filter.category} onChange={(v?: IdeaCategory) => set({ category: v })}
          options={IDEA_CATEGORIES.map((x) => ({ value: x, label: t(`participation.ideaCategories.${x}`) }))} />
        <Button onClick={() => setFilter({ sort: 'support' })}>{t('participation.reset')}</Button>
      </Space>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<Idea> rowKey="id" size="middle" columns={columns} dataSource={items} loading={loading} pagination={false}
          onRow={(i) => ({ 'data-testid': 'idea-row', 'data-id': i.id } as React.HTMLAttributes<HTMLElement>)}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('participation.ideas.empty')} /> }}
          footer={() => <Typography.Text type="secondary">{t('participation.count', { count: items.length })}</Typography.Text>} />
      )}
      {nextCursor ? <Button block style={{ marginTop: 8 }} onClick={more}>{t('participation.more')}</Button> : null}
      {dialog?.kind === 'screen' ? (
        <FieldsDialog open title={t('participation.ideas.screenTitle', { title: dialog.idea.title })} testId="idea-screen-dialog"
          hint={<Radio.Group value={accepted} onChange={(e) => setAccepted(e.target.value as boolean)} data-testid="idea-accept"
            options={[{ value: true, label: t('participation.ideas.accept') }, { value: false, label: t('participation.ideas.reject') }]} />}
          fields={[{ name: 'note', label: t('participation.ideas.screenNote'), kind: 'textarea', required: true, max: L.reason, placeholder: t('participation.ideas.notePh') }]}
          send={(v) => screenIdea(dialog.idea.id, { accepted, note: v.note! })}
          onClose={() => setDialog(null)} onDone={() => { setDialog(null); void message.success(t('participation.ideas.screened')); reload(); }} />
      ) : null}
      {dialog?.kind === 'respond' ? (
        <FieldsDialog open title={t('participation.ideas.respondTitle', { title: dialog.idea.title })} testId="idea-respond-dialog"
          fields={[{ name: 'response', label: t('participation.ideas.response'), kind: 'textarea', required: true, max: L.body, placeholder: t('participation.ideas.responsePh') }]}
          send={(v) => respondIdea(dialog.idea.id, v.response!)}
          onClose={() => setDialog(null)} onDone={() => { setDialog(null); void message.success(t('participation.ideas.responded')); reload(); }} />
      ) : null}
    </>
  );
}

function TopTen() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  // this quarter and the four before it
  const quarters = useMemo(() => Array.from({ length: 5 }, (_, i) => quarterOf(dayjs().subtract(i * 3, 'month'))), []);
  const [quarter, setQuarter] = useState<string>(quarters[1]!);
  const [tick, setTick] = useState(0);
  const top = useApi((signal) => fetchTop(quarter, signal), [quarter, tick]);
  const label = (q: string) => t('participation.ideas.quarterLabel', { year: q.slice(0, 4), q: q.slice(5) });
  const publish = async () => {
    try { await publishTop(quarter); void message.success(t('participation.ideas.publishedOk')); setTick((n) => n + 1); } catch (e) { void message.error(errorText(e, i18n.language)); }
  };
  const d = top.data;
  return (
    <Card size="small" data-testid="ideas-top"
      title={(
        <Space>
          <Select value={quarter} onChange={setQuarter} style={{ width: 170 }} options={quarters.map((q) => ({ value: q, label: label(q) }))} data-testid="top-quarter" />
          {d ? (d.published
            ? <Tag color="success" data-testid="top-published">{t('participation.ideas.published', { time: timeText(d.publishedAt) })}</Tag>
            : <Tag color="warning" data-testid="top-unpublished">{t('participation.ideas.unpublished')}</Tag>) : null}
          {d ? <Typography.Text type="secondary">{d.townName}</Typography.Text> : null}
        </Space>
      )}
      extra={d && !d.published && d.policies.includes('publish') && d.items.length > 0 ? (
        <Popconfirm title={t('participation.ideas.publishConfirm', { quarter: label(quarter) })} okText={t('participation.ok')} cancelText={t('participation.cancel')} onConfirm={() => void publish()}>
          <Button type="primary" data-testid="top-publish">{t('participation.ideas.publish')}</Button>
        </Popconfirm>
      ) : null}>
      {top.error ? <ErrorState error={top.error} onRetry={() => setTick((n) => n + 1)} /> : (
        <>
          {d && !d.published ? <Alert type="info" showIcon title={t('participation.ideas.unpublished')} style={{ marginBottom: 12 }} /> : null}
          <Table size="middle" rowKey="ideaId" loading={top.loading} dataSource={d?.items ?? []} pagination={false} data-testid="top-table"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('participation.ideas.topEmpty')} /> }}
            columns={[
              { title: t('participation.ideas.rank'), dataIndex: 'rank', width: 60, render: (r: number) => <Tag color={r <= 3 ? 'gold' : undefined}>{r}</Tag> },
              {
                title: t('participation.ideas.col.idea'), key: 'title',
                render: (_: unknown, x: NonNullable<typeof d>['items'][number]) => (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text strong>{x.title}</Typography.Text>
                    {x.response ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('participation.ideas.response')}：{x.response}</Typography.Text> : null}
                  </Space>
                ),
              },
              { title: t('participation.ideas.col.category'), dataIndex: 'category', width: 90, render: (c: IdeaCategory | null) => (c ? t(`participation.ideaCategories.${c}`) : '—') },
              { title: t('participation.ideas.col.author'), dataIndex: 'authorName', width: 90 },
              { title: t('participation.ideas.col.supports'), dataIndex: 'supportCount', width: 70, align: 'right' },
              { title: t('participation.ideas.col.status'), dataIndex: 'status', width: 90, render: (s: IdeaStatus) => <IdeaStatusTag value={s} /> },
            ]} />
        </>
      )}
    </Card>
  );
}
