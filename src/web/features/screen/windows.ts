// The wall screen's data windows and how a live event patches them. Every list is a fixed window (SCREEN_WINDOWS),
// newest first: a patch replaces or drops an entry, or puts a new one in front and cuts the tail — a screen that runs
// for days never holds more than the windows. Plain functions over plain data (no React, no clock of their own).
import { SCREEN_WINDOWS } from '../../../shared/screen.ts';
import type { ScreenAlarm, ScreenCase, ScreenFeedItem, ScreenIncident, ScreenSummary } from './api.ts';

const CLOSED_CASE = new Set(['closed', 'rejected']);

/** What the page reads of a `case` event (the CaseEvent of /api/events). */
export interface CaseEventData { caseId: string; number?: string; status?: string; action?: string; at?: string }

export function isCaseEvent(d: unknown): d is CaseEventData {
  return typeof d === 'object' && d !== null && typeof (d as CaseEventData).caseId === 'string';
}

export function isScreenAlarm(d: unknown): d is ScreenAlarm {
  const a = d as Partial<ScreenAlarm> | null;
  return typeof a === 'object' && a !== null && typeof a.id === 'string' && typeof a.typeName === 'string'
    && typeof a.status === 'string' && typeof a.raisedAt === 'string' && typeof a.placeName === 'string';
}

export function isScreenIncident(d: unknown): d is ScreenIncident {
  const i = d as Partial<ScreenIncident> | null;
  return typeof i === 'object' && i !== null && typeof i.id === 'string' && typeof i.title === 'string'
    && typeof i.status === 'string' && typeof i.startedAt === 'string';
}

/** What the page reads of an `alarm` / `incident` event (the server's ScreenLiveChange): which one and its status. */
export interface LiveChangeData { subject?: string; id: string; action?: string; status: string }

export function isLiveChange(d: unknown): d is LiveChangeData {
  return typeof d === 'object' && d !== null && typeof (d as LiveChangeData).id === 'string' && typeof (d as LiveChangeData).status === 'string';
}

/** An alarm's new status on the alarms shown: a cleared one leaves, another takes its status; unknown ids are left. */
export function patchAlarmStatus(alarms: readonly ScreenAlarm[], c: LiveChangeData): ScreenAlarm[] {
  if (!alarms.some((a) => a.id === c.id)) return alarms as ScreenAlarm[];
  if (c.status === 'cleared') return alarms.filter((a) => a.id !== c.id);
  return alarms.map((a) => (a.id === c.id ? { ...a, status: c.status as ScreenAlarm['status'] } : a));
}

/** An incident's new status: one no longer active leaves the incidents shown. */
export function patchIncidentStatus(incidents: readonly ScreenIncident[], c: LiveChangeData): ScreenIncident[] {
  if (c.status === 'active') return incidents as ScreenIncident[];
  return incidents.filter((i) => i.id !== c.id);
}

/** Puts `item` first (replacing the entry with its id), keeps at most `max`. */
export function upsertFirst<T extends { id: string }>(list: readonly T[], item: T, max: number): T[] {
  const rest = list.filter((x) => x.id !== item.id);
  return [item, ...rest].slice(0, max);
}

/** A case event on the live cases: a case shown changes status or leaves (closed / rejected); others are not known here. */
export function patchCase(cases: readonly ScreenCase[], e: CaseEventData): { cases: ScreenCase[]; known: boolean } {
  const i = cases.findIndex((c) => c.id === e.caseId);
  if (i < 0) return { cases: cases as ScreenCase[], known: false };
  if (e.status && CLOSED_CASE.has(e.status)) return { cases: cases.filter((c) => c.id !== e.caseId), known: true };
  if (!e.status || e.status === cases[i]!.status) return { cases: cases as ScreenCase[], known: true };
  const next = cases.slice();
  next[i] = { ...cases[i]!, status: e.status as ScreenCase['status'] };
  return { cases: next, known: true };
}

/** An alarm event: a cleared alarm leaves the window, any other is put first. */
export function patchAlarm(alarms: readonly ScreenAlarm[], a: ScreenAlarm): ScreenAlarm[] {
  if (a.status === 'cleared') return alarms.filter((x) => x.id !== a.id);
  return upsertFirst(alarms, a, SCREEN_WINDOWS.alarms);
}

/** An incident event: a closed incident leaves the window, an active one is put first. */
export function patchIncident(incidents: readonly ScreenIncident[], i: ScreenIncident): ScreenIncident[] {
  if (i.status !== 'active') return incidents.filter((x) => x.id !== i.id);
  return upsertFirst(incidents, i, SCREEN_WINDOWS.incidents);
}

/** A line in front of the feed, the oldest dropped past the window; the same line (kind, ref, time) is kept once. */
export function pushFeed(feed: readonly ScreenFeedItem[], item: ScreenFeedItem): ScreenFeedItem[] {
  const same = (x: ScreenFeedItem) => x.kind === item.kind && x.refId === item.refId && x.at === item.at;
  return [item, ...feed.filter((x) => !same(x))].slice(0, SCREEN_WINDOWS.feed);
}

/** A summary with every list cut to its window (a server answering more than the windows does not grow the page). */
export function windowed(s: ScreenSummary): ScreenSummary {
  return {
    ...s,
    liveCases: s.liveCases.slice(0, SCREEN_WINDOWS.liveCases),
    alarms: s.alarms.slice(0, SCREEN_WINDOWS.alarms),
    incidents: s.incidents.slice(0, SCREEN_WINDOWS.incidents),
    feed: s.feed.slice(0, SCREEN_WINDOWS.feed),
    ranking: s.ranking.slice(0, SCREEN_WINDOWS.ranking),
    trends: {
      days: s.trends.days.slice(-SCREEN_WINDOWS.trendDays),
      series: s.trends.series.map((x) => ({ ...x, values: x.values.slice(-SCREEN_WINDOWS.trendDays) })),
    },
  };
}

/** The alarms of `next` not in `seen`: the ones that just arrived (they flash and beep). */
export function arrivedAlarms(seen: ReadonlySet<string>, next: readonly ScreenAlarm[]): ScreenAlarm[] {
  return next.filter((a) => a.status === 'active' && !seen.has(a.id));
}
