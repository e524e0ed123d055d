import type { Principal } from '../platform/auth.ts';
import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { cellOf, cellOfKey } from '../../domain/analytics/cells.ts';
import { isOpen, nextStatus, type ProjectAction } from '../../domain/analytics/projects.ts';
import { CIRCLE_PROJECT_LIMITS } from '../../shared/analytics.ts';
import { spanOf } from './hotspots.ts';
import { projectOf, type ProjectRow } from './project-store.ts';
import type { NewProject, UpdateProject } from './schemas.ts';
import { edits, isEditor } from './scope.ts';

/*
 * The 15-minute service circle's projects (issue 17): made by a community's staff (or the town's leaders) from a hot
 * spot — its cells' cases of the span linked — or by hand; changed while open; started, finished with the result or
 * dropped with a reason; cases of the community linked. Each change writes a step (circle_project_events) and an
 * audit row in its transaction, and bumps the version.
 */

export interface Opts { now: Date; ip: string | null }

export const projectInvalid = (en: string, zh: string, details?: unknown) => new AppError('PROJECT_INVALID', en, zh, details);
const stale = () => new AppError('CONFLICT', 'Someone else changed this project meanwhile: reload it and try again.', '该项目已被他人修改，请刷新后重试。');
const closed = () => new AppError('PROJECT_STATE_CONFLICT', 'The project is done or dropped: it changes no more.', '项目已完成或已终止，不能再修改。');

async function step(tx: Tx, p: Principal, projectId: string, kind: string, s: { from?: string | null; to?: string | null; note?: string | null; data?: unknown }, o: Opts) {
  await tx.query(
    `insert into circle_project_events (project_id, at, action, actor_id, actor_name, from_status, to_status, note, data)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [projectId, o.now, kind, p.accountId, p.name, s.from ?? null, s.to ?? null, s.note ?? null, s.data === undefined ? null : JSON.stringify(s.data)]);
}

/** The owner: an active staff account whose scope lies in the community or holds it; the caller without one. */
async function ownerOf(tx: Tx, p: Principal, communityPath: string, id: string | undefined): Promise<{ id: string; name: string }> {
  if (!id || id === p.accountId) return { id: p.accountId, name: p.name };
  const r = await tx.query<{ id: string; name: string }>(
    `select a.id, a.name from accounts a join org_units u on u.id = a.scope_org_unit_id
      where a.id = $1 and a.disabled_at is null and (u.path like $2 or left($3::text, length(u.path)) = u.path)`, [id, likePrefix(communityPath), communityPath]);
  if (!r.rows[0]) throw projectInvalid('The owner must be a staff account of the community or above it.', '负责人须为本社区或上级的工作人员账号。', { field: 'ownerAccountId' });
  return r.rows[0];
}

async function checkCategory(tx: Tx, code: string | null | undefined): Promise<void> {
  if (!code) return;
  const r = await tx.query('select 1 from matters where code = $1 and current limit 1', [code]);
  if (r.rows.length === 0) throw projectInvalid('Unknown case category.', '事件类别不存在。', { field: 'categoryCode' });
}

/** Link cases to a project: each must lie in its community (else 422 with the ids); those linked already are kept. */
async function link(tx: Tx, p: Principal, project: { id: string; org_path: string }, caseIds: string[], o: Opts): Promise<string[]> {
  const ids = [...new Set(caseIds)];
  if (ids.length === 0) return [];
  const found = await tx.query<{ id: string; number: string }>('select id, number from cases where id = any($1::text[]) and org_path like $2', [ids, likePrefix(project.org_path)]);
  const inside = new Set(found.rows.map((x) => x.id));
  const outside = ids.filter((x) => !inside.has(x));
  if (outside.length > 0) throw projectInvalid('Only cases of the project\'s community can be linked.', '只能关联本社区的事件。', { field: 'caseIds', caseIds: outside });
  const count = (await tx.query<{ n: number }>('select count(*)::int as n from circle_project_cases where project_id = $1', [project.id])).rows[0]!.n;
  const added = await tx.query<{ case_id: string }>(
    `insert into circle_project_cases (project_id, case_id, linked_at, linked_by) select $1, unnest($2::text[]), $3, $4
     on conflict do nothing returning case_id`, [project.id, ids, o.now, p.accountId]);
  if (count + added.rows.length > CIRCLE_PROJECT_LIMITS.cases) {
    throw projectInvalid(`A project links ${CIRCLE_PROJECT_LIMITS.cases} cases at most.`, `一个项目最多关联 ${CIRCLE_PROJECT_LIMITS.cases} 件事件。`, { field: 'caseIds' });
  }
  const numbers = new Map(found.rows.map((x) => [x.id, x.number]));
  return added.rows.map((x) => numbers.get(x.case_id)!);
}

/** The community's cases of a span in the given cells (of one category when given). */
async function casesInCells(tx: Tx, communityPath: string, cells: string[], span: { from: Date; until: Date }, category: string | null): Promise<string[]> {
  const keys = new Set(cells);
  const r = await tx.query<{ id: string; lng: number; lat: number }>(
    `select id, lng, lat from cases where org_path like $1 and created_at >= $2 and created_at < $3 and ($4::text is null or category_code = $4)`,
    [likePrefix(communityPath), span.from, span.until, category]);
  return r.rows.filter((c) => keys.has(cellOf(Number(c.lng), Number(c.lat)).key)).map((c) => c.id).slice(0, CIRCLE_PROJECT_LIMITS.cases);
}

export async function createProject(tx: Tx, p: Principal, b: NewProject, idempotencyKey: string | null, o: Opts): Promise<string> {
  const key = idempotencyKey ? `${p.accountId}:${idempotencyKey}` : null;
  if (key) {
    const seen = (await tx.query<{ id: string }>('select id from circle_projects where idempotency_key = $1', [key])).rows[0];
    if (seen) return seen.id;
  }
  if (!isEditor(p)) throw notFound('organisation unit');
  const unit = (await tx.query<{ id: string; name: string; path: string; level: string; town_id: string | null }>(
    `select u.id, u.name, u.path, u.level, (select t.id from org_units t where t.level = 'town' and left(u.path, length(t.path)) = t.path limit 1) as town_id
       from org_units u where u.id = $1 and u.path like $2`, [b.communityId, likePrefix(p.scopePath!)])).rows[0];
  if (!unit) throw notFound('organisation unit');
  if (unit.level !== 'community' || !unit.town_id) throw projectInvalid('A 15-minute circle project belongs to a community.', '“15分钟服务圈”项目须归属社区（村）。', { field: 'communityId' });
  const name = b.name.trim();
  if (!name) throw projectInvalid('The project needs a name.', '请填写项目名称。', { field: 'name' });
  for (const k of b.cells ?? []) if (!cellOfKey(k)) throw projectInvalid('Unknown hot cell.', '热点网格编号无效。', { field: 'cells' });
  await checkCategory(tx, b.categoryCode);
  const owner = await ownerOf(tx, p, unit.path, b.ownerAccountId);
  const span = b.cells?.length ? spanOf(b, o.now) : null;
  const first = b.cells?.length ? cellOfKey(b.cells[0]!) : null;
  const lng = b.lng ?? first?.lng ?? null;
  const lat = b.lat ?? first?.lat ?? null;
  const ins = await tx.query<{ id: string }>(
    `insert into circle_projects (town_id, community_id, org_path, name, category_code, description, owner_account_id, owner_name, status, due_on,
       lng, lat, cells, span_from, span_to, idempotency_key, created_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, 'planned', $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)
     on conflict (idempotency_key) do nothing returning id`,
    [unit.town_id, unit.id, unit.path, name, b.categoryCode ?? null, b.description?.trim() ?? '', owner.id, owner.name, b.dueOn ?? null,
      lng, lat, JSON.stringify(b.cells ?? []), span?.from ?? null, span?.to ?? null, key, p.accountId, o.now]);
  if (!ins.rows[0]) return (await tx.query<{ id: string }>('select id from circle_projects where idempotency_key = $1', [key])).rows[0]!.id;
  const id = ins.rows[0].id;
  const fromCells = span ? await casesInCells(tx, unit.path, b.cells!, span.window, b.categoryCode ?? null) : [];
  const numbers = await link(tx, p, { id, org_path: unit.path }, [...fromCells, ...(b.caseIds ?? [])], o);
  await step(tx, p, id, 'create', { to: 'planned', data: { cells: b.cells ?? [], cases: numbers.length } }, o);
  await appendAudit(tx, {
    at: o.now, actorId: p.accountId, actorName: p.name, ip: o.ip, action: 'circle_project.create', targetType: 'circle_project', targetId: id,
    success: true, detail: { community: unit.name, name, categoryCode: b.categoryCode ?? null, owner: owner.name, cells: b.cells ?? [], cases: numbers },
  });
  return id;
}

async function editable(tx: Tx, p: Principal, id: string, version?: number): Promise<ProjectRow> {
  const row = await projectOf(tx, p, id, true);
  if (!edits(p, row.org_path)) throw new AppError('FORBIDDEN', 'Only the community\'s staff and the town\'s leaders run its projects.', '仅本社区工作人员和街道领导可管理本社区项目。');
  if (version !== undefined && version !== row.version) throw stale();
  return row;
}

export async function updateProject(tx: Tx, p: Principal, id: string, b: UpdateProject, o: Opts): Promise<void> {
  const row = await editable(tx, p, id, b.version);
  if (!isOpen(row.status)) throw closed();
  if (b.name !== undefined && !b.name.trim()) throw projectInvalid('The project needs a name.', '请填写项目名称。', { field: 'name' });
  if (b.categoryCode !== undefined) await checkCategory(tx, b.categoryCode);
  const owner = b.ownerAccountId !== undefined ? await ownerOf(tx, p, row.org_path, b.ownerAccountId) : null;
  const next = {
    name: b.name?.trim() ?? row.name, category_code: b.categoryCode !== undefined ? b.categoryCode : row.category_code,
    description: b.description !== undefined ? b.description.trim() : row.description, due_on: b.dueOn !== undefined ? b.dueOn : row.due_on,
    owner_account_id: owner?.id ?? row.owner_account_id, owner_name: owner?.name ?? row.owner_name,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== row[k]);
  if (changed.length === 0) return;
  await tx.query(
    `update circle_projects set name = $2, category_code = $3, description = $4, due_on = $5, owner_account_id = $6, owner_name = $7,
       version = version + 1, updated_at = $8 where id = $1`,
    [id, next.name, next.category_code, next.description, next.due_on, next.owner_account_id, next.owner_name, o.now]);
  await step(tx, p, id, 'update', { data: { changed } }, o);
  await appendAudit(tx, {
    at: o.now, actorId: p.accountId, actorName: p.name, ip: o.ip, action: 'circle_project.update', targetType: 'circle_project', targetId: id,
    success: true, detail: { name: next.name, changed },
  });
}

const STEPS: Record<ProjectAction, { audit: string; at: 'started_at' | 'finished_at' | 'dropped_at' }> = {
  start: { audit: 'circle_project.start', at: 'started_at' },
  finish: { audit: 'circle_project.finish', at: 'finished_at' },
  drop: { audit: 'circle_project.drop', at: 'dropped_at' },
};

export async function actOnProject(tx: Tx, p: Principal, id: string, action: ProjectAction, b: { version?: number; note?: string }, o: Opts): Promise<void> {
  const row = await editable(tx, p, id, b.version);
  const to = nextStatus(row.status, action);
  if (!to) throw new AppError('PROJECT_STATE_CONFLICT', `A ${row.status} project cannot be ${action === 'start' ? 'started' : action === 'finish' ? 'finished' : 'dropped'}.`, '项目当前状态不允许此操作。', { status: row.status });
  const note = b.note?.trim() || null;
  if (action === 'drop' && !note) throw projectInvalid('Say why the project is dropped.', '终止项目须说明原因。', { field: 'note' });
  const s = STEPS[action];
  await tx.query(
    `update circle_projects set status = $2, ${s.at} = $3, result = case when $4::text is not null and $2 = 'done' then $4 else result end,
       version = version + 1, updated_at = $3 where id = $1`, [id, to, o.now, note]);
  await step(tx, p, id, action, { from: row.status, to, note }, o);
  await appendAudit(tx, {
    at: o.now, actorId: p.accountId, actorName: p.name, ip: o.ip, action: s.audit, targetType: 'circle_project', targetId: id,
    success: true, detail: { name: row.name, from: row.status, to, note },
  });
}

export async function linkCases(tx: Tx, p: Principal, id: string, caseIds: string[], o: Opts): Promise<void> {
  const row = await editable(tx, p, id);
  if (!isOpen(row.status)) throw closed();
  const numbers = await link(tx, p, row, caseIds, o);
  if (numbers.length === 0) return;
  await tx.query('update circle_projects set version = version + 1, updated_at = $2 where id = $1', [id, o.now]);
  await step(tx, p, id, 'link_cases', { data: { cases: numbers } }, o);
  await appendAudit(tx, {
    at: o.now, actorId: p.accountId, actorName: p.name, ip: o.ip, action: 'circle_project.link_cases', targetType: 'circle_project', targetId: id,
    success: true, detail: { name: row.name, cases: numbers },
  });
}
