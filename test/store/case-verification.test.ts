import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../support/test-app.ts';
import { migrate } from '../../src/server/platform/db/migrate.ts';
import type { Db } from '../../src/server/platform/db/db.ts';
import { findCase, listCases } from '../../src/server/cases/store.ts';
import { toCaseState } from '../../src/server/cases/case-mapping.ts';
import type { Actor } from '../../src/domain/cases/case-state.ts';
import { policies } from '../../src/domain/cases/lifecycle.ts';
import { mineFilter } from '../../src/domain/cases/mine-lists.ts';

// One table of (actor, case) pairs with the answers written by hand, put to the lifecycle's verifier rule (may this
// actor verify the case now?) and to the store's 待核查 list (mine=verify): the two homes of the rule must agree.

const TOWN = '/C/D/T_1/'; // '_' would be a LIKE wildcard if the store forgot to escape it
const COMMUNITY = `${TOWN}M/`;
const GRID = `${COMMUNITY}G/`;
const OTHER_GRID = `${TOWN}M2/G2/`;
const TWIN_GRID = '/C/D/TX1/M/G/';

const actor = (accountId: string, over: Partial<Actor>): Actor => ({
  accountId, roles: [], scopePath: null, postIds: [], departmentIds: [], gridIds: [], ...over,
});

const actors = {
  townDispatcher: actor('disp', { roles: ['dispatcher'], scopePath: TOWN }),
  districtDispatcher: actor('disp-d', { roles: ['dispatcher'], scopePath: '/C/D/' }),
  // a dispatcher's scope must cover the whole town of the case
  communityDispatcher: actor('disp-m', { roles: ['dispatcher'], scopePath: COMMUNITY }),
  twinTownDispatcher: actor('disp-x', { roles: ['dispatcher'], scopePath: '/C/D/TX1/' }),
  // a town dispatcher who took a case as its assignee and handled it
  handlingDispatcher: actor('disp-h', { roles: ['dispatcher'], scopePath: TOWN }),
  communityStaff: actor('cs', { roles: ['communityStaff'], scopePath: COMMUNITY }),
  otherCommunityStaff: actor('cs-2', { roles: ['communityStaff'], scopePath: `${TOWN}M2/` }),
  postHolder: actor('h-1', { roles: ['handler'], scopePath: TOWN, postIds: ['post-1'] }),
  gridWorker: actor('gw-1', { roles: ['gridWorker'], scopePath: GRID, gridIds: ['G'] }),
  otherGridWorker: actor('gw-2', { roles: ['gridWorker'], scopePath: GRID, gridIds: ['G'] }),
  leader: actor('lead', { roles: ['leader'], scopePath: TOWN }),
} satisfies Record<string, Actor>;

interface CaseSpec {
  status: string; town: string; orgPath: string; reporterKind: string; reporter: string | null;
  handledBy: string | null; onSpot: boolean; assignee: object | null;
}
const handled = (over: Partial<CaseSpec>): CaseSpec => ({
  status: 'handled', town: 'T_1', orgPath: GRID, reporterKind: 'gridWorker', reporter: 'gw-1', handledBy: 'h-1', onSpot: false,
  assignee: { postId: 'post-1' }, ...over,
});

const cases = {
  // 琐事马上办: the grid worker resolved it; the community (or the town's dispatchers) verify
  onSpot: handled({ handledBy: 'gw-1', onSpot: true, assignee: null }),
  onSpotOtherCommunity: handled({ orgPath: OTHER_GRID, reporter: 'gw-2', handledBy: 'gw-2', onSpot: true, assignee: null }),
  // handled at a post: the town's dispatchers verify, and the grid worker who reported it
  postHandledFromGridWorker: handled({}),
  postHandledFromResident: handled({ reporterKind: 'resident', reporter: 'res' }),
  handledByDispatcher: handled({ handledBy: 'disp-h', assignee: { staffId: 'disp-h' } }),
  // the reporting grid worker was assigned and handled it himself: only the dispatchers
  handledByReporter: handled({ reporter: 'gw-2', handledBy: 'gw-2', assignee: { staffId: 'gw-2' } }),
  twinTown: handled({ town: 'TX1', orgPath: TWIN_GRID, reporterKind: 'resident', reporter: 'res' }),
  notYetHandled: handled({ status: 'in_progress', handledBy: null }),
  closedOnSpot: handled({ status: 'closed', handledBy: 'gw-1', onSpot: true, assignee: null }),
} satisfies Record<string, CaseSpec>;

type ActorName = keyof typeof actors;
type CaseName = keyof typeof cases;

/** Who may verify each case now, by hand. */
const DISPATCHERS: ActorName[] = ['townDispatcher', 'districtDispatcher', 'handlingDispatcher'];
const VERIFIED_BY: Record<CaseName, ActorName[]> = {
  onSpot: [...DISPATCHERS, 'communityStaff'],
  onSpotOtherCommunity: [...DISPATCHERS, 'otherCommunityStaff'],
  postHandledFromGridWorker: [...DISPATCHERS, 'gridWorker'],
  postHandledFromResident: DISPATCHERS,
  handledByDispatcher: ['townDispatcher', 'districtDispatcher', 'gridWorker'],
  handledByReporter: DISPATCHERS,
  twinTown: ['twinTownDispatcher', 'districtDispatcher'],
  notYetHandled: [],
  closedOnSpot: [],
};

const pairs = (Object.keys(cases) as CaseName[]).flatMap((c) =>
  (Object.keys(actors) as ActorName[]).map((a) => ({ actor: a, case: c, verifies: VERIFIED_BY[c].includes(a) })));

let db: Db;
let close: () => Promise<void>;
const ids = new Map<CaseName, string>();

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await migrate(db);
  for (const [id, level, path] of [['C', 'city', '/C/'], ['D', 'district', '/C/D/'], ['T_1', 'town', TOWN], ['TX1', 'town', '/C/D/TX1/']]) {
    await db.query(`insert into org_units (id, level, code, name, path) values ($1, $2, $1, $1, $3)`, [id, level, path]);
  }
  await db.query(`insert into matters (id, town_id, code, version, name, class, list, tier, sla)
                  values ('m', 'T_1', 'X', 1, 'x', 'x', 'basic', 'grid', '{}')`);
  for (const id of [...Object.values(actors).map((a) => a.accountId), 'res']) {
    await db.query(`insert into accounts (id, username, name, kind, roles, password_hash) values ($1, $1, $1, 'staff', '{}', 'x')`, [id]);
  }
  for (const [i, [name, c]] of Object.entries(cases).entries()) {
    const id = `case-${name}`;
    ids.set(name as CaseName, id);
    await db.query(
      `insert into cases (id, number, status, town_id, grid_id, org_path, matter_id, category_code, tier, description, lng, lat, source,
                          reporter_kind, reporter_account_id, assignee, handled_by, resolved_on_spot, created_at, updated_at)
       values ($1, $2, $3, $4, $4, $5, 'm', 'X', 'grid', 'd', 0, 0, 'gridWorker', $6, $7, $8, $9, $10, now(), now())`,
      [id, `N${i}`, c.status, c.town, c.orgPath, c.reporterKind, c.reporter, c.assignee, c.handledBy, c.onSpot],
    );
  }
});
afterAll(async () => close());

describe('who may verify a case: one rule, in the lifecycle and in the 待核查 list', () => {
  it.each(pairs)('$actor verifies $case: $verifies', async ({ actor: name, case: c, verifies }) => {
    const row = await findCase(db, ids.get(c)!, null);
    expect(policies(toCaseState(row!), actors[name]).includes('verify'), 'lifecycle').toBe(verifies);
  });

  it.each(Object.keys(actors) as ActorName[])('the store lists for %s exactly the cases they may verify', async (name) => {
    const a = actors[name];
    const listed = await listCases(db, a, { mine: mineFilter('verify', a), limit: 100, now: new Date() });
    const want = pairs.filter((p) => p.actor === name && p.verifies).map((p) => ids.get(p.case));
    expect(listed.map((r) => r.id).sort()).toEqual(want.sort());
  });
});
