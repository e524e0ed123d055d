import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { Random, randomFor } from '../../../src/server/cases/demo/random.ts';
import { planHistory, pointIn, shanghaiHour, shanghaiMidnight } from '../../../src/server/cases/demo/history-plan.ts';
import type { DemoGridRow } from '../../../src/server/cases/demo/demo-store.ts';

const square = (x: number, y: number): Polygon => ({
  type: 'Polygon', coordinates: [[[x, y], [x + 0.003, y], [x + 0.003, y + 0.005], [x, y + 0.005], [x, y]]],
});
const grids: DemoGridRow[] = Array.from({ length: 24 }, (_, i) => ({
  id: `g${i}`, name: `第${i + 1}网格`, level: 'grid', geometry: square(106.4 + (i % 6) * 0.003, 29.4 + Math.floor(i / 6) * 0.005),
  community_id: `c${Math.floor(i / 12)}`, community_sort: Math.floor(i / 12),
}));
const place = { grids, homeGridId: 'g0', homeCommunityId: 'c0' };
const NOW = new Date('2026-11-23T09:00:00+08:00');

describe('the demo PRNG', () => {
  it('gives the same draws for the same seed, and others for another', () => {
    const draws = (seed: number) => { const r = new Random(seed); return Array.from({ length: 5 }, () => r.int(0, 1000)); };
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7)).not.toEqual(draws(8));
    expect(randomFor(1, 'live:5').next()).toBe(randomFor(1, 'live:5').next());
    expect(randomFor(1, 'live:5').next()).not.toBe(randomFor(1, 'live:6').next());
  });

  it('keeps its draws in range and follows the weights', () => {
    const r = new Random(42);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) {
      const n = r.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
      counts[r.weighted([['a', 9], ['b', 1]] as const)]++;
    }
    expect(counts.a / 10_000).toBeGreaterThan(0.87);
    expect(counts.a / 10_000).toBeLessThan(0.93);
  });
});

describe('the demo plan', () => {
  const plans = planHistory(new Random(20261123), place, { now: NOW, days: 60, perWeekday: 7 });

  it('is the same for the same seed', () => {
    expect(planHistory(new Random(20261123), place, { now: NOW, days: 60, perWeekday: 7 })).toEqual(plans);
  });

  it('spreads a few hundred reports over the 60 days before now, in time order, mostly by day', () => {
    expect(plans.length).toBeGreaterThan(300);
    const times = plans.map((p) => p.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThanOrEqual(shanghaiMidnight(NOW.getTime()) - 60 * 86_400_000);
    expect(times.at(-1)).toBeLessThan(NOW.getTime());
    plans.forEach((p, i) => expect(p.key).toBe(i));
    const byDay = plans.filter((p) => shanghaiHour(p.at.getTime()) >= 8 && shanghaiHour(p.at.getTime()) < 18).length;
    expect(byDay / plans.length).toBeGreaterThan(0.6);
    // grid workers and community staff report on foot, by day only
    for (const p of plans.filter((x) => x.channel === 'gridWorker' || x.channel === 'visit')) {
      if (p.duplicateOf === null) expect(shanghaiHour(p.at.getTime())).toBeGreaterThanOrEqual(8);
    }
  });

  it('names an earlier report of the same category and place for every repeat', () => {
    const repeats = plans.filter((p) => p.duplicateOf !== null);
    expect(repeats.length).toBeGreaterThan(0);
    for (const p of repeats) {
      const q = plans[p.duplicateOf!]!;
      expect(q.key).toBeLessThan(p.key);
      expect([q.categoryCode, q.gridId, q.address]).toEqual([p.categoryCode, p.gridId, p.address]);
      expect(Math.abs(q.location.lng - p.location.lng)).toBeLessThan(0.0002);
    }
  });

  it('leaves one of each open state for the last days', () => {
    const recent = plans.filter((p) => p.at.getTime() > NOW.getTime() - 5 * 86_400_000).map((p) => p.outcome);
    for (const o of ['slow', 'suspend', 'suspendPending', 'returnWaiting', 'reopen', 'lateAccept']) expect(recent).toContain(o);
  });

  it('puts every report inside its grid', () => {
    const r = new Random(3);
    for (let i = 0; i < 200; i++) {
      const g = grids[i % grids.length]!;
      const { lng, lat } = pointIn(r, g.geometry);
      const ring = g.geometry.coordinates[0]!;
      const [x0, y0] = ring[0]!;
      const [x1, y1] = ring[2]!;
      expect(lng).toBeGreaterThan(x0!);
      expect(lng).toBeLessThan(x1!);
      expect(lat).toBeGreaterThan(y0!);
      expect(lat).toBeLessThan(y1!);
    }
  });
});
