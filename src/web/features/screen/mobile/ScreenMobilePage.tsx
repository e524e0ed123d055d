// 指挥一览 on the leaders' phones (/m/screen): the command screen made compact — the unit's counts, today's figures
// against targets, standing alarms, active incidents, the children's board and the live feed — for the unit in the URL
// (?unit=, default the caller's scope), drilling down by tapping a unit below. Alarms and incidents arrive over
// /api/events: a toast, and the summary is read again (at once for an alarm, else at most every 10 s).
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, DotLoading, ErrorBlock, List, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { errorText } from '../../../lib/api.ts';
import { useAuth } from '../../../app/auth.tsx';
import { MobilePage } from '../../cases/public.ts';
import { formatValue } from '../../indicators/public.ts';
import { fetchScreenSummary, type ScreenSummary } from '../api.ts';
import { openLive, type LiveState } from '../live.ts';
import type { ScreenLiveChange } from '../../../../server/screen/screen-schemas.ts';
import './locales.ts';
import './screen-mobile.css';

const LIGHT_COLOR: Record<string, string> = { green: '#27ae60', yellow: '#e6a700', red: '#d63031', none: '#b8c0cc' };
const SEVERITY_COLOR: Record<string, string> = { red: '#d63031', orange: '#e67e22', yellow: '#e6a700' };
/** the summary is read again at most this often for case changes (an alarm or incident: at once) */
const CALM_MS = 10_000;
const SHOWN = 5;

function useSummary(unitId: string | null) {
  const [data, setData] = useState<ScreenSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    fetchScreenSummary(unitId, ctrl.signal).then(
      (s) => { setData(s); setError(null); },
      (e: unknown) => { if (!ctrl.signal.aborted) setError(e); },
    );
    return () => ctrl.abort();
  }, [unitId, tick]);
  return { data, error, reload: () => setTick((n) => n + 1) };
}

export function ScreenMobilePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { logout } = useAuth();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit');
  const { data, error, reload } = useSummary(unitId);
  const [live, setLive] = useState<LiveState>('connecting');
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const reloadRef = useRef(reload);
  reloadRef.current = reload;

  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const soon = (now: boolean) => {
      if (timer) return;
      const wait = now ? 0 : Math.max(0, last + CALM_MS - Date.now());
      timer = setTimeout(() => { timer = null; last = Date.now(); reloadRef.current(); }, wait);
    };
    const conn = openLive({
      onEvent(name, payload) {
        if (name === 'alarm' || name === 'incident') {
          const c = payload as ScreenLiveChange;
          if (c.action === 'raised') Toast.show({ content: t('mscreen.arrived', { name: t(`mscreen.severity.${c.level}`) }), position: 'top' });
          if (c.action === 'activated') Toast.show({ content: t('mscreen.incidentArrived', { title: c.title ?? c.number ?? '' }), position: 'top' });
          soon(true);
        } else if (name === 'case') soon(false);
      },
      onState: setLive,
      onAlive: () => undefined,
      onReconnected: () => soon(true),
      onUnauthorized: () => void logout(),
    });
    return () => { conn.close(); if (timer) clearTimeout(timer); };
  }, [t, logout]);

  const go = (id: string | null) => setParams(id ? { unit: id } : {});
  const more = (key: string, count: number) => count > SHOWN ? (
    <Button size="mini" fill="none" color="primary" onClick={() => setOpen((o) => ({ ...o, [key]: !o[key] }))}>
      {open[key] ? t('mscreen.less') : t('mscreen.more', { count })}
    </Button>
  ) : null;
  const shown = <T,>(key: string, xs: T[]) => (open[key] ? xs : xs.slice(0, SHOWN));

  if (!data) {
    return (
      <MobilePage title={t('mscreen.title')} testId="m-screen">
        {error ? (
          <ErrorBlock status="default" title={t('mscreen.loadFailed')} description={errorText(error, lang)}>
            <Button color="primary" onClick={reload}>{t('mscreen.retry')}</Button>
          </ErrorBlock>
        ) : <div style={{ textAlign: 'center', padding: 32 }}><DotLoading /></div>}
      </MobilePage>
    );
  }

  const s = data;
  const crumbs = s.breadcrumb;
  const parent = crumbs.length > 1 ? crumbs[crumbs.length - 2]! : null;
  const openCases = s.children.reduce((n, k) => n + k.openCases, 0) || s.liveCases.length;
  const red = s.children.length ? s.children.reduce((n, k) => n + k.redCases, 0) : s.liveCases.filter((c) => c.light === 'red').length;
  const time = (iso: string) => dayjs(iso).format(dayjs(iso).isSame(dayjs(), 'day') ? 'HH:mm' : 'MM-DD HH:mm');
  const liveTag = live === 'open' ? <Tag color="success" fill="outline">{t('mscreen.live')}</Tag>
    : <Tag color={live === 'down' ? 'danger' : 'default'} fill="outline">{t(live === 'down' ? 'mscreen.down' : 'mscreen.connecting')}</Tag>;

  return (
    <MobilePage title={`${s.unit.name} · ${t('mscreen.title')}`} testId="m-screen">
      <div className="ms-head">
        <div className="ms-crumbs" data-testid="m-screen-crumbs">
          {crumbs.map((c, i) => (
            <span key={c.id}>
              {i > 0 ? <span className="ms-sep">/</span> : null}
              {i < crumbs.length - 1 ? <a onClick={() => go(i === 0 ? null : c.id)}>{c.name}</a> : <strong>{c.name}</strong>}
            </span>
          ))}
        </div>
        <div className="ms-status">{liveTag}<span>{t('mscreen.updatedAt', { time: dayjs(s.generatedAt).format('HH:mm:ss') })}</span>
          {parent ? <Button size="mini" fill="outline" onClick={() => go(crumbs.length === 2 ? null : parent.id)}>{t('mscreen.up')}</Button> : null}
        </div>
      </div>

      <div className="ms-counts" data-testid="m-screen-counts">
        {([['open', openCases, '#2f7bd8'], ['red', red, LIGHT_COLOR.red], ['alarms', s.alarms.length, '#e67e22'], ['incidents', s.incidents.length, '#8e44ad']] as const).map(([k, n, color]) => (
          <div key={k} className="ms-count"><strong style={{ color }}>{n}</strong><small>{t(`mscreen.counts.${k}`)}</small></div>
        ))}
      </div>

      <List header={t('mscreen.today')} data-testid="m-screen-today">
        <div className="ms-figures">
          {s.today.map((f) => (
            <div key={f.code} className="ms-figure" style={{ borderColor: LIGHT_COLOR[f.light] }} data-testid="m-screen-figure">
              <small>{f.name}</small>
              <strong style={{ color: f.light === 'none' ? undefined : LIGHT_COLOR[f.light] }}>{formatValue(f.value, f.unit, lang)}</strong>
              <small className="ms-muted">{f.target === null ? t('mscreen.noTarget') : t('mscreen.target', { value: formatValue(f.target, f.unit, lang) })}</small>
            </div>
          ))}
        </div>
      </List>

      <List header={<span>{t('mscreen.alarms')} {more('alarms', s.alarms.length)}</span>} data-testid="m-screen-alarms">
        {s.alarms.length === 0 ? <List.Item><span className="ms-muted">{t('mscreen.noAlarms')}</span></List.Item> : shown('alarms', s.alarms).map((a) => (
          <List.Item key={a.id} data-testid="m-screen-alarm"
            prefix={<span className="ms-dot" style={{ background: SEVERITY_COLOR[a.severity] }} />}
            description={`${a.placeName} · ${time(a.raisedAt)}`}
            extra={<Tag color={a.status === 'active' ? 'danger' : 'warning'} fill="outline">{t(`mscreen.alarmStatus.${a.status}`)}</Tag>}>
            {a.typeName}
          </List.Item>
        ))}
      </List>

      <List header={t('mscreen.incidents')} data-testid="m-screen-incidents">
        {s.incidents.length === 0 ? <List.Item><span className="ms-muted">{t('mscreen.noIncidents')}</span></List.Item> : s.incidents.map((x) => (
          <List.Item key={x.id} description={`${x.number} · ${time(x.startedAt)}`}
            extra={<span>{x.drill ? <Tag fill="outline">{t('mscreen.drill')}</Tag> : null} <Tag color="danger">{t('mscreen.incidentLevel', { level: x.level })}</Tag></span>}>
            {x.title}
          </List.Item>
        ))}
      </List>

      <List header={<span>{t('mscreen.ranking')} <small className="ms-muted">{t(`mscreen.rankingBy.${s.rankingIndicator}`, { defaultValue: t('mscreen.rankingOther') })}</small></span>} data-testid="m-screen-ranking">
        {!s.ranking.some((r) => r.value !== null || (r.stars ?? null) !== null) ? <List.Item><span className="ms-muted">{t('mscreen.noRanking')}</span></List.Item> : s.ranking.map((r) => (
          <List.Item key={r.orgUnitId} data-testid="m-screen-rank"
            prefix={<span className="ms-rank" style={{ color: r.rank !== null && r.rank <= 3 ? '#d4a106' : undefined }}>{r.rank ?? '—'}</span>}
            extra={<span className="ms-move" style={{ color: !r.movement ? '#8a94a3' : r.movement > 0 ? '#27ae60' : '#d63031' }}>
              {!r.movement ? '—' : r.movement > 0 ? `↑${r.movement}` : `↓${-r.movement}`}</span>}
            onClick={() => go(r.orgUnitId)}>
            {r.name} <small className="ms-muted">{s.rankingIndicator === 'stars' ? t('mscreen.stars', { count: r.stars ?? 0 }) : formatValue(r.value, 'percent', lang)}</small>
          </List.Item>
        ))}
      </List>

      {s.children.length > 0 ? (
        <List header={<span>{t('mscreen.children')} {more('children', s.children.length)}</span>} data-testid="m-screen-children">
          {shown('children', s.children).map((k) => (
            <List.Item key={k.id} data-testid="m-screen-child" onClick={() => go(k.id)} arrow
              description={t('mscreen.childLine', { open: k.openCases, red: k.redCases, alarms: k.activeAlarms })}
              extra={k.redCases > 0 ? <span className="ms-dot" style={{ background: LIGHT_COLOR.red }} /> : null}>
              {k.name}
            </List.Item>
          ))}
        </List>
      ) : null}

      <List header={<span>{t('mscreen.feed')} {more('feed', s.feed.length)}</span>} data-testid="m-screen-feed">
        {s.feed.length === 0 ? <List.Item><span className="ms-muted">{t('mscreen.noFeed')}</span></List.Item> : shown('feed', s.feed).map((f) => (
          <List.Item key={`${f.kind}-${f.refId}-${f.at}`} prefix={<span className="ms-time">{time(f.at)}</span>}>
            <span className="ms-feed">{f.text}</span>
          </List.Item>
        ))}
      </List>
    </MobilePage>
  );
}
