import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../support/test-app.ts';
import { migrate } from '../../src/server/platform/db/migrate.ts';
import type { Db } from '../../src/server/platform/db/db.ts';
import { findCase, listCases } from '../../src/server/cases/store.ts';
import { canSeeCase, type CaseViewer, type VisibleCase } from '../../src/domain/cases/visibility.ts';

// One table of (viewer, case) pairs with the answers written by hand, put to the domain rule and to the store's SQL:
// the two homes of case visibility must give the same answers.

const viewers = {
  // a town post holder; '_' in the path would be a LIKE wildcard if the store forgot to escape it
  town: { accountId: 'acc-town', scopePath: '/C/T_1/', postIds: ['post-1'], departmentIds: [] },
  department: { accountId: 'acc-dept', scopePath: null, postIds: [], departmentIds: ['dept-1'] },
  resident: { accountId: 'acc-res', scopePath: null, postIds: [], departmentIds: [] },
  // an empty path is no territory, not the whole tree
  emptyScope: { accountId: 'acc-empty', scopePath: '', postIds: [], departmentIds: [] },
} satisfies Record<string, CaseViewer>;

const cases = {
  inTown: { orgPath: '/C/T_1/G1/', assignee: null, departmentIds: [], reporterAccountId: null },
  likeWildcardTwin: { orgPath: '/C/TX1/G1/', assignee: null, departmentIds: [], reporterAccountId: null },
  longerSibling: { orgPath: '/C/T_10/G1/', assignee: null, departmentIds: [], reporterAccountId: null },
  atTownPost: { orgPath: '/C/T2/G1/', assignee: { postId: 'post-1' }, departmentIds: [], reporterAccountId: null },
  atOtherPost: { orgPath: '/C/T2/G1/', assignee: { postId: 'post-9' }, departmentIds: [], reporterAccountId: null },
  atTownStaff: { orgPath: '/C/T2/G1/', assignee: { staffId: 'acc-town' }, departmentIds: [], reporterAccountId: null },
  onceAtDepartment: { orgPath: '/C/T2/G1/', assignee: { postId: 'post-9' }, departmentIds: ['dept-2', 'dept-1'], reporterAccountId: null },
  // the department rule reads every department the case was sent to, not the current assignee
  assigneeOnlyDepartment: { orgPath: '/C/T2/G1/', assignee: { departmentId: 'dept-1' }, departmentIds: [], reporterAccountId: null },
  reportedByResident: { orgPath: '/C/T2/G1/', assignee: null, departmentIds: [], reporterAccountId: 'acc-res' },
  nobodys: { orgPath: '/C/T2/G1/', assignee: null, departmentIds: [], reporterAccountId: null },
} satisfies Record<string, VisibleCase>;

type ViewerName = keyof typeof viewers;
type CaseName = keyof typeof cases;

/** Who sees each case, by hand. */
const SEEN_BY: Record<CaseName, ViewerName[]> = {
  inTown: ['town'],
  likeWildcardTwin: [],
  longerSibling: [],
  atTownPost: ['town'],
  atOtherPost: [],
  atTownStaff: ['town'],
  onceAtDepartment: ['department'],
  assigneeOnlyDepartment: [],
  reportedByResident: ['resident'],
  nobodys: [],
};

const pairs = (Object.keys(cases) as CaseName[]).flatMap((c) =>
  (Object.keys(viewers) as ViewerName[]).map((v) => ({ viewer: v, case: c, sees: SEEN_BY[c].includes(v) })));

let db: Db;
let close: () => Promise<void>;
const ids = new Map<CaseName, string>();

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await migrate(db);
  await db.query(`insert into org_units (id, level, code, name, path) values ('C', 'city', 'C', 'city', '/C/')`);
  await db.query(`insert into matters (id, town_id, code, version, name, class, list, tier, sla)
                  values ('m', 'C', 'X', 1, 'x', 'x', 'basic', 'grid', '{}')`);
  for (const v of Object.values(viewers)) {
    await db.query(`insert into accounts (id, username, name, kind, roles, password_hash) values ($1, $1, $1, 'staff', '{}', 'x')`, [v.accountId]);
  }
  for (const [i, [name, c]] of Object.entries(cases).entries()) {
    const id = `case-${name}`;
    ids.set(name as CaseName, id);
    await db.query(
      `insert into cases (id, number, status, town_id, grid_id, org_path, matter_id, category_code, tier, description, lng, lat, source,
                          reporter_kind, reporter_account_id, assignee, department_ids, created_at, updated_at)
       values ($1, $2, 'reported', 'C', 'C', $3, 'm', 'X', 'grid', 'd', 0, 0, 'hotline', 'staff', $4, $5, $6, now(), now())`,
      [id, `N${i}`, c.orgPath, c.reporterAccountId, c.assignee, c.departmentIds],
    );
  }
});
afterAll(async () => close());

describe('case visibility: one rule, in the domain and in the store', () => {
  it.each(pairs)('$viewer sees $case: $sees', async ({ viewer, case: name, sees }) => {
    const v = viewers[viewer];
    expect(canSeeCase(v, cases[name]), 'domain').toBe(sees);
    expect((await findCase(db, ids.get(name)!, v)) !== null, 'store').toBe(sees);
  });

  it.each(Object.keys(viewers) as ViewerName[])('the store lists exactly the cases %s sees', async (viewer) => {
    const listed = await listCases(db, viewers[viewer], { limit: 100, now: new Date() });
    const want = pairs.filter((p) => p.viewer === viewer && p.sees).map((p) => ids.get(p.case));
    expect(listed.map((r) => r.id).sort()).toEqual(want.sort());
  });
});
