// 历史与查询: every case of the caller's scope, closed and rejected by default, searched on the server by number,
// description or address and filtered by state, category, grid, channel and reporting dates; a page at a time
// (newest first) with the total; a row opens the case drawer.
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Button, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CASE_SOURCES, CASE_STATUSES, type CaseSource, type CaseStatus } from '../../../../shared/cases.ts';
import { useApi } from '../../../lib/useApi.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { fetchMatters, type CaseSummary } from '../api.ts';
import { searchCases, type HistoryQuery } from '../views-api.ts';
import { formatTime } from './clocks.ts';
import { StatusTag } from './tags.tsx';
import '../locales.ts';

const PAGE = 20;
const HISTORY_DEFAULT: CaseStatus[] = ['closed', 'rejected'];

interface Props {
  /** the grids to filter by; none: no grid filter */
  grids: { id: string; name: string }[];
  /** a unit every search stays inside (a grid worker's grid) */
  fixedOrgUnitId?: string;
  selectedId: string | null;
  onOpen(id: string): void;
  /** changes when a case changed (the drawer, live events): the page is read again */
  version: number;
}

export function HistoryPanel({ grids, fixedOrgUnitId, selectedId, onOpen, version }: Props) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<CaseStatus[]>(HISTORY_DEFAULT);
  const [category, setCategory] = useState<string[]>([]);
  const [grid, setGrid] = useState<string | undefined>();
  const [source, setSource] = useState<CaseSource[]>([]);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [applied, setApplied] = useState('');
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const query = useMemo<HistoryQuery>(
    () => ({ q: applied || undefined, status, category, source, orgUnitId: fixedOrgUnitId ?? grid, from, to }),
    [applied, status, category, source, fixedOrgUnitId, grid, from, to],
  );
  const key = JSON.stringify(query);
  // the cursors of the pages up to the one shown, for this search only: "previous" drops the last
  const [paging, setPaging] = useState<{ key: string; cursors: (string | null)[] }>({ key, cursors: [null] });
  const cursors = paging.key === key ? paging.cursors : [null];
  const cursor = cursors[cursors.length - 1] ?? null;
  const matters = useApi((signal) => fetchMatters(signal), []);
  const page = useApi((signal) => searchCases(query, cursor, PAGE, signal), [key, cursor, version]);

  const search = (q: string) => setApplied(q.trim());
  const reset = () => { setText(''); setApplied(''); setStatus(HISTORY_DEFAULT); setCategory([]); setGrid(undefined); setSource([]); setRange(null); };
  const turn = (next: (string | null)[]) => setPaging({ key, cursors: next });

  const categoryOptions = useMemo(() => (matters.data ?? []).map((m) => ({ value: m.code, label: m.name })), [matters.data]);
  const total = page.data?.total ?? 0;

  return (
    <div className="zz-history" data-testid="history-panel">
      <div className="zz-history-filters" data-testid="history-filters">
        <Input.Search
          allowClear placeholder={t('cviews.history.search')} value={text} onChange={(e) => setText(e.target.value)} onSearch={(v) => search(v)}
          enterButton={t('cviews.history.apply')} style={{ width: 300 }} data-testid="history-search"
        />
        <Select
          mode="multiple" allowClear maxTagCount="responsive" placeholder={t('cviews.history.status')} value={status} onChange={setStatus} style={{ width: 220 }}
          options={CASE_STATUSES.map((s) => ({ value: s, label: t(`cviews.status.${s}`) }))} data-testid="history-status"
        />
        <Select
          mode="multiple" allowClear maxTagCount="responsive" showSearch={{ optionFilterProp: 'label' }} placeholder={t('cviews.history.category')}
          value={category} onChange={setCategory} style={{ width: 200 }} options={categoryOptions} loading={matters.loading} data-testid="history-category"
        />
        {!fixedOrgUnitId && grids.length > 1 ? (
          <Select
            allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('cviews.history.grid')} value={grid} onChange={setGrid} style={{ width: 180 }}
            options={grids.map((g) => ({ value: g.id, label: g.name }))} data-testid="history-grid"
          />
        ) : null}
        <Select
          mode="multiple" allowClear maxTagCount="responsive" placeholder={t('cviews.history.channel')} value={source} onChange={setSource} style={{ width: 180 }}
          options={CASE_SOURCES.map((s) => ({ value: s, label: t(`wcase.sources.${s}`) }))} data-testid="history-channel"
        />
        <DatePicker.RangePicker
          value={range} onChange={(v) => setRange(v)} allowEmpty={[true, true]} placeholder={[t('cviews.history.from'), t('cviews.history.to')]}
          data-testid="history-dates"
        />
        <Button onClick={reset} data-testid="history-reset">{t('cviews.history.reset')}</Button>
      </div>
      {page.error ? <ErrorState error={page.error} onRetry={page.reload} /> : (
        <Table<CaseSummary>
          rowKey="id" size="middle" loading={page.loading} dataSource={page.data?.items ?? []} pagination={false} sticky
          locale={{ emptyText: t('cviews.history.empty') }} data-testid="history-table"
          onRow={(c) => ({ onClick: () => onOpen(c.id), style: { cursor: 'pointer' }, 'data-testid': 'history-row', 'data-number': c.number } as HTMLAttributes<HTMLElement>)}
          rowClassName={(c) => (c.id === selectedId ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t('wcase.col.number'), dataIndex: 'number', width: 220, render: (v: string) => <span className="zz-queue-number">{v}</span> },
            { title: t('wcase.col.category'), dataIndex: 'categoryName', width: 140, render: (v: string) => <strong>{v}</strong> },
            { title: t('wcase.drawer.description'), dataIndex: 'description', ellipsis: true },
            { title: t('wcase.col.address'), dataIndex: 'address', width: 170, ellipsis: true, render: (v: string | null) => v ?? '—' },
            { title: t('cviews.history.channel'), dataIndex: 'source', width: 110, render: (v: CaseSource) => t(`wcase.sources.${v}`) },
            { title: t('wcase.col.status'), dataIndex: 'status', width: 90, render: (s: CaseStatus) => <StatusTag status={s} /> },
            { title: t('cviews.history.reportedAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatTime(v, i18n.language) },
            { title: t('cviews.history.updatedAt'), dataIndex: 'updatedAt', width: 140, render: (v: string) => <span className="zz-muted">{formatTime(v, i18n.language)}</span> },
          ]}
        />
      )}
      <div className="zz-history-pager">
        <Typography.Text type="secondary" data-testid="history-total">{t('cviews.history.total', { count: total })}</Typography.Text>
        <Space>
          <span className="zz-muted">{t('cviews.history.page', { page: cursors.length })}</span>
          <Button size="small" icon={<LeftOutlined />} disabled={cursors.length < 2} onClick={() => turn(cursors.slice(0, -1))} data-testid="history-prev">{t('cviews.history.prev')}</Button>
          <Button size="small" disabled={!page.data?.nextCursor} onClick={() => { const next = page.data?.nextCursor; if (next) turn([...cursors, next]); }} data-testid="history-next">
            {t('cviews.history.next')}<RightOutlined />
          </Button>
        </Space>
      </div>
    </div>
  );
}
