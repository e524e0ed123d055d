import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { isSealed, type PiiCipher } from '../platform/pii-cipher.ts';
import { notFound } from '../platform/errors.ts';
import { maskPhone } from '../../domain/identity/personal-data.ts';
import { SHIFT_HOURS, watchAt, type DutyShift } from '../../domain/org/duty-roster.ts';
import { addDays } from '../../domain/indicators/periods.ts';
import { SCREEN_WINDOWS } from '../../shared/screen.ts';
import * as store from './screen-store.ts';
import { ranking, todayFigures, trends } from './screen-figures.ts';
import type { ScreenChildren, ScreenSummary } from './screen-schemas.ts';

/*
 * 一屏统揽: everything the command screen shows first, for one unit of the caller's scope, in one answer. Live changes
 * then come over /api/events (`case`, `alarm`, `incident`). Every list is a fixed window; no resident is named.
 */

const SHIFT_NAMES: Record<DutyShift, string> = { leader: '带班领导', day: '白班', night: '夜班' };
const CASE_STATUS_WORDS: Record<string, string> = {
  reported: '上报', accepted: '立案', dispatched: '派遣', in_progress: '处置中', handled: '处置完成', closed: '结案', rejected: '不予立案',
};
const ALARM_LEVEL_WORDS: Record<string, string> = { red: '红色', orange: '橙色', yellow: '黄色' };
const iso = (d: Date) => d.toISOString();

/** The unit asked for (default the caller's scope root), in the caller's scope — else 404, as for a unit that is not there. */
export async function unitInScope(tx: Tx, p: Principal, orgUnitId: string | undefined): Promise<store.UnitRow> {
  if (p.scopePath === null) throw notFound('organisation unit');
  const unit = await store.findUnit(tx, orgUnitId ?? p.scopeOrgUnitId ?? '');
  if (!unit || !unit.path.startsWith(p.scopePath)) throw notFound('organisation unit');
  return unit;
}

/** [minLng, minLat, maxLng, maxLat] of a GeoJSON geometry's coordinates, or null without any. */
export function bboxOf(...geometries: unknown[]): [number, number, number, number] | null {
  let b: [number, number, number, number] | null = null;
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      const [x, y] = c as [number, number];
      b = b ? [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)] : [x, y, x, y];
      return;
    }
    for (const x of c) walk(x);
  };
  for (const g of geometries) {
    if (!g || typeof g !== 'object') continue;
    const o = g as { type?: string; coordinates?: unknown; geometries?: unknown[]; features?: { geometry?: unknown }[]; geometry?: unknown };
    if (o.coordinates) walk(o.coordinates);
    if (o.geometries) for (const x of o.geometries) walk((x as { coordinates?: unknown }).coordinates);
    if (o.geometry) walk((o.geometry as { coordinates?: unknown }).coordinates);
    if (o.features) for (const f of o.features) walk((f.geometry as { coordinates?: unknown } | undefined)?.coordinates);
  }
  return b;
}

/** The instant a duty day's local HH:MM falls on (an end at or before its start is the next morning). */
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

/** Who keeps the town's watch in the 24 hours from now: the slots of the duty days that overlap them. */
export async function duty(tx: Tx, townId: string | null, now: Date, pii: PiiCipher): Promise<ScreenSummary['duty']> {
  if (!townId) return [];
  const first = watchAt(now).date;
  const days = [first, addDays(first, 1)];
  const until = now.getTime() + 24 * 3_600_000;
  const rows = await store.dutySlots(tx, townId, days);
  return rows.flatMap((r) => {
    const h = SHIFT_HOURS[r.shift];
    const from = at(r.day, h.from);
    let to = at(r.day, h.to);
    if (to <= from) to = new Date(to.getTime() + 86_400_000);
    if (to.getTime() <= now.getTime() || from.getTime() >= until) return [];
    const plain = r.phone === null ? null : isSealed(r.phone) ? pii.tryDecrypt(r.phone) : r.phone;
    return [{ postName: SHIFT_NAMES[r.shift], personName: r.name, phoneMasked: plain ? maskPhone(plain) : null, from: iso(from), to: iso(to) }];
  });
}

function feedText(r: store.FeedRow): string {
  if (r.kind === 'case') return `${CASE_STATUS_WORDS[r.a ?? ''] ?? ''} ${r.b ?? ''} · ${r.c ?? ''}`.trim();
  if (r.kind === 'alarm') return `${ALARM_LEVEL_WORDS[r.a ?? ''] ?? ''}告警 ${r.b ?? ''} · ${r.c ?? ''}`.trim();
  return `${r.a ?? ''}级响应 ${r.b ?? ''}（${r.c ?? ''}）`;
}

export async function screenSummary(tx: Tx, p: Principal, unit: store.UnitRow, now: Date, pii: PiiCipher): Promise<ScreenSummary> {
  const line = await store.ancestors(tx, unit.path);
  const townId = line.find((u) => u.level === 'town')?.id ?? null;
  const scope = p.scopePath ?? unit.path;
  const [kids, cases, alarms, incidents, feed, watch, today, trend, board] = await Promise.all([
    store.children(tx, unit, false),
    store.liveCases(tx, unit.path, unit.level === 'city' || unit.level === 'district'),
    store.standingAlarms(tx, unit.path),
    store.activeIncidents(tx, unit.path),
    store.feed(tx, unit.path),
    duty(tx, townId, now, pii),
    todayFigures(tx, unit.id, townId, now),
    trends(tx, unit.id, now),
    ranking(tx, unit.id, unit.level, now),
  ]);
  const stars = board.indicator === 'stars' ? new Map(board.rows.map((r) => [r.orgUnitId, r.stars ?? null] as const)) : null;
  return {
    unit: { id: unit.id, name: unit.name, level: unit.level, bbox: bboxOf(unit.geometry) },
    breadcrumb: line.filter((u) => u.path.startsWith(scope)).map(({ id, name, level }) => ({ id, name, level })),
    children: kids.map((k) => ({
      id: k.id, name: k.name, level: k.level, openCases: k.open_cases, redCases: k.red_cases, activeAlarms: k.active_alarms,
      ...(stars ? { stars: stars.get(k.id) ?? null } : {}),
    })),
    liveCases: cases.map((c) => ({
      id: c.id, number: c.number, categoryName: c.category_name, status: c.status as ScreenSummary['liveCases'][number]['status'],
      light: c.light as ScreenSummary['liveCases'][number]['light'], lng: c.lng, lat: c.lat, gridId: c.grid_id, address: c.address,
      reportedAt: iso(c.created_at),
    })),
    alarms: alarms.map((a) => ({
      id: a.id, type: a.alarm_type, typeName: a.type_name ?? a.alarm_type, severity: a.level as ScreenSummary['alarms'][number]['severity'],
      placeName: a.place_name, lng: a.lng, lat: a.lat, gridId: a.grid_id, raisedAt: iso(a.raised_at),
      status: a.status as ScreenSummary['alarms'][number]['status'],
    })),
    incidents: incidents.map((i) => ({
      id: i.id, number: i.number, title: i.title, level: i.level as ScreenSummary['incidents'][number]['level'],
      status: i.status as ScreenSummary['incidents'][number]['status'], drill: i.drill, lng: i.lng, lat: i.lat, startedAt: iso(i.activated_at),
    })),
    duty: watch,
    today,
    trends: trend,
    rankingIndicator: board.indicator,
    ranking: board.rows,
    feed: feed.slice(0, SCREEN_WINDOWS.feed).map((r) => ({ at: iso(r.at), kind: r.kind, text: feedText(r), refId: r.ref_id })),
    generatedAt: iso(now),
    stale: false,
  };
}

/** The drill-down tiles: the unit's children with their figures and outlines. */
export async function screenChildren(tx: Tx, unit: store.UnitRow): Promise<ScreenChildren> {
  const kids = await store.children(tx, unit, true);
  return {
    unit: { id: unit.id, name: unit.name, level: unit.level },
    items: kids.map((k) => ({
      id: k.id, name: k.name, level: k.level, openCases: k.open_cases, redCases: k.red_cases, activeAlarms: k.active_alarms,
      bbox: bboxOf(k.geometry), geometry: k.geometry ?? null,
    })),
  };
}
