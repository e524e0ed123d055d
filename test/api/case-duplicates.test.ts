// Issue 10 item 1, "duplicates linked": a report rejected as a repeat names its original, in the same transaction as the
// reject; the duplicate's detail links to the original and the original lists its duplicates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
let here: { lng: number; lat: number };
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['dispatcher', 'gridworker', 'resident', 'community']) tokens[u] = await t.login(u);
  here = await gridCentre(t.db, DEMO_GRID);
});
afterAll(async () => { await t.close(); });

const call = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
const report = async (who: string, at = here) => {
  const r = await call('POST', '/api/cases', who, { categoryCode: 'E0101', description: '路边垃圾堆积', location: at });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; number: string; version: number; duplicates?: { id: string }[] };
};
const reject = (id: string, body: object) => call('POST', `/api/cases/${id}/actions/reject`, 'dispatcher', { reason: '重复上报', ...body });
const row = async (id: string) => (await t.db.query<{ status: string; duplicate_of: string | null; version: number }>(
  'select status, duplicate_of, version from cases where id = $1', [id])).rows[0]!;

describe('rejecting a report as a duplicate', () => {
  it('links it to the original intake suggested: the timeline names the original, each detail links to the other', async () => {
    const original = await report('gridworker');
    const repeat = await report('community');
    expect(repeat.duplicates?.map((d) => d.id)).toContain(original.id);

    const r = await reject(repeat.id, { duplicateOf: original.id });
    expect(r.statusCode, r.body).toBe(200);
    const shown = r.json();
    expect(shown).toMatchObject({ status: 'rejected', duplicateOf: original.id, original: { id: original.id, number: original.number } });
    expect(shown.timeline.at(-1)).toMatchObject({ action: 'reject', reason: '重复上报', data: { duplicateOf: { id: original.id, number: original.number } } });
    expect(await row(repeat.id)).toMatchObject({ status: 'rejected', duplicate_of: original.id });

    // a resident's report of it too: they see theirs linked, but not the original they may not see
    const third = await report('resident');
    expect((await reject(third.id, { duplicateOf: original.id })).statusCode).toBe(200);
    const theirs = (await call('GET', `/api/cases/${third.id}`, 'resident')).json();
    expect(theirs).toMatchObject({ status: 'rejected', duplicateOf: original.id, original: null });

    const orig = (await call('GET', `/api/cases/${original.id}`, 'dispatcher')).json();
    expect(orig.original).toBeNull();
    expect(orig.duplicatedBy).toHaveLength(2);
    expect(orig.duplicatedBy).toEqual(expect.arrayContaining([
      { id: repeat.id, number: repeat.number, status: 'rejected', createdAt: expect.any(String) },
      { id: third.id, number: third.number, status: 'rejected', createdAt: expect.any(String) },
    ]));
  });

  it('refuses an original that is the case itself, rejected, unknown or out of sight, and changes nothing', async () => {
    const rejected = await report('gridworker');
    expect((await reject(rejected.id, {})).statusCode).toBe(200);
    expect((await row(rejected.id)).duplicate_of).toBeNull();
    const elsewhere = await report('resident', await gridCentre(t.db, RURAL_GRID));
    const c = await report('resident');
    for (const duplicateOf of [c.id, rejected.id, 'no-such-case', elsewhere.id]) {
      const r = await reject(c.id, { duplicateOf });
      expect(r.statusCode, duplicateOf).toBe(422);
      expect(r.json().error).toMatchObject({ code: 'CASE_DUPLICATE_INVALID', message: expect.any(String), messageZh: expect.stringMatching(/原案卷/) });
    }
    expect(await row(c.id)).toMatchObject({ status: 'reported', duplicate_of: null, version: c.version });
    // an original only goes with a reject
    const accepted = await call('POST', `/api/cases/${c.id}/actions/accept`, 'dispatcher', { duplicateOf: rejected.id });
    expect(accepted.statusCode).toBe(422);
  });
});
