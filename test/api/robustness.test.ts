import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { makeJpeg } from '../support/images.ts';

/** Input that once answered 500, concurrent retries of the same upload, and the server log of a real 5xx. */
let t: TestApp;
const logLines: string[] = [];
let admin: string;
let gridworker: string;

beforeAll(async () => {
  t = await createTestApp({ logLines });
  admin = await t.login('admin');
  gridworker = await t.login('gridworker');
});
afterAll(async () => { await t.close(); });

describe('numbers that are not finite', () => {
  const urls = ['/api/cases', '/api/org-units', '/api/audit'].flatMap((path) =>
    ['1e999', 'Infinity', '-Infinity', '1e400', '-1e400'].map((v) => `${path}?limit=${v}`));
  it.each(urls)('%s → 400 naming the field', async (url) => {
    const res = await t.app.inject({ method: 'GET', url, headers: bearer(admin) });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses 1e999 in a JSON body (it parses to Infinity) as a 400', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/cases', headers: { ...bearer(gridworker), 'content-type': 'application/json' },
      payload: '{"categoryCode":"C0101","description":"无穷远的井盖","location":{"lng":1e999,"lat":29.5}}',
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('text that cannot be stored', () => {
  it.each(['\udfff', 'a\ud800b', 'x\u0000y'])('refuses %j in a name as a 400, and creates nothing', async (name) => {
    const before = await t.db.query<{ n: number }>('select count(*)::int as n from org_units');
    const res = await t.app.inject({
      method: 'POST', url: '/api/org-units', headers: bearer(admin),
      payload: { parentId: (await t.db.query<{ id: string }>("select id from org_units where level = 'community' limit 1")).rows[0]!.id, name },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', messageZh: expect.stringContaining('Unicode') });
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from org_units')).rows[0]!.n).toBe(before.rows[0]!.n);
  });
});

describe('the same photo uploaded by several requests at once', () => {
  it('answers every one with the same file, never a 500', async () => {
    const jpeg = await makeJpeg(120, 90, '#3366aa');
    const answers = await Promise.all(Array.from({ length: 8 }, () => t.app.inject({
      method: 'POST', url: '/api/files', headers: { ...bearer(gridworker), 'content-type': 'image/jpeg' }, payload: jpeg,
    })));
    expect(answers.map((r) => r.statusCode).filter((s) => s >= 300)).toEqual([]);
    expect(new Set(answers.map((r) => r.json().hash)).size).toBe(1);
    const files = await t.db.query<{ n: number }>('select count(*)::int as n from files where hash = $1', [answers[0]!.json().hash]);
    expect(files.rows[0]!.n).toBe(1);
  });
});

describe('an unexpected failure', () => {
  it('answers 500 with a request id, and the server log has that id, the route and the error, without the request', async () => {
    const town = (await t.db.query<{ id: string }>(`select id from org_units where code = '500199001000'`)).rows[0]!.id;
    await t.db.exec('alter table boards rename to boards_gone');
    let res;
    try {
      res = await t.app.inject({ method: 'GET', url: `/api/org-units/${town}/boards?secret=13912345678`, headers: bearer(admin) });
    } finally {
      await t.db.exec('alter table boards_gone rename to boards');
    }
    expect(res.statusCode).toBe(500);
    const requestId = res.json().error.details.requestId as string;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const line = logLines.find((l) => l.includes(requestId));
    expect(line, logLines.join('\n')).toBeDefined();
    const entry = JSON.parse(line!);
    expect(entry).toMatchObject({ level: 50, msg: 'unhandled error', route: '/api/org-units/:id/boards', method: 'GET' });
    expect(entry.error.message).toMatch(/boards/);
    expect(line).not.toContain('13912345678');
    expect(line).not.toMatch(/authorization|Bearer/i);
  });
});
