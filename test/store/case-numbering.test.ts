import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { reportCase, type ReportInput } from '../../src/server/cases/report-case.ts';
import { formatCaseNumber } from '../../src/domain/cases/case-number.ts';

// Case numbering without a per-town serialisation point (issue 18, docs/operations.md "Case numbering"): the town's
// number of the day is taken in a short transaction of its own before the statement that writes the case, so reports
// of one town in flight together each get their own number, the day's numbers stay consecutive when nothing is refused,
// and a retry with the same key gets the first attempt's case and number.

let t: TestApp;
let here: { lng: number; lat: number };
let gridworkerId: string;
beforeAll(async () => {
  t = await createTestApp();
  here = await gridCentre(t.db, DEMO_GRID);
  gridworkerId = (await t.db.query<{ id: string }>(`select id from accounts where username = 'gridworker'`)).rows[0]!.id;
});
afterAll(async () => { await t.close(); });

const report = (i: number, more: Partial<ReportInput> = {}) => reportCase(t.db, t.app, {
  categoryCode: 'C0101', description: `上报 ${i}`, location: here, source: 'gridWorker',
  reporter: { kind: 'gridWorker', accountId: gridworkerId, name: '李网格', phone: null }, actorName: '李网格', idempotencyKey: null, ...more,
}, t.clock.now);
const numberOf = async (id: string) => (await t.db.query<{ number: string }>('select number from cases where id = $1', [id])).rows[0]!.number;
const seqOf = (n: string) => Number(n.split('-')[2]);
const daySeq = async () => (await t.db.query<{ seq: number }>(
  `select coalesce(max(seq), 0)::int as seq from case_number_counters c join org_units t on t.id = c.town_id where t.code = '500199001000' and c.day = $1`,
  [formatCaseNumber('500199001', t.clock.now, 1).split('-')[1]])).rows[0]!.seq;

describe('case numbering', () => {
  it('gives reports of one town in flight together distinct numbers, the day\'s next ones without gaps', async () => {
    const before = await daySeq();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => report(i)));
    const numbers = await Promise.all(results.map((r) => numberOf(r.caseId)));
    expect(new Set(numbers).size).toBe(12);
    expect(numbers.map(seqOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => before + 1 + i));
    expect(numbers.every((n) => n.startsWith(formatCaseNumber('500199001', t.clock.now, 1).slice(0, -4)))).toBe(true);
    expect(await daySeq()).toBe(before + 12);
  });

  it('answers a retry with the first case and its number, taking none', async () => {
    const first = await report(100, { idempotencyKey: 'numbering-retry-1' });
    const firstNumber = await numberOf(first.caseId);
    const other = await report(101);
    const seq = await daySeq();
    const again = await report(100, { idempotencyKey: 'numbering-retry-1' });
    expect(again).toEqual({ caseId: first.caseId, created: false, duplicates: [] });
    expect(await numberOf(again.caseId)).toBe(firstNumber);
    expect(seqOf(await numberOf(other.caseId))).toBe(seqOf(firstNumber) + 1);
    expect(await daySeq()).toBe(seq);
  });

  it('gives retries racing the first attempt its number, one number for all', async () => {
    const seq = await daySeq();
    const results = await Promise.all(Array.from({ length: 6 }, () => report(200, { idempotencyKey: 'numbering-race-1' })));
    expect(new Set(results.map((r) => r.caseId)).size).toBe(1);
    expect(seqOf(await numberOf(results[0]!.caseId))).toBe(seq + 1);
    expect(await daySeq()).toBe(seq + 1);
  });

  it('drops the town\'s claims of earlier days with its first number of a new day', async () => {
    expect((await t.db.query(`select 1 from case_number_claims where idempotency_key = 'numbering-race-1'`)).rows).toHaveLength(1);
    t.clock.advance(24 * 3600_000);
    const next = await report(400);
    expect(seqOf(await numberOf(next.caseId))).toBe(1);
    expect((await t.db.query('select idempotency_key from case_number_claims')).rows).toEqual([]);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('case numbering on PostgreSQL', () => {
  it('commits the number before the case: a report held up writing its case holds no other report of the town', async () => {
    const url = (t.db.raw as { connectionString: string }).connectionString;
    const blocker = new pg.Client({ connectionString: url });
    const watcher = new pg.Client({ connectionString: url });
    await Promise.all([blocker.connect(), watcher.connect()]);
    try {
      const before = await daySeq();
      // the intake statement writes case_photos (no rows here, but it takes the table's lock): it waits behind this
      await blocker.query('begin');
      await blocker.query('lock table case_photos in share mode');
      const reports = [report(300), report(301)];
      // both numbers are committed and visible to another session while neither case can be written
      let seen = before;
      for (let i = 0; i < 600 && seen < before + 2; i++) {
        seen = (await watcher.query<{ seq: number }>(
          `select coalesce(max(seq), 0)::int as seq from case_number_counters c join org_units t on t.id = c.town_id
            where t.code = '500199001000' and c.day = $1`, [formatCaseNumber('500199001', t.clock.now, 1).split('-')[1]])).rows[0]!.seq;
        if (seen < before + 2) await new Promise((r) => setTimeout(r, 50));
      }
      expect(seen).toBe(before + 2);
      expect((await watcher.query(`select 1 from cases where description in ('上报 300', '上报 301')`)).rows).toEqual([]);
      await blocker.query('commit');
      const done = await Promise.all(reports);
      expect((await Promise.all(done.map((r) => numberOf(r.caseId)))).map(seqOf).sort((a, b) => a - b)).toEqual([before + 1, before + 2]);
    } finally {
      await blocker.query('rollback').catch(() => undefined);
      await Promise.all([blocker.end(), watcher.end()]);
    }
  });
});
