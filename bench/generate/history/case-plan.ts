// Who reports what, where and how its handling is meant to go: the draw for one case before its life is simulated.
import type { CaseSource } from '../../../src/shared/cases.ts';
import type { Random } from '../../../src/server/cases/demo/random.ts';
import { address, caller, description, DESCRIBED_CATEGORIES } from '../../../src/server/cases/demo/texts.ts';
import type { CaseInput, CasePlan, OpenTarget, Outcome } from './case-life.ts';
import type { GroundGrid, GroundMatter, GroundTown } from './ground.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** reports by channel: the grid worker's app, 随手拍, the 12345 hotline, a visit, a device, another platform */
export const SOURCE_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ['gridWorker', 28], ['resident', 22], ['hotline', 30], ['visit', 8], ['sensor', 7], ['platform', 5],
];
export type Channel = 'gridWorker' | 'resident' | 'hotline' | 'visit' | 'sensor' | 'platform';
export const onFoot = (c: Channel) => c === 'gridWorker' || c === 'visit';

/** how often each catalog matter is reported by people (the demo's weights); others 1, machine-raised ones only by machines */
const CATEGORY_WEIGHTS: Record<string, number> = {
  E0101: 14, E0401: 10, E0404: 9, C0102: 8, E0201: 7, C0101: 6, C0201: 6, E0301: 6, D0000: 6, E0102: 5, E0402: 5, M0101: 5,
  E0403: 3, E0501: 2, C0501: 2, M0102: 2, B0102: 2, M0201: 2, C0502: 1, S0303: 1,
};
/** what a grid worker or community staff member finds walking their patch */
const PATROL = new Set(['E0101', 'E0201', 'E0401', 'E0404', 'C0101', 'C0102', 'E0402', 'D0000', 'C0201', 'E0403', 'M0101']);
const DESCRIBED = new Set(DESCRIBED_CATEGORIES);
const PLATFORMS: Record<string, string> = { S0401: '反诈预警平台', B0101: '企业服务平台' };

const OUTCOMES: readonly (readonly [Outcome, number])[] = [
  ['normal', 71], ['reject', 5], ['return', 5], ['reopen', 4], ['slow', 6], ['suspend', 6], ['lateAccept', 3],
];

/** The people who call or report without an account: a pool, so some call again (as callers do). */
export function callerPool(r: Random, size: number): { name: string; phone: string }[] {
  return Array.from({ length: Math.max(100, size) }, () => caller(r));
}

/** The town's matters each channel reports, with their weights (cumulative, for a binary search). */
export interface TownDraw {
  byChannel: Map<Channel, { matters: GroundMatter[]; cumulative: number[] }>;
}

export function townDraw(town: GroundTown): TownDraw {
  const byChannel = new Map<Channel, { matters: GroundMatter[]; cumulative: number[] }>();
  for (const [channel] of SOURCE_WEIGHTS) {
    const matters: GroundMatter[] = [];
    const cumulative: number[] = [];
    let sum = 0;
    for (const m of town.matters.values()) {
      const machine = m.row.machine_source;
      let w: number;
      if (channel === 'sensor' || channel === 'platform') w = machine === channel ? 1 : 0;
      else if (machine) w = 0;
      else if (onFoot(channel)) w = PATROL.has(m.row.code) ? CATEGORY_WEIGHTS[m.row.code] ?? 1 : 0;
      else w = CATEGORY_WEIGHTS[m.row.code] ?? 1;
      if (w <= 0) continue;
      sum += w;
      matters.push(m);
      cumulative.push(sum);
    }
    if (matters.length > 0) byChannel.set(channel, { matters, cumulative });
  }
  return { byChannel };
}

export function pickCumulative<T>(items: readonly T[], cumulative: readonly number[], x: number): T {
  const target = x * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return items[lo]!;
}

/** A point well inside the grid: in a triangle of its centroid and two neighbouring corners, kept off the edges. */
export function pointIn(r: Random, g: GroundGrid): { lng: number; lat: number } {
  const k = r.int(0, g.ring.length - 1);
  const a = g.ring[k]!;
  const b = g.ring[(k + 1) % g.ring.length]!;
  let u = r.next();
  let v = r.next();
  if (u + v > 1) [u, v] = [1 - u, 1 - v];
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return { lng: round(g.cx + 0.8 * (u * (a[0]! - g.cx) + v * (b[0]! - g.cx))), lat: round(g.cy + 0.8 * (u * (a[1]! - g.cy) + v * (b[1]! - g.cy))) };
}

/** Where a case meant to stay open rests at the end, by its age. */
function openTarget(r: Random, ageMs: number): OpenTarget {
  if (ageMs < 20 * 60_000) return r.weighted<OpenTarget>([['reported', 50], ['accepted', 10], ['dispatched', 25], ['in_progress', 15]]);
  if (ageMs < DAY) return r.weighted<OpenTarget>([['accepted', 5], ['dispatched', 25], ['in_progress', 45], ['suspendRequested', 3], ['handled', 22]]);
  return r.weighted<OpenTarget>([['accepted', 2], ['dispatched', 8], ['in_progress', 35], ['suspended', 20], ['suspendRequested', 5], ['handled', 30]]);
}

export interface Drawn {
  input: Omit<CaseInput, 'id'>;
  description: string;
  address: string;
  location: { lng: number; lat: number };
  /** personal data of the reporter, in the clear (sealed by the step) */
  contact: { name: string | null; phone: string | null };
}

/** One report at `at` in `town`, and how its handling is meant to go; null when the town has nothing this channel reports. */
export function drawCase(r: Random, town: GroundTown, draw: TownDraw, at: number, channelIn: Channel, open: boolean, now: number, callers: readonly { name: string; phone: string }[]): Drawn | null {
  const grid = r.pick(town.grids);
  let channel = channelIn;
  // a grid without a worker, a community without staff: the report comes by the hotline instead
  if (channel === 'gridWorker' && !grid.worker) channel = 'hotline';
  const staffList = town.communityStaff.get(grid.communityId);
  if (channel === 'visit' && !(staffList && staffList.length > 0)) channel = 'hotline';
  const pool = draw.byChannel.get(channel) ?? draw.byChannel.get('hotline');
  if (!pool) return null;
  const matter = pickCumulative(pool.matters, pool.cumulative, r.next());
  const addr = address(r, grid.communityIndex);
  const place = addr.split('，')[0]!;
  const code = matter.row.code;
  const text = DESCRIBED.has(code) ? description(r, code, place)
    : channel === 'sensor' ? `${matter.row.name}：设备在${place}报警，请尽快上门查看。`
      : channel === 'platform' ? `${PLATFORMS[code] ?? '第三方平台'}推送：${matter.row.name}，地点${place}。`
        : `${place}${matter.row.name}，请尽快处理。`;
  let source: CaseSource = channel;
  let reporterKind: CaseInput['reporterKind'];
  let reporter: CaseInput['reporter'] = null;
  let reportActor: CaseInput['reportActor'] = { id: null, name: null };
  let contact: Drawn['contact'] = { name: null, phone: null };
  switch (channel) {
    case 'gridWorker':
      reporterKind = 'gridWorker';
      reporter = grid.worker;
      reportActor = { id: grid.worker!.id, name: grid.worker!.name };
      break;
    case 'visit': {
      const s = r.pick(staffList!);
      reporterKind = 'staff';
      reporter = s;
      reportActor = { id: s.id, name: s.name };
      break;
    }
    case 'resident':
      reporterKind = 'resident';
      if (town.residents.length > 0 && r.chance(0.35)) {
        reporter = r.pick(town.residents);
        reportActor = { id: reporter.id, name: null };
      } else {
        contact = r.pick(callers);
      }
      break;
    case 'hotline': {
      reporterKind = 'caller';
      contact = r.pick(callers);
      const d = town.dispatchers.length > 0 ? r.pick(town.dispatchers) : null;
      reportActor = { id: d?.id ?? null, name: d?.name ?? null };
      break;
    }
    case 'sensor':
      reporterKind = 'device';
      break;
    case 'platform': {
      reporterKind = 'platform';
      const name = PLATFORMS[code] ?? '第三方平台';
      contact = { name, phone: null };
      reportActor = { id: null, name };
      source = 'platform';
      break;
    }
  }
  const outcome = r.weighted(OUTCOMES);
  const plan: CasePlan = {
    outcome,
    speed: outcome === 'slow' ? r.between(1.15, 1.8) : r.between(0.1, 0.7),
    rating: r.chance(0.85) ? r.weighted([[5, 60], [4, 25], [3, 10], [2, 4], [1, 1]]) : null,
    revisit: r.chance(0.5),
    suspendDays: r.int(2, 8),
    byCommunity: r.chance(0.7),
    open: null,
  };
  if (open) {
    plan.open = openTarget(r, now - at);
    if (plan.outcome === 'reject') plan.outcome = 'normal';
    if (plan.open === 'suspended') plan.suspendDays = Math.ceil((now - at) / DAY) + r.int(2, 10);
  }
  return {
    input: { at, town, grid, matter, source, reporterKind, reporter, reportActor, plan },
    description: text, address: addr, location: pointIn(r, grid), contact,
  };
}
