// 指挥大屏 (/screen): the command center's wall, outside the app's shell. A 1920×1080 stage scaled to the window, dark;
// the header names the unit with its breadcrumb (click a level to go back up), the map and the tiles of the units below
// (click one to drill down: district → town → community → grid, same layout; the unit is in the address, ?unit=),
// today's figures against targets, the trends, the 24-hour duty roster, alarms (flashing, with a sound once the person
// turns it on), incidents, the ranking board and the live feed. It is built to stay up for days: fixed data windows,
// nothing drawn while hidden, a stale banner with reconnects, and a self-reload past a heap bound (memory-guard.ts).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import type { Geometry } from 'geojson';
import { fetchScreenChildren, type ScreenAlarm, type ScreenChildTile } from './api.ts';
import { useScreenData } from './useScreenData.ts';
import { useMemoryGuard } from './memory-guard.ts';
import { beep, enableSound } from './beep.ts';
import { ScreenMap, LIGHT_COLORS } from './ScreenMap.tsx';
import { AlarmsPanel, ChildrenTiles, DutyPanel, FeedPanel, FiguresPanel, IncidentsPanel, Panel, RankingPanel, TrendsPanel } from './Panels.tsx';
import './locales.ts';
import './screen.css';

const STAGE_W = 1920;
const STAGE_H = 1080;
/** an arrived alarm flashes harder this long */
const FRESH_MS = 60_000;

/** The stage's scale to fit the window, kept on resize. */
function useStageScale(): number {
  const of = () => Math.min(window.innerWidth / STAGE_W, window.innerHeight / STAGE_H);
  const [scale, setScale] = useState(of);
  useEffect(() => {
    const onResize = () => setScale(of());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

function Clock() {
  const [now, setNow] = useState(() => dayjs());
  useEffect(() => {
    const id = setInterval(() => setNow(dayjs()), 1_000);
    return () => clearInterval(id);
  }, []);
  return <time className="zz-wall-clock" dateTime={now.toISOString()}>{now.format('YYYY-MM-DD HH:mm:ss')}</time>;
}

export function ScreenPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit');
  const scale = useStageScale();
  const [sound, setSound] = useState(false);
  const soundRef = useRef(false);
  soundRef.current = sound;
  const [reloading, setReloading] = useState(false);
  useMemoryGuard({ onReload: useCallback(() => setReloading(true), []) });

  const onArrived = useCallback((alarms: ScreenAlarm[]) => {
    if (alarms.length > 0 && soundRef.current) beep();
  }, []);
  const data = useScreenData(unitId, onArrived);
  const s = data.summary;

  // the tiles' outlines of the unit shown; the previous level's kept for the outline of a unit without children (a grid)
  const [tiles, setTiles] = useState<{ unitId: string; items: ScreenChildTile[] } | null>(null);
  const outlines = useRef(new Map<string, Geometry>());
  const shownId = s?.unit.id ?? null;
  useEffect(() => {
    if (!shownId) return undefined;
    const ctrl = new AbortController();
    fetchScreenChildren(shownId, ctrl.signal).then(
      (c) => {
        const known = new Map<string, Geometry>();
        const own = outlines.current.get(shownId);
        if (own) known.set(shownId, own);
        for (const x of c.items) if (x.geometry) known.set(x.id, x.geometry as Geometry);
        outlines.current = known; // only this level and the unit itself: it never grows
        setTiles({ unitId: shownId, items: c.items });
      },
      () => { if (!ctrl.signal.aborted) setTiles({ unitId: shownId, items: [] }); },
    );
    return () => ctrl.abort();
  }, [shownId]);

  const drill = useCallback((id: string) => setParams({ unit: id }), [setParams]);
  const goTo = useCallback((id: string, isRoot: boolean) => setParams(isRoot ? {} : { unit: id }), [setParams]);

  const since = Date.now() - FRESH_MS;
  const freshKey = data.arrived.filter((a) => a.at >= since).map((a) => a.alarm.id).join(',');
  const fresh = useMemo(() => new Set(freshKey ? freshKey.split(',') : []), [freshKey]);
  const latest = data.arrived[0] && Date.now() - data.arrived[0].at < 20_000 ? data.arrived[0].alarm : null;

  const turnSound = async () => {
    if (sound) { setSound(false); return; }
    setSound(await enableSound());
  };

  const stageStyle = {
    width: STAGE_W, height: STAGE_H,
    transform: `scale(${scale})`,
    left: Math.max(0, (window.innerWidth - STAGE_W * scale) / 2),
    top: Math.max(0, (window.innerHeight - STAGE_H * scale) / 2),
  };

  if (!s) {
    return (
      <div className="zz-wall-root">
        <div className="zz-wall-stage zz-wall-center" style={stageStyle} data-testid="wall-loading">
          {data.error
            ? <div className="zz-wall-error" role="alert">{t('wall.loadFailed', { message: data.error.message })} <button type="button" className="zz-wall-button" onClick={data.reload}>{t('wall.retry')}</button></div>
            : <div>{t('wall.loading')}</div>}
        </div>
      </div>
    );
  }

  const crumbs = s.breadcrumb.length > 0 ? s.breadcrumb : [{ id: s.unit.id, name: s.unit.name, level: s.unit.level }];
  const childTiles = tiles?.unitId === s.unit.id ? tiles.items : [];
  const minutes = Math.max(2, Math.floor((Date.now() - data.freshAt) / 60_000));
  return (
    <div className="zz-wall-root">
      <div className="zz-wall-stage" style={stageStyle} data-testid="wall" data-unit-id={s.unit.id} data-unit-level={s.unit.level}
        data-live={data.live} data-stale={data.stale ? 'true' : 'false'} data-paused={data.paused ? 'true' : 'false'}>
        <header className="zz-wall-header">
          <nav className="zz-wall-crumbs" aria-label={t('wall.breadcrumb')} data-testid="wall-breadcrumb">
            {crumbs.map((c, i) => (
              <span key={c.id} className="zz-wall-crumb">
                {i > 0 && <span aria-hidden="true" className="zz-wall-crumb-sep">›</span>}
                {i < crumbs.length - 1
                  ? <button type="button" className="zz-wall-crumb-link" onClick={() => goTo(c.id, i === 0)}>{c.name}</button>
                  : <span aria-current="page">{c.name}</span>}
              </span>
            ))}
          </nav>
          <h1 className="zz-wall-title">{t('wall.title', { name: s.unit.name })}<span className="zz-wall-level">{t(`wall.levels.${s.unit.level}`)}</span></h1>
          <div className="zz-wall-tools">
            <span className={`zz-wall-live zz-wall-live-${data.paused ? 'paused' : data.live}`} data-testid="wall-live">
              {data.paused ? t('wall.paused') : data.live === 'open' ? t('wall.live') : data.live === 'down' ? t('wall.offline') : t('wall.connecting')}
            </span>
            <Clock />
            <button type="button" className="zz-wall-button" aria-pressed={sound} title={t('wall.soundHint')} onClick={() => void turnSound()} data-testid="wall-sound">
              {sound ? t('wall.soundOff') : t('wall.soundOn')}
            </button>
            <button type="button" className="zz-wall-button" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>{t('wall.fullscreen')}</button>
            <Link className="zz-wall-button" to="/">{t('wall.exit')}</Link>
          </div>
        </header>
        {data.stale && (
          <div className="zz-wall-banner" role="alert" data-testid="wall-stale">
            {t('wall.stale', { minutes })}
            <button type="button" className="zz-wall-button" onClick={data.reconnect}>{t('wall.staleNow')}</button>
          </div>
        )}
        {reloading && <div className="zz-wall-banner" role="status">{t('wall.memoryReload')}</div>}
        {latest && !data.stale && (
          <div className="zz-wall-banner zz-wall-banner-alarm" role="alert" data-testid="wall-new-alarm">
            {t('wall.newAlarm', { type: latest.typeName, place: latest.placeName })}
          </div>
        )}

        <div className="zz-wall-grid">
          <div className="zz-wall-col">
            <Panel title={t('wall.panels.today')} className="zz-wall-p-today" testId="wall-today"><FiguresPanel figures={s.today} paused={data.paused} /></Panel>
            <Panel title={t('wall.panels.trends', { days: s.trends.days.length })} className="zz-wall-p-trends" testId="wall-trends"><TrendsPanel trends={s.trends} paused={data.paused} /></Panel>
            <Panel title={t('wall.panels.duty')} className="zz-wall-p-duty"><DutyPanel duty={s.duty} /></Panel>
          </div>
          <div className="zz-wall-col zz-wall-col-center">
            <Panel title={t('wall.panels.map')} className="zz-wall-p-map"
              extra={<ul className="zz-wall-legend">{(['green', 'yellow', 'red', 'none'] as const).map((l) => (
                <li key={l}><span className="zz-wall-legend-dot" style={{ background: LIGHT_COLORS[l] }} />{t(`wall.legend.${l}`)}</li>
              ))}<li><span className="zz-wall-legend-dot zz-wall-legend-alarm" />{t('wall.legend.alarm')}</li><li><span className="zz-wall-legend-dot zz-wall-legend-incident" />{t('wall.legend.incident')}</li></ul>}>
              <ScreenMap unitName={s.unit.name} bbox={s.unit.bbox} tiles={childTiles} outline={outlines.current.get(s.unit.id) ?? null}
                cases={s.liveCases} alarms={s.alarms} incidents={s.incidents} fresh={fresh} paused={data.paused} onDrill={drill} />
              <div className="zz-wall-map-counts" aria-hidden="true">{t('wall.panels.cases')} {t('wall.caseCount', { n: s.liveCases.length })}</div>
            </Panel>
            <Panel title={t('wall.panels.children')} className="zz-wall-p-children"><ChildrenTiles items={s.children} onDrill={drill} paused={data.paused} /></Panel>
          </div>
          <div className="zz-wall-col">
            <Panel title={`${t('wall.panels.alarms')} ${s.alarms.length}`} className="zz-wall-p-alarms"><AlarmsPanel alarms={s.alarms} fresh={fresh} /></Panel>
            <Panel title={t('wall.panels.incidents')} className="zz-wall-p-incidents"><IncidentsPanel incidents={s.incidents} /></Panel>
            <Panel title={t('wall.panels.ranking')} className="zz-wall-p-ranking"><RankingPanel rows={s.ranking} indicator={s.rankingIndicator} /></Panel>
            <Panel title={t('wall.panels.feed')} className="zz-wall-p-feed"><FeedPanel feed={s.feed} /></Panel>
          </div>
        </div>
        <footer className="zz-wall-footer">{t('wall.updatedAt', { time: dayjs(data.freshAt).format('HH:mm:ss') })}</footer>
      </div>
    </div>
  );
}
