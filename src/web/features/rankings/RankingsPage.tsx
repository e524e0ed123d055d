// 赛马比拼 (/rankings): the board of a level's units (网格/社区/街道) under the caller's town by an indicator or by the
// published stars, with each unit's rank, value, light and movement since the period before, the top ten as bars; and the
// 线上通报: the bulletins kept, generate this period's, view what one said, download its Word file.
import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Drawer, Empty, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RATING_LEVELS, type RatingLevel } from '../../../shared/ratings.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { EChart, tableFromSeries } from '../../ui/charts/EChart.tsx';
import { useApi } from '../../lib/useApi.ts';
import { errorText } from '../../lib/api.ts';
import { fetchCatalog, formatValue, LightDot, monthOf } from '../indicators/public.ts';
import { downloadBulletin, fetchBoard, fetchBulletin, fetchBulletins, generateBulletin, type BoardRow, type Bulletin, type BulletinSummary } from './api.ts';
import { Movement, STAR_TEXT } from './parts.tsx';
import './locales.ts';

const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

export function RankingsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const lang = i18n.language;
  const [level, setLevel] = useState<RatingLevel>('grid');
  const [indicator, setIndicator] = useState('closeRate');
  const [period, setPeriod] = useState(() => monthOf(dayjs().subtract(1, 'month')));
  const catalog = useApi((signal) => fetchCatalog(signal), []);
  const board = useApi((signal) => fetchBoard({ level, indicator, period }, signal), [level, indicator, period]);
  const bulletins = useApi((signal) => fetchBulletins(signal), []);
  const [viewing, setViewing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const unit = board.data?.indicator.unit ?? 'count';
  const stars = indicator === 'stars';
  const columns: TableColumnsType<BoardRow> = [
    { title: t('rank.col.rank'), dataIndex: 'rank', width: 80, align: 'center', render: (v: number | null) => (v === null ? '—' : <RankBadge rank={v} />) },
    { title: t('rank.col.name'), dataIndex: 'name', render: (v: string) => <span data-testid="ranking-name">{v}</span> },
    ...(stars ? [{ title: t('rank.col.stars'), dataIndex: 'stars', width: 130, render: (v: number | null) => <span style={{ color: '#d4a106' }} aria-label={v === null ? t('rank.unranked') : `${v}`}>{STAR_TEXT(v)}</span> }] : []),
    {
      title: t('rank.col.value'), key: 'value', width: 140, align: 'right',
      render: (_: unknown, r) => <span data-testid="ranking-value">{stars ? null : <LightDot light={r.light} />}{formatValue(r.value, stars ? 'score' : unit, lang)}</span>,
    },
    { title: t('rank.col.movement'), dataIndex: 'movement', width: 100, align: 'center', render: (v: number | null) => <Movement movement={v} /> },
    { title: t('rank.col.previousRank'), dataIndex: 'previousRank', width: 100, align: 'center', render: (v: number | null) => v ?? '—' },
  ];
  const ranked = (board.data?.rows ?? []).filter((r) => r.rank !== null).slice(0, 10);
  const indicatorName = board.data?.indicator.name ?? '';
  const caption = t('rank.chartCaption', { indicator: indicatorName });

  const generate = async () => {
    setBusy(true);
    try {
      const b = await generateBulletin({ level, period, parentId: board.data?.parent.id }, newKey());
      message.success(t('rank.generated'));
      bulletins.reload();
      setViewing(b.id);
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const download = async (b: BulletinSummary) => {
    try { await downloadBulletin(b.id, `${b.title}.docx`); } catch (e) { message.error(errorText(e, lang)); }
  };

  return (
    <>
      <PageHeader title={t('rank.title')} subtitle={t('rank.subtitle')} />
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <Space>{t('rank.level')}<Segmented<RatingLevel> value={level} onChange={setLevel} options={RATING_LEVELS.map((l) => ({ value: l, label: t(`rank.levels.${l}`) }))} data-testid="ranking-level" /></Space>
        <Space>{t('rank.indicator')}
          <Select value={indicator} onChange={setIndicator} style={{ width: 200 }} showSearch optionFilterProp="label" data-testid="ranking-indicator"
            options={[{ value: 'stars', label: t('rank.stars') }, ...(catalog.data?.items ?? []).filter((d) => !d.archived).map((d) => ({ value: d.code, label: d.name }))]} />
        </Space>
        <Space>{t('rank.period')}<DatePicker picker="month" allowClear={false} value={dayjs(`${period}-01`)} onChange={(d) => d && setPeriod(monthOf(d))} data-testid="ranking-period" /></Space>
        {board.data ? <Space>{t('rank.unit')}<Typography.Text strong>{board.data.parent.name}</Typography.Text></Space> : null}
      </Space>
      {board.error ? <ErrorState error={board.error} onRetry={board.reload} /> : (
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <Card size="small" title={indicatorName ? `${indicatorName} · ${t(`rank.levels.${level}`)}` : t('rank.title')}>
              <Table<BoardRow> rowKey="orgUnitId" size="small" loading={board.loading} columns={columns} dataSource={board.data?.rows ?? []}
                pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: t('rank.empty') }} data-testid="ranking-board" />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={caption}>
              {ranked.length === 0 ? <Empty description={t('rank.empty')} /> : (
                <EChart height={Math.max(200, ranked.length * 30 + 40)} ariaLabel={caption} notMerge
                  table={tableFromSeries({ caption, categoryLabel: t('rank.chartUnit'), categories: ranked.map((r) => r.name), series: [{ name: indicatorName, values: ranked.map((r) => r.value) }] })}
                  option={{
                    grid: { left: 110, right: 24, top: 8, bottom: 24 },
                    tooltip: { trigger: 'axis' },
                    xAxis: { type: 'value', min: 0 },
                    yAxis: { type: 'category', inverse: true, data: ranked.map((r) => r.name), axisLabel: { width: 100, overflow: 'truncate' } },
                    series: [{ type: 'bar', name: indicatorName, data: ranked.map((r) => ({ value: r.value, itemStyle: { color: r.light === 'red' ? '#cf1322' : r.light === 'yellow' ? '#d4a106' : '#1f5fa8' } })) }],
                  }} />
              )}
            </Card>
          </Col>
        </Row>
      )}
      <Card size="small" style={{ marginTop: 16 }} title={t('rank.bulletins')} data-testid="bulletins"
        extra={bulletins.data?.policies.includes('generate')
          ? <Button type="primary" icon={<FileAddOutlined />} loading={busy} onClick={generate} data-testid="bulletin-generate">{t('rank.generate')}</Button> : null}>
        {bulletins.error ? <ErrorState error={bulletins.error} onRetry={bulletins.reload} /> : (
          <Table<BulletinSummary> rowKey="id" size="small" loading={bulletins.loading} dataSource={bulletins.data?.items ?? []} pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('rank.noBulletins') }} data-testid="bulletin-list"
            columns={[
              { title: t('rank.bulletinCol.title'), dataIndex: 'title', render: (v: string, b) => <Button type="link" style={{ padding: 0 }} onClick={() => setViewing(b.id)} data-testid="bulletin-title">{v}</Button> },
              { title: t('rank.bulletinCol.period'), dataIndex: 'period', width: 100 },
              { title: t('rank.bulletinCol.by'), dataIndex: 'generatedByName', width: 100, render: (v: string | null) => v ?? '—' },
              { title: t('rank.bulletinCol.at'), dataIndex: 'generatedAt', width: 160, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
              {
                title: t('rank.bulletinCol.actions'), key: 'a', width: 150,
                render: (_: unknown, b) => <Space size={4}>
                  <Button size="small" type="link" onClick={() => setViewing(b.id)}>{t('rank.view')}</Button>
                  <Button size="small" type="link" icon={<DownloadOutlined />} onClick={() => download(b)} data-testid="bulletin-download">{t('rank.download')}</Button>
                </Space>,
              },
            ]} />
        )}
      </Card>
      {viewing ? <BulletinDrawer id={viewing} onClose={() => setViewing(null)} onDownload={download} /> : null}
    </>
  );
}

function RankBadge({ rank }: { rank: number }) {
  const colors = ['#d4a106', '#8c8c8c', '#ad6800'];
  return rank <= 3
    ? <Tag color={colors[rank - 1]} style={{ marginInlineEnd: 0, minWidth: 28, textAlign: 'center' }}>{rank}</Tag>
    : <span>{rank}</span>;
}

function BulletinDrawer({ id, onClose, onDownload }: { id: string; onClose(): void; onDownload(b: Bulletin): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const b = useApi((signal) => fetchBulletin(id, signal), [id]);
  const s = b.data?.snapshot;
  const line = (rows: BoardRow[], unit: string) => (rows.length === 0 ? t('rank.snapshot.none') : rows.map((r) =>
    `${r.rank ?? '—'}. ${r.name}（${unit === 'stars' ? `${STAR_TEXT(r.stars)} ${formatValue(r.value, 'score', lang)}` : formatValue(r.value, unit, lang)}）`).join('；'));
  const moves = (rows: BoardRow[]) => (rows.length === 0 ? t('rank.snapshot.none') : rows.map((r) =>
    `${r.name}（${(r.movement ?? 0) > 0 ? t('rank.up', { n: r.movement }) : t('rank.down', { n: -(r.movement ?? 0) })}）`).join('；'));
  return (
    <Drawer open width={720} onClose={onClose} title={b.data?.title ?? t('rank.bulletins')} data-testid="bulletin-drawer"
      extra={b.data ? <Button icon={<DownloadOutlined />} onClick={() => onDownload(b.data!)}>{t('rank.download')}</Button> : null}>
      {b.error ? <ErrorState error={b.error} onRetry={b.reload} /> : !s ? null : <>
        {s.boards.map((board) => (
          <Card key={board.indicator.code} size="small" style={{ marginBottom: 12 }} data-testid="bulletin-board"
            title={`${board.indicator.name}`} extra={t('rank.snapshot.units', { n: board.units })}>
            <p><Typography.Text strong>{t('rank.snapshot.top')}：</Typography.Text>{line(board.top, board.indicator.unit)}</p>
            <p><Typography.Text strong>{t('rank.snapshot.bottom')}：</Typography.Text>{line(board.bottom, board.indicator.unit)}</p>
            <p><Typography.Text strong>{t('rank.snapshot.risers')}：</Typography.Text>{moves(board.risers)}</p>
            <p style={{ marginBottom: 0 }}><Typography.Text strong>{t('rank.snapshot.fallers')}：</Typography.Text>{moves(board.fallers)}</p>
          </Card>
        ))}
        <Card size="small" title={t('rank.snapshot.reds')} data-testid="bulletin-reds">
          {s.reds.length === 0 ? t('rank.snapshot.noReds') : (
            <Table size="small" rowKey={(r) => `${r.orgUnitId}-${r.indicatorCode}`} pagination={false} dataSource={s.reds}
              columns={[
                { title: t('rank.col.name'), dataIndex: 'unitName' },
                { title: t('rank.indicator'), dataIndex: 'indicatorName' },
                { title: t('rank.col.value'), key: 'v', align: 'right', render: (_: unknown, r) => <><LightDot light="red" />{formatValue(r.value, r.unit, lang)}</> },
              ]} />
          )}
        </Card>
      </>}
    </Drawer>
  );
}
