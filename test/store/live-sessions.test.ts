import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../support/test-app.ts';
import { ACCESS_CHANNEL, LiveHub, notifyCaseChange, type CaseChange, type RevokedReason } from '../../src/server/platform/live.ts';
import type { Db } from '../../src/server/platform/db/db.ts';

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await openTestDb()));
afterAll(async () => close());

const change = (caseId: string): CaseChange => ({
  caseId, number: 'N', eventId: 1, action: 'accept', status: 'accepted', orgPath: '/a/', reporterAccountId: null, assignee: null, departmentIds: [], at: new Date().toISOString(),
});
const settle = () => new Promise((r) => setTimeout(r, 300));

/** A session check whose answers the test gives, one call at a time. */
function scriptedCheck() {
  const calls: { hashes: string[]; answer: (m: Map<string, string> | Error) => void }[] = [];
  const check = (hashes: string[]) => new Promise<Map<string, string>>((resolve, reject) => {
    calls.push({ hashes, answer: (m) => (m instanceof Error ? reject(m) : resolve(m)) });
  });
  const next = async () => {
    for (let i = 0; i < 100 && calls.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    return calls.shift()!;
  };
  return { check, next };
}

function stream(accountId: string, access: string) {
  const s = { got: [] as string[], ended: null as RevokedReason | 'plain' | null };
  return Object.assign(s, {
    accountId, tokenHash: `hash-${accountId}`, access,
    accepts: () => true,
    send: (c: CaseChange) => s.got.push(c.caseId),
    end: (r?: RevokedReason) => { s.ended = r ?? 'plain'; },
  });
}

describe('live hub: streams live only as long as their session and its access', () => {
  it('on an announced access change, holds the account\'s changes until the check answers, then ends or delivers', async () => {
    const hub = new LiveHub(db);
    await hub.start();
    const { check, next } = scriptedCheck();
    hub.guardSessions(check, 60_000);
    const [dead, same, moved, other] = [stream('dead', 'x'), stream('same', 'x'), stream('moved', 'x'), stream('other', 'x')];
    for (const s of [dead, same, moved, other]) {
      hub.subscribe(s);
      (await next()).answer(new Map([[s.tokenHash, 'x']]));
    }
    for (const account of ['dead', 'same', 'moved']) await db.query('select pg_notify($1, $2)', [ACCESS_CHANNEL, account]);
    const first = await next();
    await db.transaction(async (tx) => notifyCaseChange(tx, change('c1')));
    await settle();
    expect(other.got, 'an account nobody changed is not held').toEqual(['c1']);
    expect([dead.got, same.got, moved.got]).toEqual([[], [], []]);

    first.answer(new Map());
    (await next()).answer(new Map([['hash-same', 'x']]));
    (await next()).answer(new Map([['hash-moved', 'y']]));
    await settle();
    expect([dead.ended, dead.got]).toEqual(['sessionEnded', []]);
    expect([same.ended, same.got]).toEqual([null, ['c1']]);
    expect([moved.ended, moved.got]).toEqual(['accessChanged', []]);
    expect(hub.connections).toBe(2);
    await hub.stop();
    expect([same.ended, other.ended]).toEqual(['plain', 'plain']);
  });

  it('re-checks every stream in one call every interval, and ends those it cannot check', async () => {
    const hub = new LiveHub(db);
    await hub.start();
    const { check, next } = scriptedCheck();
    hub.guardSessions(check, 60_000);
    const a = stream('a', 'x');
    const b = stream('b', 'x');
    hub.subscribe(a);
    (await next()).answer(new Map([['hash-a', 'x']]));
    hub.subscribe(b);
    (await next()).answer(new Map([['hash-b', 'x']]));
    hub.guardSessions(check, 100);
    const sweep = await next();
    expect(sweep.hashes.sort()).toEqual(['hash-a', 'hash-b']);
    sweep.answer(new Error('database unreachable'));
    await settle();
    expect([a.ended, b.ended], 'ended without a revoked event: their clients reconnect').toEqual(['plain', 'plain']);
    expect(hub.connections).toBe(0);
    await hub.stop();
  });
});
