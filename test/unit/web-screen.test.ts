import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryVerdict, startMemoryGuard, MIN_RELOAD_GAP_MS } from '../../src/web/features/screen/memory-guard.ts';
import { arrivedAlarms, patchAlarm, patchAlarmStatus, patchCase, patchIncidentStatus, pushFeed, upsertFirst, windowed } from '../../src/web/features/screen/windows.ts';
import { parseBlock } from '../../src/web/features/screen/live.ts';
import { SCREEN_WINDOWS } from '../../src/shared/screen.ts';
import type { ScreenAlarm, ScreenCase, ScreenIncident, ScreenSummary } from '../../src/web/features/screen/api.ts';

// The wall screen's rules for staying up for days: the heap guard that reloads past a bound (never in a loop), the fixed
// windows a live event patches, and the event-stream blocks it reads.
const MB = 1024 * 1024;

describe('the heap guard', () => {
  it.each([
    // used, bound, now, last reload, verdict
    [null, 512 * MB, 1_000, null, 'unknown'],
    [100 * MB, 512 * MB, 1_000, null, 'ok'],
    [512 * MB, 512 * MB, 1_000, null, 'ok'],
    [513 * MB, 512 * MB, 1_000, null, 'reload'],
    [600 * MB, 512 * MB, MIN_RELOAD_GAP_MS + 5_000, 10_000, 'holdOff'], // reloaded 29 min 55 s ago
    [600 * MB, 512 * MB, MIN_RELOAD_GAP_MS + 10_000, 10_000, 'reload'], // exactly the gap since
  ] as const)('heap %s of bound %s at %s (last reload %s) → %s', (used, bound, now, lastReloadAt, verdict) => {
    expect(memoryVerdict({ used, bound, now, lastReloadAt })).toBe(verdict);
  });

  afterEach(() => { vi.useRealTimers(); });

  it('checks every interval, reloads once past the bound, remembers when, and stops', () => {
    vi.useFakeTimers();
    let heap = 100 * MB;
    let clock = 0;
    const reloads: number[] = [];
    const remembered: number[] = [];
    const stop = startMemoryGuard({
      bound: 512 * MB, everyMs: 60_000, read: () => heap, now: () => clock, lastReloadAt: () => remembered.at(-1) ?? null,
      remember: (at) => remembered.push(at), reload: () => reloads.push(clock),
    });
    clock = 60_000; vi.advanceTimersByTime(60_000);
    expect(reloads).toEqual([]);
    heap = 700 * MB;
    clock = 120_000; vi.advanceTimersByTime(60_000);
    expect(reloads).toEqual([120_000]);
    expect(remembered).toEqual([120_000]);
    clock = 180_000; vi.advanceTimersByTime(60_000);
    expect(reloads).toEqual([120_000]); // stopped after asking for the reload
    stop();
  });

  it('does not reload a page that starts above the bound within the gap after its last reload', () => {
    vi.useFakeTimers();
    const reloads: number[] = [];
    const stop = startMemoryGuard({
      bound: 512 * MB, everyMs: 1_000, read: () => 900 * MB, now: () => 5_000, lastReloadAt: () => 1_000,
      remember: () => undefined, reload: () => reloads.push(1),
    });
    vi.advanceTimersByTime(10_000);
    expect(reloads).toEqual([]);
    stop();
  });

  it('says unknown where the browser does not tell the heap, and never reloads then', () => {
    vi.useFakeTimers();
    const reloads: number[] = [];
    const stop = startMemoryGuard({ everyMs: 1_000, read: () => null, lastReloadAt: () => null, remember: () => undefined, reload: () => reloads.push(1) });
    vi.advanceTimersByTime(10_000);
    expect(reloads).toEqual([]);
    stop();
  });
});

const alarm = (id: string, status: ScreenAlarm['status'] = 'active'): ScreenAlarm => ({
  id, type: 'sos', typeName: '一键呼救', severity: 'red', placeName: '春晖社区第1网格', lng: 120.1, lat: 30.2, gridId: 'g1',
  raisedAt: '2026-12-03T08:00:00+08:00', status,
});
const kase = (id: string, status: ScreenCase['status'] = 'dispatched'): ScreenCase => ({
  id, number: `C${id}`, categoryName: '占道经营', status, light: 'green', lng: 120.1, lat: 30.2, gridId: 'g1', address: null,
  reportedAt: '2026-12-03T08:00:00+08:00',
});

describe('the windows a live event patches', () => {
  it('puts an item first, replaces the one with its id, and cuts the tail at the window', () => {
    expect(upsertFirst([{ id: 'a' }, { id: 'b' }, { id: 'c' }], { id: 'b' }, 3).map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(upsertFirst([{ id: 'a' }, { id: 'b' }, { id: 'c' }], { id: 'd' }, 3).map((x) => x.id)).toEqual(['d', 'a', 'b']);
  });

  it('keeps at most the alarms window however many alarms arrive, and drops a cleared one', () => {
    let alarms: ScreenAlarm[] = [];
    for (let i = 0; i < 1_000; i++) alarms = patchAlarm(alarms, alarm(`a${i}`));
    expect(alarms).toHaveLength(SCREEN_WINDOWS.alarms);
    expect(alarms[0]!.id).toBe('a999');
    expect(patchAlarm(alarms, alarm('a999', 'cleared')).map((a) => a.id)).not.toContain('a999');
    expect(patchAlarmStatus(alarms, { id: 'a998', status: 'acknowledged' }).find((a) => a.id === 'a998')!.status).toBe('acknowledged');
    expect(patchAlarmStatus(alarms, { id: 'a998', status: 'cleared' })).toHaveLength(SCREEN_WINDOWS.alarms - 1);
    expect(patchAlarmStatus(alarms, { id: 'elsewhere', status: 'cleared' })).toBe(alarms);
  });

  it('changes the status of a case shown, drops a closed or rejected one, and says when a case is not shown', () => {
    const cases = [kase('1'), kase('2')];
    expect(patchCase(cases, { caseId: '1', status: 'in_progress' })).toEqual({ cases: [kase('1', 'in_progress'), kase('2')], known: true });
    expect(patchCase(cases, { caseId: '2', status: 'closed' }).cases.map((c) => c.id)).toEqual(['1']);
    expect(patchCase(cases, { caseId: '2', status: 'rejected' }).cases.map((c) => c.id)).toEqual(['1']);
    expect(patchCase(cases, { caseId: '9', status: 'reported' })).toEqual({ cases, known: false });
  });

  it('drops an incident that is no longer active', () => {
    const inc = { id: 'i1', number: 'YJ1', title: '燃气泄漏', level: 'IV', status: 'active', drill: false, lng: null, lat: null, startedAt: '2026-12-03T08:00:00+08:00' } satisfies ScreenIncident;
    expect(patchIncidentStatus([inc], { id: 'i1', status: 'closed' })).toEqual([]);
    expect(patchIncidentStatus([inc], { id: 'i1', status: 'active' })).toEqual([inc]);
  });

  it('keeps the feed to its window and a repeated line once', () => {
    let feed = [] as ReturnType<typeof pushFeed>;
    for (let i = 0; i < 200; i++) feed = pushFeed(feed, { at: `2026-12-03T08:00:${String(i % 60).padStart(2, '0')}+08:00`, kind: 'case', text: '上报', refId: String(i) });
    expect(feed).toHaveLength(SCREEN_WINDOWS.feed);
    const line = { at: '2026-12-03T09:00:00+08:00', kind: 'alarm' as const, text: '告警', refId: 'x' };
    expect(pushFeed(pushFeed(feed, line), line).filter((f) => f.refId === 'x')).toHaveLength(1);
  });

  it('cuts a summary larger than the windows', () => {
    const big: ScreenSummary = {
      unit: { id: 'u', name: '春晖路街道', level: 'town', bbox: null }, breadcrumb: [], children: [],
      liveCases: Array.from({ length: 400 }, (_, i) => kase(String(i))), alarms: Array.from({ length: 60 }, (_, i) => alarm(`a${i}`)),
      incidents: [], duty: [], today: [],
      trends: { days: Array.from({ length: 40 }, (_, i) => `d${i}`), series: [{ code: 'x', name: '结案率', values: Array.from({ length: 40 }, (_, i) => i) }] },
      rankingIndicator: 'stars', ranking: [], feed: [], generatedAt: '2026-12-03T09:00:00+08:00', stale: false,
    };
    const w = windowed(big);
    expect(w.liveCases).toHaveLength(SCREEN_WINDOWS.liveCases);
    expect(w.alarms).toHaveLength(SCREEN_WINDOWS.alarms);
    expect(w.trends.days).toHaveLength(SCREEN_WINDOWS.trendDays);
    expect(w.trends.days[0]).toBe('d10'); // the newest days kept
    expect(w.trends.series[0]!.values[0]).toBe(10);
  });

  it('names the alarms that just arrived: active and not seen before', () => {
    expect(arrivedAlarms(new Set(['a1']), [alarm('a1'), alarm('a2'), alarm('a3', 'acknowledged')]).map((a) => a.id)).toEqual(['a2']);
  });
});

describe('the event stream blocks', () => {
  it.each([
    ['event: case\ndata: {"caseId":"c1"}', { name: 'case', data: { caseId: 'c1' } }],
    ['id: 7\nevent: alarm\ndata: {"id":"a1",\ndata: "status":"active"}', { name: 'alarm', data: { id: 'a1', status: 'active' } }],
    [': keep-alive', null],
    ['event: case\ndata: {broken', null],
    ['data: {"x":1}', { name: 'message', data: { x: 1 } }],
  ])('%j', (block, expected) => {
    expect(parseBlock(block)).toEqual(expected);
  });
});
