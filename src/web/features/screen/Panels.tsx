// The wall's panels around the map: today's figures against targets, the trends, the ranking board, the 24-hour duty
// roster, alarms, incidents, the live feed and the tiles of the units below. Each chart carries its numbers as a table
// (EChart's 「数据表」 toggle and a hidden copy for screen readers); lists are the windows the data hook keeps.
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { EChart, tableFromPairs, tableFromSeries, type EChartOption } from '../../ui/charts/EChart.tsx';
import type { ScreenAlarm, ScreenChild, ScreenFeedItem, ScreenIncident, ScreenRankingRow, ScreenSummary } from './api.ts';
import { LIGHT_COLORS } from './ScreenMap.tsx';

const AXIS = '#8fb3d9';
const SPLIT = 'rgba(143, 179, 217, 0.15)';
const SERIES_COLORS = ['#36cfc9', '#ffc53d', '#69b1ff', '#ff7a45', '#b37feb', '#95de64'];

export function Panel({ title, children, className, testId, extra }: { title: string; children: ReactNode; className?: string; testId?: string; extra?: ReactNode }) {
  return (
    <section className={['zz-wall-panel', className].filter(Boolean).join(' ')} data-testid={testId} aria-label={title}>
      <header className="zz-wall-panel-head"><h2>{title}</h2>{extra}</header>
      <div className="zz-wall-panel-body">{children}</div>
    </section>
  );
}

function useFormat() {
  const { t } = useTranslation();
  return (v: number | null, unit: string) => {
    if (v === null || v === undefined) return t('chart.noValue');
    const n = unit === 'percent' || unit === 'score' ? v.toFixed(1) : unit === 'count' ? String(Math.round(v)) : v.toFixed(1);
    return `${n}${t(`wall.units.${unit}`, { defaultValue: '' })}`;
  };
}

/** Today's figures: a tile each (value, target, light) and a bar chart of the percentages against their targets. */
export function FiguresPanel({ figures, paused }: { figures: ScreenSummary['today']; paused: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const percent = figures.filter((f) => f.unit === 'percent');
  const option = useMemo<EChartOption>(() => ({
    grid: { left: 8, right: 16, top: 24, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', max: 100, axisLabel: { color: AXIS }, splitLine: { lineStyle: { color: SPLIT } } },
    yAxis: { type: 'category', inverse: true, data: percent.map((f) => f.name), axisLabel: { color: '#d6e4ff', fontSize: 13 } },
    series: [
      {
        type: 'bar', name: t('wall.value'), barWidth: 10,
        data: percent.map((f) => ({ value: f.value ?? 0, itemStyle: { color: LIGHT_COLORS[f.light] } })),
      },
      {
        type: 'bar', name: t('wall.target'), barWidth: 4, barGap: '-70%',
        data: percent.map((f) => f.target ?? 0), itemStyle: { color: 'rgba(255,255,255,0.35)' },
      },
    ],
  }), [percent, t]);
  const table = tableFromSeries({
    caption: t('wall.figuresAria'), categoryLabel: t('wall.indicator'), categories: figures.map((f) => f.name),
    series: [
      { name: t('wall.value'), values: figures.map((f) => (f.value === null ? null : Number(f.value.toFixed(1)))) },
      { name: t('wall.target'), values: figures.map((f) => f.target) },
    ],
  });
  if (figures.length === 0) return <div className="zz-wall-empty">{t('wall.noFigures')}</div>;
  return (
    <div className="zz-wall-figures">
      <ul className="zz-wall-figure-tiles" data-testid="wall-figures">
        {figures.slice(0, 8).map((f) => (
          <li key={f.code} className={`zz-wall-figure zz-wall-light-${f.light}`}
            aria-label={t('wall.figureAria', { name: f.name, value: fmt(f.value, f.unit), target: fmt(f.target, f.unit), light: t(`wall.lights.${f.light}`) })}>
            <span className="zz-wall-figure-name">{f.name}</span>
            <span className="zz-wall-figure-value">{fmt(f.value, f.unit)}</span>
            <span className="zz-wall-figure-target">{t('wall.target')} {fmt(f.target, f.unit)}</span>
          </li>
        ))}
      </ul>
      {percent.length > 0 && (
        <EChart option={option} theme="dark" paused={paused} height={Math.max(120, percent.length * 26 + 30)} ariaLabel={t('wall.figuresAria')} table={table} notMerge />
      )}
    </div>
  );
}

/** The trends: one line per figure over the last days. */
export function TrendsPanel({ trends, paused }: { trends: ScreenSummary['trends']; paused: boolean }) {
  const { t } = useTranslation();
  const days = trends.days.map((d) => d.slice(5));
  const option = useMemo<EChartOption>(() => ({
    color: SERIES_COLORS,
    grid: { left: 8, right: 16, top: 36, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, left: 0, textStyle: { color: '#d6e4ff' }, itemHeight: 8 },
    xAxis: { type: 'category', data: days, axisLabel: { color: AXIS }, axisLine: { lineStyle: { color: SPLIT } } },
    yAxis: { type: 'value', axisLabel: { color: AXIS }, splitLine: { lineStyle: { color: SPLIT } } },
    series: trends.series.map((s) => ({ type: 'line', name: s.name, data: s.values, showSymbol: false, connectNulls: false, lineStyle: { width: 2 } })),
  }), [days, trends.series]);
  const table = tableFromSeries({
    caption: t('wall.trendsAria', { days: trends.days.length }), categoryLabel: t('wall.day'), categories: trends.days,
    series: trends.series.map((s) => ({ name: s.name, values: s.values.map((v) => (v === null ? null : Number(v.toFixed(1)))) })),
  });
  // series may shrink (a unit with fewer figures): replace rather than merge
  return <EChart option={option} theme="dark" paused={paused} height="100%" ariaLabel={t('wall.trendsAria', { days: trends.days.length })} table={table} notMerge />;
}

/** The ranking board of the units below: rank, name, value or stars, movement since the last period. */
export function RankingPanel({ rows, indicator }: { rows: readonly ScreenRankingRow[]; indicator: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <div className="zz-wall-empty">{t('wall.noRanking')}</div>;
  const move = (m: number | null) => (m === null || m === 0 ? { cls: 'same', text: t('wall.same'), mark: '–' }
    : m > 0 ? { cls: 'up', text: t('wall.up', { n: m }), mark: `▲${m}` } : { cls: 'down', text: t('wall.down', { n: -m }), mark: `▼${-m}` });
  return (
    <table className="zz-wall-ranking" data-testid="wall-ranking">
      <caption className="zz-sr-only">{t('wall.rankingAria')}</caption>
      <thead><tr><th scope="col">{t('wall.rank')}</th><th scope="col">{t('wall.unitName')}</th><th scope="col">{indicator === 'stars' ? t('wall.rankingBy.stars') : t('wall.value')}</th><th scope="col">{t('wall.movement')}</th></tr></thead>
      <tbody>
        {rows.map((r) => {
          const m = move(r.movement);
          return (
            <tr key={r.orgUnitId}>
              <td className="zz-wall-rank">{r.rank ?? '–'}</td>
              <th scope="row">{r.name}</th>
              <td>{indicator === 'stars' || (r.stars !== undefined && r.stars !== null && r.value === null)
                ? <span role="img" aria-label={t('wall.stars', { n: r.stars ?? 0 })}>{'★'.repeat(Math.round(r.stars ?? 0))}</span>
                : <span className={`zz-wall-light-text-${r.light}`}>{r.value === null ? t('chart.noValue') : r.value.toFixed(1)}</span>}</td>
              <td className={`zz-wall-move-${m.cls}`}><span aria-hidden="true">{m.mark}</span><span className="zz-sr-only">{m.text}</span></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Who is on duty in the next 24 hours. */
export function DutyPanel({ duty }: { duty: ScreenSummary['duty'] }) {
  const { t } = useTranslation();
  if (duty.length === 0) return <div className="zz-wall-empty">{t('wall.noDuty')}</div>;
  return (
    <ul className="zz-wall-list zz-wall-duty" data-testid="wall-duty">
      {duty.map((d, i) => (
        <li key={`${d.postName}-${d.from}-${i}`}>
          <span className="zz-wall-duty-post">{d.postName}</span>
          <span className="zz-wall-duty-person">{d.personName}</span>
          <span className="zz-wall-duty-phone" translate="no">{d.phoneMasked ?? ''}</span>
          <span className="zz-wall-duty-time">{t('wall.dutyTime', { from: dayjs(d.from).format('HH:mm'), to: dayjs(d.to).format('HH:mm') })}</span>
        </li>
      ))}
    </ul>
  );
}

/** The open alarms, newest first; active ones flash, just-arrived ones flash harder. */
export function AlarmsPanel({ alarms, fresh }: { alarms: readonly ScreenAlarm[]; fresh: ReadonlySet<string> }) {
  const { t } = useTranslation();
  if (alarms.length === 0) return <div className="zz-wall-empty">{t('wall.noAlarms')}</div>;
  return (
    <ul className="zz-wall-list zz-wall-alarms" data-testid="wall-alarms" aria-live="polite">
      {alarms.map((a) => (
        <li key={a.id} data-testid="wall-alarm" data-alarm-id={a.id} data-status={a.status}
          className={`zz-wall-alarm-row zz-wall-sev-${a.severity}${a.status === 'active' ? ' zz-wall-alarm-row-active' : ''}${fresh.has(a.id) ? ' zz-wall-alarm-row-fresh' : ''}`}>
          <span className="zz-wall-sev-dot" role="img" aria-label={t('wall.severity.' + a.severity)} />
          <span className="zz-wall-alarm-type">{a.typeName}</span>
          <span className="zz-wall-alarm-place">{a.placeName}</span>
          <span className="zz-wall-alarm-status">{t(`wall.alarmStatus.${a.status}`)}</span>
          <time dateTime={a.raisedAt}>{dayjs(a.raisedAt).format('HH:mm')}</time>
        </li>
      ))}
    </ul>
  );
}

export function IncidentsPanel({ incidents }: { incidents: readonly ScreenIncident[] }) {
  const { t } = useTranslation();
  if (incidents.length === 0) return <div className="zz-wall-empty">{t('wall.noIncidents')}</div>;
  return (
    <ul className="zz-wall-list zz-wall-incidents" data-testid="wall-incidents">
      {incidents.map((i) => (
        <li key={i.id}>
          <span className="zz-wall-incident-level">{t(`wall.incidentLevel.${i.level}`)}</span>
          <span className="zz-wall-incident-title">{i.title}</span>
          {i.drill && <span className="zz-wall-tag">{t('wall.drill')}</span>}
          <time dateTime={i.startedAt}>{dayjs(i.startedAt).format('MM-DD HH:mm')}</time>
        </li>
      ))}
    </ul>
  );
}

export function FeedPanel({ feed }: { feed: readonly ScreenFeedItem[] }) {
  const { t } = useTranslation();
  if (feed.length === 0) return <div className="zz-wall-empty">{t('wall.noFeed')}</div>;
  return (
    <ol className="zz-wall-list zz-wall-feed" data-testid="wall-feed">
      {feed.map((f) => (
        <li key={`${f.kind}-${f.refId}-${f.at}`} className={`zz-wall-feed-${f.kind}`}>
          <time dateTime={f.at}>{dayjs(f.at).format('HH:mm:ss')}</time>
          <span className="zz-wall-tag">{t(`wall.feedKinds.${f.kind}`)}</span>
          <span className="zz-wall-feed-text">{f.text}</span>
        </li>
      ))}
    </ol>
  );
}

/** The units below as tiles (open, red, alarms) with a pie of their open cases; a click drills down. */
export function ChildrenTiles({ items, onDrill, paused }: { items: readonly ScreenChild[]; onDrill(id: string): void; paused: boolean }) {
  const { t } = useTranslation();
  const option = useMemo<EChartOption>(() => ({
    color: SERIES_COLORS,
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['45%', '75%'], label: { show: false }, data: items.map((c) => ({ name: c.name, value: c.openCases })) }],
  }), [items]);
  if (items.length === 0) return <div className="zz-wall-empty">{t('wall.noChildren')}</div>;
  const table = tableFromPairs({ caption: t('wall.panels.cases'), nameLabel: t('wall.unitName'), valueLabel: t('wall.figuresOf.open'), pairs: items.map((c) => ({ name: c.name, value: c.openCases })) });
  return (
    <div className="zz-wall-children">
      <EChart option={option} theme="dark" paused={paused} height={120} ariaLabel={t('wall.panels.cases')} table={table} notMerge />
      <ul className="zz-wall-tiles" data-testid="wall-children">
        {items.map((c) => (
          <li key={c.id}>
            <button type="button" className={`zz-wall-tile${c.redCases > 0 ? ' zz-wall-tile-red' : ''}`} data-testid="wall-child" data-unit-id={c.id}
              onClick={() => onDrill(c.id)} title={t('wall.drillTo', { name: c.name })}>
              <span className="zz-wall-tile-name">{c.name}</span>
              <span className="zz-wall-tile-figures">{t('wall.childTile', { open: c.openCases, red: c.redCases, alarms: c.activeAlarms })}</span>
              {c.stars !== undefined && c.stars !== null && <span className="zz-wall-tile-stars" role="img" aria-label={t('wall.stars', { n: c.stars })}>{'★'.repeat(c.stars)}</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
