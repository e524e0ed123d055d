// 一表通's demo: the town's own quarterly form, and the last two months' monthly reports filled by 春晖社区's staff and the
// town's leader from the roll-ups, kept, audited, dated before now; a second run adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { demoReports } from '../../src/server/reports/demo/reports-demo.ts';

let t: TestApp;
let line: string | null;

beforeAll(async () => {
  t = await createTestApp();
  line = await demoReports({ db: t.db, config: t.config, now: t.clock.now, seed: 1 });
}, 300_000);
afterAll(async () => { await t?.close(); });

describe('the reports demo', () => {
  it('six fills of September and October 2026 and one own form, audited; nothing the second time', async () => {
    // the test clock stands on 23 November 2026
    expect(line).toBe('reports: the town\'s own quarterly form, 6 fills of 2026-09 and 2026-10');
    const fills = (await t.db.query<{ form_name: string; period: string; format: string; by_name: string; at: Date }>(
      'select form_name, period, format, by_name, at from report_fills order by at')).rows;
    expect(fills.map((f) => [f.period, f.form_name, f.format, f.by_name])).toEqual([
      ['2026-09', '网格化服务管理月报', 'xlsx', '赵秀兰'], ['2026-09', '网格化服务管理月报', 'pdf', '陈志明'], ['2026-09', '矛盾纠纷排查化解月报', 'xlsx', '陈志明'],
      ['2026-10', '网格化服务管理月报', 'xlsx', '赵秀兰'], ['2026-10', '网格化服务管理月报', 'pdf', '陈志明'], ['2026-10', '矛盾纠纷排查化解月报', 'xlsx', '陈志明'],
    ]);
    expect(fills.every((f) => f.at <= t.clock.now)).toBe(true);
    expect(fills[0]!.at.toISOString()).toBe('2026-10-03T02:20:00.000Z');
    const audit = (await t.db.query<{ action: string; n: number }>(`select action, count(*)::int as n from audit_log where action like 'report.%' group by 1 order by 1`)).rows;
    expect(audit).toEqual([{ action: 'report.fill', n: 6 }, { action: 'report.form.create', n: 1 }]);
    expect(await demoReports({ db: t.db, config: t.config, now: t.clock.now, seed: 1 })).toBeNull();
  });
});
