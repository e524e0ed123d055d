import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isErrorShape, leaks } from './support.ts';
import { createWorld, departmentCases, DEPARTMENT, type DepartmentCases, type World } from './fixtures.ts';

/**
 * Dispatch to every kind of assignee, and what a district department reads. The expected answers are the
 * product's promises (DESIGN.md's lifecycle, README's accounts; issue 8 items 1 and 2), not its rules:
 * an assignee must be one that may handle cases of the case's town (admins, leaders and auditors never
 * handle cases), and 区城市管理局 sees exactly the cases ever assigned to it, with their history, and a
 * reporter's phone only while the case is its own.
 */

let w: World;
let dept: DepartmentCases;

/** A case of 春晖社区第1网格 (reported by its grid worker) that the dispatcher of 春晖路街道 accepted. */
async function acceptedCase(label: string): Promise<string> {
  const id = await w.report('gridworker', 'demoGrid', 'C0101', label);
  await w.act('dispatcher', id, 'accept');
  return id;
}

const read = async (who: 'admin' | 'department', id: string) => w.inject(who, { method: 'GET', url: `/api/cases/${id}` });

beforeAll(async () => {
  w = await createWorld();
  dept = await departmentCases(w);
}, 120_000);
afterAll(async () => { await w?.t.close(); });

describe('dispatch by the dispatcher of 春晖路街道, to every kind of assignee', () => {
  type Assignee = { postId: string } | { departmentId: string } | { staffId: string };
  const staff = (username: string) => async (): Promise<Assignee> => ({ staffId: await w.accountId(username) });
  const accepted: [string, () => Promise<Assignee>][] = [
    ['a post of 春晖路街道 (城市更新岗)', async () => ({ postId: await w.postId('urbanTown', 'JJ-CSGX') })],
    [`the district department ${DEPARTMENT}`, async () => ({ departmentId: await w.departmentId(DEPARTMENT) })],
    ['staff handler (same town)', staff('handler')],
    ['staff gridworker, whose grid holds the case', staff('gridworker')],
  ];
  const refusedAssignees: [string, () => Promise<Assignee>][] = [
    ['a post of 青杠镇', async () => ({ postId: await w.postId('ruralTown', 'JJ-CSGX') })],
    ['staff town2-leader1 (青杠镇)', staff('town2-leader1')],
    ['staff auditor', staff('auditor')],
    ['staff admin', staff('admin')],
    ['staff leader', staff('leader')],
    ['staff resident', staff('resident')],
    ['an unknown post', async () => ({ postId: '00000000-0000-4000-8000-000000000000' })],
    ['an unknown department', async () => ({ departmentId: '00000000-0000-4000-8000-000000000000' })],
    ['an unknown staff id', async () => ({ staffId: '00000000-0000-4000-8000-000000000000' })],
  ];

  it.each(accepted)('%s: 200, and the case is theirs', async (label, make) => {
    const id = await acceptedCase(`派遣给 ${label}`);
    const assignee = await make();
    const res = await w.inject('dispatcher', { method: 'POST', url: `/api/cases/${id}/actions/dispatch`, payload: { assignee, reason: '改派测试' } });
    expect(res.statusCode, res.body).toBe(200);
    if ('departmentId' in assignee) w.known.get(id)!.sentToDepartment = true;
    expect(res.json().status).toBe('dispatched');
    expect(res.json().assignee.id).toBe(Object.values(assignee)[0]);
  });

  it.each(refusedAssignees)('%s: 422, and the case is unchanged', async (label, make) => {
    // a case of its own: a wrongly accepted dispatch must not turn the next refusal into a 409
    const refused = await acceptedCase(`拒绝派遣给 ${label}`);
    const before = (await read('admin', refused)).json();
    const res = await w.inject('dispatcher', { method: 'POST', url: `/api/cases/${refused}/actions/dispatch`, payload: { assignee: await make(), reason: '改派测试' } });
    expect(res.statusCode, res.body).toBe(422);
    expect(isErrorShape(res.json()), res.body).toBe(true);
    expect(leaks(res.body)).toBeUndefined();
    const after = (await read('admin', refused)).json();
    expect({ status: after.status, version: after.version, assignee: after.assignee }).toEqual({ status: 'accepted', version: before.version, assignee: before.assignee });
  });
});

describe(`what ${DEPARTMENT} reads`, () => {
  it('lists exactly the cases ever assigned to it, wherever they went since', async () => {
    const res = await w.inject('department', { method: 'GET', url: '/api/cases?limit=200' });
    expect(res.statusCode).toBe(200);
    const listed = new Set((res.json().items as { id: string }[]).map((x) => x.id));
    const promised = w.visibleTo('department');
    expect(promised.has(dept.current) && promised.has(dept.returned) && promised.has(dept.escalated) && !promised.has(dept.never)).toBe(true);
    const label = (id: string) => w.known.get(id)?.label ?? id;
    expect([...listed].filter((id) => !promised.has(id)).map(label), 'listed but never assigned to it').toEqual([]);
    expect([...promised].filter((id) => !listed.has(id)).map(label), 'assigned to it once but missing').toEqual([]);
  });

  it.each(['current', 'returned', 'escalated'] as const)('reads the %s case with its whole history', async (which) => {
    const mine = await read('department', dept[which]);
    expect(mine.statusCode, mine.body).toBe(200);
    const all = (await read('admin', dept[which])).json();
    const steps = (k: { timeline: { action: string; to: string }[] }) => k.timeline.map((e) => `${e.action}→${e.to}`);
    expect(steps(mine.json())).toEqual(steps(all));
    expect(steps(mine.json())).toContain('dispatch→dispatched');
  });

  it('does not read a case of the same grid that was never assigned to it', async () => {
    const res = await read('department', dept.never);
    expect(res.statusCode).toBe(404);
    expect(isErrorShape(res.json())).toBe(true);
  });

  it('sees the reporter\'s phone on the case it holds, and only masked once the case left it', async () => {
    const phone = (id: string) => w.known.get(id)!.phone!;
    const current = (await read('department', dept.current)).json();
    expect(current.reporter.phone).toBe(phone(dept.current));
    for (const which of ['returned', 'escalated'] as const) {
      const res = await read('department', dept[which]);
      expect(res.statusCode).toBe(200);
      expect(res.body, `the ${which} case shows the full phone`).not.toContain(phone(dept[which]));
      expect(res.json().reporter.phone, which).toMatch(/^1\d\d\*{4}\d{4}$/);
    }
  });
});
