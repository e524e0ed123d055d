import type { Polygon } from 'geojson';
import type { DemoScene } from '../../files/demo-photos.ts';
import type { Random } from './random.ts';
import { address, caller, description } from './texts.ts';
import type { DemoGridRow } from './demo-store.ts';

/**
 * What the demo's people intend, case by case, drawn from the seed before anything is written: when and where a
 * report comes in, by which channel, of which category, and how its handling will go (quickly, slowly, returned,
 * reopened, suspended, rejected). The commands then decide what actually happens, clocks and sweep included.
 */

export type Channel = 'gridWorker' | 'resident' | 'public' | 'hotline' | 'visit';

export type Outcome =
  | 'normal' | 'reject' | 'duplicate' | 'return' | 'reopen' | 'slow' | 'suspend' | 'lateAccept'
  // shown as they stand at the end of the history: a returned case waiting for a new assignee, a suspension not yet approved
  | 'returnWaiting' | 'suspendPending'
  // the inboxes at the end of the history: sent to the handler's post and not started, sent to the district
  // department (started, or not yet), and reports of the last hour nobody has accepted yet
  | 'awaitStart' | 'toDepartment' | 'toDepartmentWaiting' | 'fresh';

export interface CasePlan {
  key: number;
  at: Date;
  channel: Channel;
  categoryCode: string;
  gridId: string;
  communityIndex: number;
  location: { lng: number; lat: number };
  address: string;
  description: string;
  caller: { name: string; phone: string } | null;
  scene: DemoScene;
  photoCount: number;
  outcome: Outcome;
  /** the share of the handling time the first pass takes (above 1: late) */
  speed: number;
  /** a reporter with an account rates; others may be called back (回访) with a rating */
  rating: number | null;
  revisit: boolean;
  suspendDays: number;
  /** community staff triage it when they may (cases of their community at grid or community tier) */
  byCommunity: boolean;
  /** the case it repeats (a later report of the same thing nearby) */
  duplicateOf: number | null;
}

const HOUR_WEIGHTS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 2, 5, 7, 7, 6, 3, 3, 6, 7, 6, 5, 3, 2.5, 2, 1.5, 1, 0.5];
const WORK_HOUR_WEIGHTS = HOUR_WEIGHTS.map((w, h) => (h >= 8 && h < 18 ? w : 0));

const CATEGORY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['E0101', 14], ['E0401', 10], ['E0404', 9], ['C0102', 8], ['E0201', 7], ['C0101', 6], ['C0201', 6], ['E0301', 6],
  ['D0000', 6], ['E0102', 5], ['E0402', 5], ['M0101', 5], ['E0403', 3], ['E0501', 2], ['C0501', 2], ['M0102', 2],
  ['B0102', 2], ['M0201', 2], ['C0502', 1], ['S0303', 1],
];
/** what a grid worker or community staff member finds walking their patch */
const PATROL = new Set(['E0101', 'E0201', 'E0401', 'E0404', 'C0101', 'C0102', 'E0402', 'D0000', 'C0201', 'E0403', 'M0101']);

const SCENES: Record<string, DemoScene> = {
  C0101: 'manhole', C0102: 'water', C0201: 'lamp', C0501: 'crack', C0502: 'crack', E0101: 'garbage', E0102: 'people',
  E0201: 'poster', E0301: 'stall', E0401: 'stall', E0402: 'garbage', E0403: 'crack', E0404: 'people', E0501: 'water',
  S0303: 'crack', B0102: 'people', M0101: 'people', M0102: 'people', M0201: 'people', D0000: 'people',
};
export const DEMO_SCENES: readonly DemoScene[] = [...new Set(Object.values(SCENES))];
export const sceneOf = (categoryCode: string): DemoScene => SCENES[categoryCode] ?? 'people';

const OUTCOMES: readonly (readonly [Outcome, number])[] = [
  ['normal', 66], ['reject', 4], ['duplicate', 3], ['return', 6], ['reopen', 4], ['slow', 9], ['suspend', 6], ['lateAccept', 2],
];
/** the last five days hold one of each open state at least: what a township's workbench shows on any morning */
const RECENT_OUTCOMES: readonly Outcome[] = ['slow', 'slow', 'slow', 'suspend', 'suspend', 'suspendPending', 'returnWaiting', 'returnWaiting', 'reopen', 'lateAccept'];

/** what the handler, the department and the dispatcher find in their inboxes when the history ends */
const INBOX_OUTCOMES: readonly Outcome[] = ['toDepartmentWaiting', 'awaitStart', 'toDepartment', 'awaitStart', 'awaitStart'];

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;

/** Midnight in Shanghai of the day holding `t` (UTC+8, no DST). */
export const shanghaiMidnight = (t: number) => Math.floor((t + SHANGHAI) / DAY) * DAY - SHANGHAI;
export const shanghaiHour = (t: number) => Math.floor(((t + SHANGHAI) % DAY) / 3_600_000);

/** A point well inside the grid: in a triangle of its centroid and two neighbouring corners, kept off the edges. */
export function pointIn(r: Random, g: Polygon): { lng: number; lat: number } {
  const ring = g.coordinates[0]!.slice(0, -1);
  const c = ring.reduce((s, p) => [s[0]! + p[0]! / ring.length, s[1]! + p[1]! / ring.length], [0, 0]);
  const k = r.int(0, ring.length - 1);
  const [a, b] = [ring[k]!, ring[(k + 1) % ring.length]!];
  let u = r.next(), v = r.next();
  if (u + v > 1) [u, v] = [1 - u, 1 - v];
  const shrink = 0.8;
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    lng: round(c[0]! + shrink * (u * (a[0]! - c[0]!) + v * (b[0]! - c[0]!))),
    lat: round(c[1]! + shrink * (u * (a[1]! - c[1]!) + v * (b[1]! - c[1]!))),
  };
}

const drawChannel = (r: Random) => r.weighted<Channel>([['hotline', 30], ['public', 22], ['gridWorker', 22], ['visit', 12], ['resident', 14]]);
const onFoot = (c: Channel) => c === 'gridWorker' || c === 'visit';

/** Whether a report at this instant would come on foot (grid workers and community staff walk by day only). */
export function liveChannel(r: Random, at: Date): Channel {
  const hour = shanghaiHour(at.getTime());
  let channel = drawChannel(r);
  while (onFoot(channel) && (hour < 8 || hour >= 18)) channel = drawChannel(r);
  return channel;
}

/** One report: where, what, by whom and how its handling is meant to go. */
export function planReport(r: Random, place: PlanPlace, at: Date, channel: Channel): CasePlan {
  const community = place.grids.filter((g) => g.community_id === place.homeCommunityId);
  const home = place.grids.find((g) => g.id === place.homeGridId)!;
  const grid = channel === 'gridWorker' ? (r.chance(0.8) ? home : r.pick(community))
    : channel === 'visit' ? r.pick(community)
      : channel === 'resident' ? (r.chance(0.6) ? home : r.pick(community))
        : r.chance(0.25) ? r.pick(community) : r.pick(place.grids);
  let categoryCode = r.weighted(CATEGORY_WEIGHTS);
  while (onFoot(channel) && !PATROL.has(categoryCode)) categoryCode = r.weighted(CATEGORY_WEIGHTS);
  const addr = address(r, grid.community_sort);
  return {
    key: 0, at, channel, categoryCode, gridId: grid.id, communityIndex: grid.community_sort,
    location: pointIn(r, grid.geometry), address: addr, description: description(r, categoryCode, addr.split('，')[0]!),
    caller: channel === 'hotline' || channel === 'public' ? caller(r) : null,
    scene: sceneOf(categoryCode),
    photoCount: channel === 'hotline' ? 0 : r.weighted([[0, channel === 'public' ? 3 : 1], [1, 5], [2, 3], [3, 1]]),
    outcome: r.weighted(OUTCOMES),
    speed: r.between(0.1, 0.7),
    rating: r.chance(0.85) ? r.weighted([[5, 60], [4, 25], [3, 10], [2, 4], [1, 1]]) : null,
    revisit: r.chance(0.5),
    suspendDays: r.int(2, 8),
    byCommunity: r.chance(0.7),
    duplicateOf: null,
  };
}

export interface PlanPlace {
  grids: readonly DemoGridRow[];
  /** the grid of the demo's grid worker and resident, and the community their staff member serves */
  homeGridId: string;
  homeCommunityId: string;
}

/** Every report of the history, in time order. */
export function planHistory(r: Random, place: PlanPlace, o: { now: Date; days: number; perWeekday: number }): CasePlan[] {
  const end = o.now.getTime();
  const start = shanghaiMidnight(end) - o.days * DAY;
  const plans: CasePlan[] = [];
  for (let day = start; day < end; day += DAY) {
    const weekday = new Date(day + SHANGHAI).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const count = Math.max(1, Math.round((weekend ? o.perWeekday * 0.55 : o.perWeekday) + r.between(-2.5, 2.5)));
    for (let n = 0; n < count; n++) {
      const channel = drawChannel(r);
      const hour = r.weighted((onFoot(channel) ? WORK_HOUR_WEIGHTS : HOUR_WEIGHTS).map((w, h) => [h, w] as const));
      const at = day + hour * 3_600_000 + r.int(0, 3_599) * 1000;
      if (at >= end - 5 * 60_000) continue;
      plans.push(planReport(r, place, new Date(at), channel));
    }
  }
  plans.sort((a, b) => a.at.getTime() - b.at.getTime());

  // the last five days: one of each state a workbench shows on an ordinary morning
  const recent = plans.filter((p) => p.at.getTime() > end - 5 * DAY && p.channel !== 'gridWorker');
  for (const outcome of RECENT_OUTCOMES) {
    const p = recent.splice(r.int(0, recent.length - 1), 1)[0];
    if (!p) continue;
    p.outcome = outcome;
    if (outcome === 'suspend') p.suspendDays = r.int(6, 10); // still suspended at the end
  }
  // the last two days: cases waiting in the handler's and the department's inboxes (sent, not finished)
  const lastDay = plans.filter((p) => p.at.getTime() > end - 2 * DAY && p.at.getTime() < end - 2 * 3_600_000 && p.channel !== 'gridWorker' && p.outcome !== 'duplicate'
    && !RECENT_OUTCOMES.includes(p.outcome));
  for (const outcome of INBOX_OUTCOMES) {
    const p = lastDay.splice(r.int(0, lastDay.length - 1), 1)[0];
    if (p) p.outcome = outcome;
  }
  // the last hour: reports that came in (by night too: the hotline never closes) and wait in the dispatcher's 待受理
  for (let n = r.int(2, 3); n > 0; n--) {
    const at = new Date(end - r.int(4, 55) * 60_000 - r.int(0, 59) * 1000);
    plans.push({ ...planReport(r, place, at, liveChannel(r, at)), outcome: 'fresh' });
  }
  // a second report of something reported a few hours earlier and still open, a few metres away
  const originals = new Map<CasePlan, CasePlan>();
  for (const p of plans) {
    if (p.outcome === 'slow') p.speed = r.between(1.15, 1.8);
    if (p.outcome !== 'duplicate') continue;
    const earlier = plans.filter((q) => q.outcome !== 'duplicate' && q.outcome !== 'reject' && q.channel !== 'gridWorker'
      && p.at.getTime() - q.at.getTime() > 3_600_000 && p.at.getTime() - q.at.getTime() < 3 * DAY);
    const q = earlier.length > 0 ? r.pick(earlier) : null;
    const at = q ? q.at.getTime() + r.int(20, 300) * 60_000 : end;
    if (!q || at >= end - 5 * 60_000) {
      p.outcome = 'normal';
      continue;
    }
    originals.set(p, q);
    Object.assign(p, {
      at: new Date(at), categoryCode: q.categoryCode, gridId: q.gridId, communityIndex: q.communityIndex, address: q.address, scene: q.scene,
      location: { lng: Math.round((q.location.lng + r.between(-0.0001, 0.0001)) * 1e6) / 1e6, lat: Math.round((q.location.lat + r.between(-0.0001, 0.0001)) * 1e6) / 1e6 },
      channel: p.channel === 'gridWorker' || p.channel === 'visit' ? 'public' : p.channel,
    });
    p.description = description(r, p.categoryCode, p.address.split('，')[0]!);
    if (!p.caller && p.channel !== 'resident') p.caller = caller(r);
  }
  plans.sort((a, b) => a.at.getTime() - b.at.getTime());
  plans.forEach((p, i) => { p.key = i; });
  for (const [p, q] of originals) p.duplicateOf = q.key;
  return plans;
}
