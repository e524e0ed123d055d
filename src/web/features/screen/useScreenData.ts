// The wall screen's data: the summary of the unit shown (one request), kept live by /api/events. A live event patches
// the fixed windows at once where it can (a case shown changes or leaves, an alarm or incident arrives or ends) and
// asks for a fresh summary, at most once every few seconds, for everything it cannot patch (a new case, the counts,
// today's figures). While the page is hidden nothing is drawn or fetched; it catches up once when shown again. The data
// is stale when nothing came for two minutes (the stream and the fetches both failing): the page shows a banner, the
// stream reconnects with backoff, and a reconnect fetches the summary again.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, tokenStore } from '../../lib/api.ts';
import { fetchScreenSummary, type ScreenAlarm, type ScreenSummary } from './api.ts';
import { openLive, type LiveConnection, type LiveState } from './live.ts';
import {
  arrivedAlarms, isCaseEvent, isLiveChange, isScreenAlarm, isScreenIncident, patchAlarm, patchAlarmStatus, patchCase, patchIncident,
  patchIncidentStatus, windowed,
} from './windows.ts';

/** data older than this is stale (the banner) */
export const STALE_AFTER_MS = 2 * 60_000;
/** live events ask for a fresh summary at most this often */
export const REFETCH_GAP_MS = 5_000;
/** …and a raised alarm at most this often */
export const URGENT_GAP_MS = 1_000;
/** today's figures and trends change with the indicator job: the summary is fetched again this often anyway */
export const REFRESH_EVERY_MS = 60_000;
const TICK_MS = 5_000;

export interface ScreenData {
  summary: ScreenSummary | null;
  error: ApiError | Error | null;
  loading: boolean;
  live: LiveState;
  /** the page is hidden: nothing is drawn */
  paused: boolean;
  /** when data last arrived (a summary, an event or the stream's keep-alive), ms since the epoch */
  freshAt: number;
  stale: boolean;
  /** alarms that arrived since the page opened this unit, newest first, with when they arrived (they flash) */
  arrived: { alarm: ScreenAlarm; at: number }[];
  reconnect(): void;
  reload(): void;
}

function isHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

export function useScreenData(unitId: string | null, onArrived?: (alarms: ScreenAlarm[]) => void): ScreenData {
  const [summary, setSummary] = useState<ScreenSummary | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [live, setLive] = useState<LiveState>('connecting');
  const [paused, setPaused] = useState(isHidden);
  const [freshAt, setFreshAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const [arrived, setArrived] = useState<{ alarm: ScreenAlarm; at: number }[]>([]);

  // what the callbacks of the stream and timers read without re-subscribing
  const r = useRef({
    unitId, summary: null as ScreenSummary | null, seenAlarms: new Set<string>(), fetching: null as AbortController | null,
    lastFetchAt: 0, timer: null as ReturnType<typeof setTimeout> | null, timerDue: 0, dirty: false, hidden: isHidden(), aliveAt: Date.now(),
    onArrived,
  });
  r.current.onArrived = onArrived;
  const liveConn = useRef<LiveConnection | null>(null);

  const markAlive = useCallback(() => {
    const at = Date.now();
    // the stream's keep-alive comes every 25 s: a state change per arrival would redraw the page for nothing
    if (at - r.current.aliveAt < 1_000) return;
    r.current.aliveAt = at;
    setFreshAt(at);
  }, []);

  const noteArrivals = useCallback((alarms: ScreenAlarm[]) => {
    const st = r.current;
    const fresh = arrivedAlarms(st.seenAlarms, alarms);
    st.seenAlarms = new Set(alarms.map((a) => a.id)); // only the window's ids: the set never outgrows it
    if (fresh.length === 0) return;
    const at = Date.now();
    setArrived((prev) => [...fresh.map((alarm) => ({ alarm, at })), ...prev.filter((p) => !fresh.some((f) => f.id === p.alarm.id))].slice(0, 10));
    st.onArrived?.(fresh);
  }, []);

  const fetchNow = useCallback(async (first = false) => {
    const st = r.current;
    if (st.timer) { clearTimeout(st.timer); st.timer = null; }
    st.fetching?.abort();
    const ctrl = new AbortController();
    st.fetching = ctrl;
    st.lastFetchAt = Date.now();
    st.dirty = false;
    try {
      const s = windowed(await fetchScreenSummary(st.unitId, ctrl.signal));
      if (ctrl.signal.aborted) return;
      st.summary = s;
      if (first) st.seenAlarms = new Set(s.alarms.map((a) => a.id));
      else noteArrivals(s.alarms);
      setSummary(s);
      setError(null);
      st.aliveAt = Date.now();
      setFreshAt(st.aliveAt);
    } catch (e) {
      if ((e as Error).name === 'AbortError' || ctrl.signal.aborted) return;
      setError(e as Error);
    } finally {
      if (st.fetching === ctrl) { st.fetching = null; setLoading(false); }
    }
  }, [noteArrivals]);

  /**
   * A fresh summary soon: when the gap since the last one has passed (REFETCH_GAP_MS, or URGENT_GAP_MS for a raised
   * alarm); while one is under way, after it; while hidden, once shown again. A flood of events makes one fetch per gap.
   */
  const scheduleFetch = useCallback((urgent = false) => {
    const st = r.current;
    if (st.hidden) { st.dirty = true; return; }
    const due = Math.max(Date.now(), st.lastFetchAt + (urgent ? URGENT_GAP_MS : REFETCH_GAP_MS));
    if (st.timer && st.timerDue <= due) return;
    if (st.timer) clearTimeout(st.timer);
    st.timerDue = due;
    st.timer = setTimeout(() => {
      st.timer = null;
      if (st.fetching) { st.lastFetchAt = Date.now(); scheduleFetch(urgent); return; }
      void fetchNow();
    }, due - Date.now());
  }, [fetchNow]);

  const setPatched = useCallback((patch: (s: ScreenSummary) => ScreenSummary) => {
    const st = r.current;
    if (!st.summary) return;
    st.summary = patch(st.summary);
    if (!st.hidden) setSummary(st.summary);
  }, []);

  const onEvent = useCallback((name: string, data: unknown) => {
    const st = r.current;
    const unit = st.unitId;
    const inUnit = (d: { orgPath?: unknown }) => !unit || typeof d.orgPath !== 'string' || d.orgPath.includes(`/${unit}/`);
    if (name === 'case' && isCaseEvent(data)) {
      if (st.summary && !st.hidden) {
        const { cases, known } = patchCase(st.summary.liveCases, data);
        if (known) setPatched((s) => ({ ...s, liveCases: cases }));
      }
      scheduleFetch();
    } else if (name === 'alarm') {
      if (!st.hidden && isScreenAlarm(data) && inUnit(data as { orgPath?: unknown })) {
        setPatched((s) => ({ ...s, alarms: patchAlarm(s.alarms, data) }));
        if (st.summary) noteArrivals(st.summary.alarms);
      } else if (!st.hidden && isLiveChange(data)) {
        setPatched((s) => ({ ...s, alarms: patchAlarmStatus(s.alarms, data) }));
      }
      // a raised alarm is what the wall is for: its place and kind are fetched at once, not after the usual gap
      if (isLiveChange(data) && data.status === 'active') scheduleFetch(true);
      else scheduleFetch();
    } else if (name === 'incident') {
      if (!st.hidden && isScreenIncident(data) && inUnit(data as { orgPath?: unknown })) {
        setPatched((s) => ({ ...s, incidents: patchIncident(s.incidents, data) }));
      } else if (!st.hidden && isLiveChange(data)) {
        setPatched((s) => ({ ...s, incidents: patchIncidentStatus(s.incidents, data) }));
      }
      scheduleFetch();
    } else if (name === 'revoked') {
      scheduleFetch(); // the stream closes; the reconnect answers with the new access or 401
    }
  }, [noteArrivals, scheduleFetch, setPatched]);

  // the unit: a first fetch (no flashing for what was already there)
  useEffect(() => {
    const st = r.current;
    st.unitId = unitId;
    st.summary = null;
    st.seenAlarms = new Set();
    setArrived([]);
    setLoading(true);
    void fetchNow(true);
  }, [unitId, fetchNow]);

  // the live stream, one for the page's life
  useEffect(() => {
    const conn = openLive({
      onEvent: (name, data) => { markAlive(); onEvent(name, data); },
      onState: setLive,
      onAlive: markAlive,
      onReconnected: () => { void fetchNow(); },
      onUnauthorized: () => { tokenStore.set(null); window.location.assign('/login'); },
    });
    liveConn.current = conn;
    return () => { conn.close(); liveConn.current = null; };
  }, [markAlive, onEvent, fetchNow]);

  // hidden: nothing drawn or fetched; shown again: one catch-up fetch
  useEffect(() => {
    const onVisibility = () => {
      const st = r.current;
      st.hidden = isHidden();
      setPaused(st.hidden);
      if (!st.hidden && (st.dirty || Date.now() - st.lastFetchAt > REFETCH_GAP_MS)) void fetchNow();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [fetchNow]);

  // a tick for the stale check and the periodic refresh (today's figures, trends)
  useEffect(() => {
    const tick = setInterval(() => {
      const st = r.current;
      if (st.hidden) return;
      setNow(Date.now());
      if (Date.now() - st.lastFetchAt >= REFRESH_EVERY_MS) void fetchNow();
    }, TICK_MS);
    return () => clearInterval(tick);
  }, [fetchNow]);

  // nothing left behind on unmount
  useEffect(() => () => {
    const st = r.current;
    st.fetching?.abort();
    if (st.timer) clearTimeout(st.timer);
  }, []);

  const reconnect = useCallback(() => { liveConn.current?.reconnectNow(); void fetchNow(); }, [fetchNow]);
  const reload = useCallback(() => { void fetchNow(); }, [fetchNow]);

  return {
    summary, error, loading, live, paused, freshAt, arrived, reconnect, reload,
    stale: now - freshAt > STALE_AFTER_MS,
  };
}
