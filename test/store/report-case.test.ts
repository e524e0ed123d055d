import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { reportCase, type ReportInput } from '../../src/server/cases/report-case.ts';
import { findCurrentMatter, insertMatterVersion, type MatterRow } from '../../src/server/matters/store.ts';
import { formatCaseNumber } from '../../src/domain/cases/case-number.ts';

let t: TestApp;
let here: { lng: number; lat: number };
let gridworkerId: string;
let townId: string;
beforeAll(async () => {
  t = await createTestApp();
  here = await gridCentre(t.db, DEMO_GRID);
  gridworkerId = (await t.db.query<{ id: string }>(`select id from accounts where username = 'gridworker'`)).rows[0]!.id;
  townId = (await t.db.query<{ id: string }>(`select id from org_units where code = '500199001000'`)).rows[0]!.id;
});
afterAll(async () => { await t.close(); });

const report = (categoryCode: string, more: Partial<ReportInput> = {}) => reportCase(t.db, t.app, {
  categoryCode, description: '上报', location: here, source: 'gridWorker',
  reporter: { kind: 'gridWorker', accountId: gridworkerId, name: '李网格', phone: null }, actorName: '李网格', idempotencyKey: null, ...more,
}, t.clock.now);
const caseRow = async (id: string) => (await t.db.query<{ number: string; matter_id: string; routed_assignee: object | null }>(
  'select number, matter_id, routed_assignee from cases where id = $1', [id])).rows[0]!;
const firstEntry = async (id: string) => (await t.db.query<{ action: string; data: Record<string, unknown> }>(
  'select action, data from case_events where case_id = $1 order by id', [id])).rows;
const counts = async () => (await t.db.query<{ cases: number; events: number; photos: number; seq: number }>(
  `select (select count(*)::int from cases) as cases, (select count(*)::int from case_events) as events,
          (select count(*)::int from case_photos) as photos, (select coalesce(sum(seq), 0)::int from case_number_counters) as seq`)).rows[0]!;
/** a new version of the town's Matter, written as the back office on any node would */
const newVersion = async (code: string, change: Partial<MatterRow>) => {
  const m = (await findCurrentMatter(t.db, townId, code))!;
  return insertMatterVersion(t.db, { ...m, created_by: null, ...change });
};

describe('reporting a case in one statement', () => {
  it('routes to the post, department or grid worker of the town and numbers the day without gaps', async () => {
    const before = await counts();
    const post = await report('C0101');
    const department = await report('C0201');
    const grid = await report('E0101');
    const community = await report('E0404');
    expect([post, department, grid, community].every((r) => r.created)).toBe(true);
    const rows = await Promise.all([post, department, grid, community].map((r) => caseRow(r.caseId)));
    expect(rows.map((r) => Object.keys(r.routed_assignee ?? {}))).toEqual([['postId'], ['departmentId'], ['staffId'], []]);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4].map((k) => formatCaseNumber('500199001', t.clock.now, before.seq + k)));
    const [entry] = await firstEntry(post.caseId);
    expect(entry).toEqual({ action: 'report', data: { source: 'gridWorker', matterVersion: 1, routed: rows[0]!.routed_assignee } });
  });

  it('uses a Matter changed elsewhere from the next report on, and earlier cases keep their version', async () => {
    const before = await report('E0301');
    const v2 = await newVersion('E0301', { post_code: null, department_name: '区城市管理局', list: 'withdrawn' });
    const after = await report('E0301');
    expect((await caseRow(before.caseId)).matter_id).not.toBe(v2.id);
    expect((await caseRow(after.caseId)).matter_id).toBe(v2.id);
    expect(Object.keys((await caseRow(after.caseId)).routed_assignee!)).toEqual(['departmentId']);
    expect((await firstEntry(after.caseId))[0]!.data.matterVersion).toBe(2);
  });

  it('refuses a Matter retired elsewhere at the next report, and takes it again once revived', async () => {
    await report('E0403');
    await newVersion('E0403', { retired_at: t.clock.now });
    const before = await counts();
    await expect(report('E0403')).rejects.toMatchObject({ code: 'CATEGORY_UNKNOWN' });
    expect(await counts()).toEqual(before);
    await newVersion('E0403', { retired_at: null });
    expect((await report('E0403')).created).toBe(true);
  });

  it('refuses photos never uploaded with their hashes, writing nothing and taking no number', async () => {
    const before = await counts();
    const missing = 'f'.repeat(64);
    await expect(report('C0101', { photos: [missing] })).rejects.toMatchObject({ code: 'PHOTO_UNKNOWN', details: { missing: [missing] } });
    expect(await counts()).toEqual(before);
  });

  it('returns the same case for the same key, also to reports racing each other, and takes one number', async () => {
    const before = await counts();
    const results = await Promise.all([1, 2, 3, 4].map(() => report('E0401', { idempotencyKey: 'race-1' })));
    expect(new Set(results.map((r) => r.caseId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const again = await report('E0401', { idempotencyKey: 'race-1' });
    expect(again).toEqual({ caseId: results[0]!.caseId, created: false, duplicates: [] });
    expect(await counts()).toEqual({ ...before, cases: before.cases + 1, events: before.events + 1, seq: before.seq + 1 });
  });

  it('suggests the open cases of the same category nearby, not the new case itself', async () => {
    const first = await report('E0402');
    const second = await report('E0402', { location: { lng: here.lng + 0.0001, lat: here.lat } });
    expect(first.duplicates.map((d) => d.id)).not.toContain(first.caseId);
    expect(second.duplicates).toEqual([expect.objectContaining({ id: first.caseId, number: (await caseRow(first.caseId)).number, status: 'reported' })]);
  });
});
