import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';
import { buildApp, type App } from '../../src/server/app.ts';
import { openPostgres, type Db } from '../../src/server/platform/db/db.ts';
import { DEMO_PASSWORD } from '../../src/server/platform/seed/seed-demo.ts';

// Streams are read from nodes of their own on the test's database. `slow` re-checks its streams only every
// minute, so a stream it ends within seconds was ended by the database's announcement of the change; `quick`
// re-checks every 200 ms and catches what nothing announces (expiry). Changes are made through `t.app`.
const ENDS_WITHIN_MS = 2000;
let t: TestApp;
const nodes: { app: App; db?: Db }[] = [];
let slow: string;
let quick: string;
let password = DEMO_PASSWORD;
let gridworkerId: string;
let here: { lng: number; lat: number };
/** reports the cases the streams wait for; signed in again after the clock jumps past the token lifetime */
let dispatcherToken: string;

async function node(recheckMs: number, db: Db = t.db): Promise<string> {
  const app = await buildApp({ db, config: { ...t.config, liveRecheckMs: recheckMs }, clock: () => t.clock.now });
  nodes.push({ app, db: db === t.db ? undefined : db });
  return app.listen({ port: 0, host: '127.0.0.1' });
}

beforeAll(async () => {
  t = await createTestApp();
  slow = await node(60_000);
  quick = await node(200);
  gridworkerId = (await t.db.query<{ id: string }>(`select id from accounts where username = 'gridworker'`)).rows[0]!.id;
  here = await gridCentre(t.db, DEMO_GRID);
  dispatcherToken = await t.login('dispatcher');
});
afterAll(async () => {
  for (const n of nodes) {
    await n.app.close();
    await n.db?.close();
  }
  await t.close();
});

interface Stream {
  cases: string[];
  revoked: string | null;
  /** true if the server ended the stream within `ms` */
  endsWithin(ms: number): Promise<boolean>;
  close(): void;
}

async function openStream(base: string, token: string): Promise<Stream> {
  const ac = new AbortController();
  const res = await fetch(`${base}/api/events`, { headers: bearer(token), signal: ac.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const s = { cases: [] as string[], revoked: null as string | null };
  const ended = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return true;
        buffer += new TextDecoder().decode(value);
        let i: number;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const lines = buffer.slice(0, i).split('\n');
          buffer = buffer.slice(i + 2);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (lines.includes('event: case') && data) s.cases.push((JSON.parse(data) as { caseId: string }).caseId);
          if (lines.includes('event: revoked') && data) s.revoked = (JSON.parse(data) as { reason: string }).reason;
        }
      }
    } catch {
      return false; // aborted by the test
    }
  })();
  return Object.assign(s, {
    endsWithin: (ms: number) => Promise.race([ended, new Promise<boolean>((r) => setTimeout(() => r(false), ms))]),
    close: () => ac.abort(),
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function report(token: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(token), payload: { categoryCode: 'C0101', description: '井盖', location: here } });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

async function arrives(s: Stream, caseId: string, ms = 3000): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await pause(25)) if (s.cases.includes(caseId)) return true;
  return false;
}

/** A gridworker stream on `base` that has shown it delivers: a case reported in its grid arrived. */
async function liveGridworkerStream(base = slow): Promise<{ token: string; stream: Stream }> {
  const token = await t.login('gridworker', password);
  const stream = await openStream(base, token);
  expect(await arrives(stream, await report(dispatcherToken))).toBe(true);
  return { token, stream };
}

/**
 * Right after the revocation: the stream ends with `reason`, and a case reported in its grid at once, before the
 * end was seen, never reaches it.
 */
async function expectRevoked(stream: Stream, reason: string): Promise<void> {
  const later = await report(dispatcherToken);
  expect(await stream.endsWithin(ENDS_WITHIN_MS), 'the stream ended').toBe(true);
  expect(stream.revoked).toBe(reason);
  await pause(300);
  expect(stream.cases).not.toContain(later);
}

describe('live streams end when their session is revoked or their access changes', () => {
  let dispatcher: Stream;
  let resident: Stream;
  beforeAll(async () => {
    dispatcher = await openStream(slow, dispatcherToken);
    resident = await openStream(quick, await t.login('resident'));
  });
  afterAll(() => {
    dispatcher.close();
    resident.close();
  });

  it('ends on logout, and reconnecting answers 401', async () => {
    const { token, stream } = await liveGridworkerStream();
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) })).statusCode).toBe(204);
    await expectRevoked(stream, 'sessionEnded');
    expect((await fetch(`${slow}/api/events`, { headers: bearer(token) })).status).toBe(401);
  });

  it('ends when the password is changed from another session', async () => {
    const { stream } = await liveGridworkerStream();
    const other = await t.login('gridworker', password);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: bearer(other), payload: { currentPassword: password, newPassword: 'Grid-2026-new' } });
    expect(res.statusCode).toBe(204);
    password = 'Grid-2026-new';
    await expectRevoked(stream, 'sessionEnded');
  });

  it('ends when the security administrator disables the account', async () => {
    const { stream } = await liveGridworkerStream();
    const admin = bearer(await t.login('security'));
    expect((await t.app.inject({ method: 'POST', url: `/api/accounts/${gridworkerId}/disable`, headers: admin })).statusCode).toBe(204);
    try {
      await expectRevoked(stream, 'sessionEnded');
    } finally {
      expect((await t.app.inject({ method: 'POST', url: `/api/accounts/${gridworkerId}/enable`, headers: admin })).statusCode).toBe(204);
    }
  });

  it('ends when the scope is changed by plain SQL, and a new stream gets the new scope', async () => {
    const { token, stream } = await liveGridworkerStream();
    const before = (await t.db.query<{ scope_org_unit_id: string }>('select scope_org_unit_id from accounts where id = $1', [gridworkerId])).rows[0]!.scope_org_unit_id;
    await t.db.query(`update accounts set scope_org_unit_id = (select id from org_units where code = $2) where id = $1`, [gridworkerId, RURAL_GRID]);
    try {
      await expectRevoked(stream, 'accessChanged');
      const again = await openStream(slow, token);
      const inOldGrid = await report(dispatcherToken);
      await pause(500);
      expect(again.cases).not.toContain(inOldGrid);
      again.close();
    } finally {
      await t.db.query('update accounts set scope_org_unit_id = $2 where id = $1', [gridworkerId, before]);
    }
  });

  it('ends when a department membership is added by plain SQL', async () => {
    const { stream } = await liveGridworkerStream();
    const department = (await t.db.query<{ id: string }>('select id from departments limit 1')).rows[0]!.id;
    await t.db.query('insert into department_members (department_id, account_id) values ($1, $2)', [department, gridworkerId]);
    try {
      expect(await stream.endsWithin(ENDS_WITHIN_MS)).toBe(true);
      expect(stream.revoked).toBe('accessChanged');
    } finally {
      await t.db.query('delete from department_members where department_id = $1 and account_id = $2', [department, gridworkerId]);
    }
  });

  it('leaves the streams of other sessions open, through every revocation above and many re-checks', async () => {
    const mine = await report(await t.login('resident'));
    expect(await arrives(dispatcher, mine)).toBe(true);
    expect(await arrives(resident, mine)).toBe(true);
    expect(await dispatcher.endsWithin(0)).toBe(false);
    expect(await resident.endsWithin(0)).toBe(false);
  });

  it('ends when the token expires, caught by the periodic re-check on the app clock', async () => {
    const { stream } = await liveGridworkerStream(quick);
    t.clock.advance(t.config.tokenTtlSeconds * 1000 + 1000);
    dispatcherToken = await t.login('dispatcher');
    await expectRevoked(stream, 'sessionEnded');
    expect(await resident.endsWithin(ENDS_WITHIN_MS), 'every stream of an expired session ends').toBe(true);
  });
});

describe('across nodes', () => {
  const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
  if (!onPostgres) console.log('two-node revocation test skipped: it needs two servers on one PostgreSQL database (set TEST_DATABASE_URL)');

  it.skipIf(!onPostgres)('a logout on one node ends the stream on another node within seconds', async () => {
    const raw = t.db.raw as { connectionString: string };
    const other = await node(60_000, await openPostgres(raw.connectionString, 2));
    const { token, stream } = await liveGridworkerStream(other);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) })).statusCode).toBe(204);
    await expectRevoked(stream, 'sessionEnded');
  });
});
