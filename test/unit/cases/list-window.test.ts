import { describe, expect, it } from 'vitest';
import { dateRangeWindow, todayWindow } from '../../../src/domain/cases/list-window.ts';

describe('the date range of a history search', () => {
  it.each([
    ['both days, Shanghai midnight to the midnight after the last day', '2026-11-01', '2026-11-30', { from: '2026-10-31T16:00:00.000Z', before: '2026-11-30T16:00:00.000Z' }],
    ['one day', '2026-11-23', '2026-11-23', { from: '2026-11-22T16:00:00.000Z', before: '2026-11-23T16:00:00.000Z' }],
    ['open end', '2026-11-23', undefined, { from: '2026-11-22T16:00:00.000Z' }],
    ['open start', undefined, '2026-12-31', { before: '2026-12-31T16:00:00.000Z' }],
    ['neither', undefined, undefined, {}],
  ])('%s', (_, from, to, expected) => {
    const w = dateRangeWindow(from, to);
    expect(w && Object.fromEntries(Object.entries(w).map(([k, v]) => [k, v.toISOString()]))).toEqual(expected);
  });

  it('refuses a range that ends before it begins', () => {
    expect(dateRangeWindow('2026-11-02', '2026-11-01')).toBeNull();
  });
});

describe('today', () => {
  it.each([
    ['morning in Shanghai is the same UTC day', '2026-11-23T01:00:00Z', '2026-11-22T16:00:00.000Z', '2026-11-23T16:00:00.000Z'],
    ['17:00 UTC is already the next day in Shanghai', '2026-11-23T17:00:00Z', '2026-11-23T16:00:00.000Z', '2026-11-24T16:00:00.000Z'],
    ['one millisecond before Shanghai midnight', '2026-11-23T15:59:59.999Z', '2026-11-22T16:00:00.000Z', '2026-11-23T16:00:00.000Z'],
  ])('%s', (_, now, from, before) => {
    const w = todayWindow(new Date(now));
    expect([w.from.toISOString(), w.before.toISOString()]).toEqual([from, before]);
  });
});
