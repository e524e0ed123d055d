import { describe, expect, it } from 'vitest';
import { catalogTrend, countsAt, trendMonths, type DatedItem } from '../../../src/domain/duties/trend.ts';

// The catalog's counts now and at each month end before (Asia/Shanghai months).
const at = (s: string) => new Date(s);

describe('the months of the trend', () => {
  it('ends with the month running, counted now, and takes each earlier month at its end', () => {
    const months = trendMonths(at('2026-11-23T09:00:00+08:00'), 3);
    expect(months.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(months.map((m) => m.at.toISOString())).toEqual(['2026-09-30T15:59:59.999Z', '2026-10-31T15:59:59.999Z', '2026-11-23T01:00:00.000Z']);
  });

  it('crosses the turn of the year, in Shanghai\'s calendar', () => {
    // 2027-01-01 01:00 in Shanghai is still 2026 in UTC
    const months = trendMonths(at('2026-12-31T17:00:00Z'), 2);
    expect(months.map((m) => m.month)).toEqual(['2026-12', '2027-01']);
    expect(months[0]!.at.toISOString()).toBe('2026-12-31T15:59:59.999Z');
  });
});

describe('counts at an instant', () => {
  const items: DatedItem[] = [
    { level: 'grid', listType: 'basic', createdAt: at('2026-01-01T00:00:00+08:00'), retiredAt: null },
    { level: 'grid', listType: 'basic', createdAt: at('2026-01-01T00:00:00+08:00'), retiredAt: at('2026-10-15T00:00:00+08:00') },
    { level: 'grid', listType: 'withdrawn', createdAt: at('2026-10-20T00:00:00+08:00'), retiredAt: null },
    { level: 'town', listType: 'assisting', createdAt: at('2026-11-01T00:00:00+08:00'), retiredAt: null },
  ];
  it('counts what was created by then and not retired by then', () => {
    const c = countsAt(items, at('2026-09-30T16:00:00Z'));
    expect(c.grid).toEqual({ basic: 2, assisting: 0, withdrawn: 0, total: 2 });
    expect(c.town.total).toBe(0);
  });

  it('follows items in and out month by month', () => {
    const trend = catalogTrend(items, at('2026-11-23T09:00:00+08:00'), 3);
    expect(trend.map((m) => [m.month, m.counts.grid.basic, m.counts.grid.withdrawn, m.counts.town.assisting])).toEqual([
      ['2026-09', 2, 0, 0], ['2026-10', 1, 1, 0], ['2026-11', 1, 1, 1],
    ]);
  });
});
