import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../support/test-app.ts';
import { LiveHub, notifyCaseChange, type CaseChange } from '../../src/server/platform/live.ts';
import type { Db } from '../../src/server/platform/db/db.ts';

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await openTestDb()));
afterAll(async () => close());

const change = (caseId: string, orgPath: string): CaseChange => ({
  caseId, number: 'N', eventId: 1, action: 'accept', status: 'accepted', orgPath, reporterAccountId: null, assignee: null, departmentIds: [], at: new Date().toISOString(),
});
const stream = (accepts: (c: CaseChange) => boolean, send: (c: CaseChange) => void, end: () => void) =>
  ({ accountId: 'a', tokenHash: 'h', access: '', accepts, send, end });
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('live hub', () => {
  it('delivers a change after its transaction commits, to subscribers whose filter accepts it', async () => {
    const hub = new LiveHub(db);
    await hub.start();
    const town: string[] = [];
    const other: string[] = [];
    hub.subscribe(stream((c) => c.orgPath.startsWith('/a/'), (c) => town.push(c.caseId), () => undefined));
    hub.subscribe(stream((c) => c.orgPath.startsWith('/b/'), (c) => other.push(c.caseId), () => undefined));
    await db.transaction(async (tx) => notifyCaseChange(tx, change('c1', '/a/x/')));
    await db.transaction(async (tx) => {
      await notifyCaseChange(tx, change('c2', '/a/y/'));
      throw new Error('roll back');
    }).catch(() => undefined);
    await settle();
    expect(town).toEqual(['c1']);
    expect(other).toEqual([]);
    let ended = false;
    hub.subscribe(stream(() => true, () => undefined, () => { ended = true; }));
    await hub.stop();
    expect(ended).toBe(true);
  });
});
