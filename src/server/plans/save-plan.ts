import type { Tx } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import type { Principal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { findTownHoldingPath, findTownInScope } from '../org/town-store.ts';
import { planRefusals } from '../../domain/plans/plan-rules.ts';
import type { PlanBody } from '../../shared/plans.ts';
import * as store from './plan-store.ts';
import { keepUnchangedContacts, sealContacts } from './resource-contacts.ts';

/** Who saves: an editor (or the demo, with an account of its own), where the caller reaches, and when. */
export interface PlanActor { accountId: string | null; name: string | null; scopePath: string; ip: string | null; now: Date }

export function planActorOf(p: Principal, ip: string | null, now: Date): PlanActor {
  if (!p.scopePath) throw notFound('plan');
  return { accountId: p.accountId, name: p.name, scopePath: p.scopePath, ip, now };
}

const PHONE = /^\+?[0-9][0-9 ()-]{2,29}$/;

export const planInvalid = (reasons: string[]) => new AppError(
  'PLAN_INVALID', `The plan cannot be saved: ${reasons.length} problem(s), listed in details.reasons.`,
  `预案不能保存：${reasons.join('；')}。`, { reasons });

/**
 * Everything that keeps a body from being saved for this town, in the editor's words: the domain's rules, then what
 * only the store knows — the matter is a current one of the town, the roles' posts are the town's, the back-ups are
 * active staff of the town. Empty when it may be saved.
 */
export async function planBodyRefusals(tx: Tx, town: store.TownRef, body: PlanBody): Promise<string[]> {
  const out = planRefusals(body);
  if (body.matterCode.trim() && !(await store.findCurrentMatter(tx, town.id, body.matterCode))) {
    out.push(`事项“${body.matterCode}”不是${town.name}的现行事项`);
  }
  const codes = [...new Set(body.roles.flatMap((r) => (r.postCode ? [r.postCode] : [])))];
  const posts = await store.postNamesOfTown(tx, town.id, codes);
  for (const r of body.roles) {
    if (r.postCode && !posts.has(r.postCode)) out.push(`角色“${r.name}”的岗位“${r.postCode}”不是${town.name}的岗位`);
  }
  const ids = [...new Set(body.roles.flatMap((r) => r.backupAccountIds))];
  const staff = await store.staffNamesInTown(tx, town.path, ids);
  for (const r of body.roles) {
    for (const id of r.backupAccountIds) {
      if (!staff.has(id)) out.push(`角色“${r.name}”的后备人员（${id}）不是${town.name}范围内的在岗工作人员`);
    }
  }
  return out;
}

/**
 * Phones as typed: a phone, or the masked form the editor was shown of the phone stored for the same resource (kept:
 * `kept` holds the stored phone there). A sealed value is never taken from a request.
 */
function phoneRefusals(typed: PlanBody, kept: PlanBody): string[] {
  const out: string[] = [];
  typed.resources.forEach((r, i) => {
    const p = r.contactPhone;
    if (p === null || PHONE.test(p) || kept.resources[i]?.contactPhone !== p) return;
    out.push(`资源“${r.name}”的联系电话“${p.includes('*') ? '（已掩码）' : p}”不是有效的电话号码`);
  });
  return out;
}

/** Trims what an editor typed around the names (keys and codes are taken as given: the schema allows no spaces). */
function tidy(body: PlanBody): PlanBody {
  return {
    ...body,
    name: body.name.trim(),
    summary: body.summary.trim(),
    matterCode: body.matterCode.trim(),
    roles: body.roles.map((r) => ({ ...r, name: r.name.trim() })),
    steps: body.steps.map((s) => ({ ...s, title: s.title.trim(), checklist: s.checklist.map((c) => c.trim()) })),
    resources: body.resources.map((r) => ({ ...r, name: r.name.trim(), contactPhone: r.contactPhone === null ? null : r.contactPhone.trim() || null })),
  };
}

const auditDetail = (body: PlanBody, extra: Record<string, unknown>) => ({
  ...extra, name: body.name, hazard: body.hazard, matterCode: body.matterCode, levels: body.levels,
  roles: body.roles.length, steps: body.steps.length, resources: body.resources.length, triggers: body.triggers.map((t) => t.kind),
});

/** A new plan (version 1) of a town the editor reaches (default: the town holding the editor's scope); answers its id. */
export async function createPlan(
  tx: Tx, pii: PiiCipher, input: { body: PlanBody; townId?: string | undefined; note?: string | undefined }, by: PlanActor,
): Promise<string> {
  const town = input.townId ? await findTownInScope(tx, input.townId, by.scopePath) : await findTownHoldingPath(tx, by.scopePath);
  if (!town) {
    if (input.townId) throw notFound('town');
    throw new AppError('VALIDATION_FAILED', 'Name the town (townId) the plan is of.', '请选择预案所属的镇街。');
  }
  const body = tidy(input.body);
  const reasons = [...await planBodyRefusals(tx, town, body), ...phoneRefusals(body, body)];
  if (reasons.length > 0) throw planInvalid(reasons);
  const note = input.note?.trim() || null;
  const id = await store.insertPlan(tx, {
    townId: town.id, orgPath: town.path, body: sealContacts(body, pii), idempotencyKey: null, note,
  }, { accountId: by.accountId, name: by.name }, by.now);
  await appendAudit(tx, {
    at: by.now, actorId: by.accountId, actorName: by.name ?? '系统', ip: by.ip, action: 'plan.create', targetType: 'plan', targetId: id,
    success: true, detail: auditDetail(body, { townId: town.id, version: 1, note }),
  });
  return id;
}

/**
 * A new version of a plan, saved over `version` (the current one as the editor read it: 409 CONFLICT if another save
 * came first; a retired plan 409 PLAN_RETIRED). A contact phone sent back in its masked form keeps the stored phone.
 * Answers the new version number. Incidents started earlier keep the version they were started from.
 */
export async function updatePlan(
  tx: Tx, pii: PiiCipher, id: string, input: { body: PlanBody; version: number; note?: string | undefined }, by: PlanActor,
): Promise<number> {
  const plan = await store.findPlan(tx, by.scopePath, id, true);
  if (!plan) throw notFound('plan');
  if (plan.status === 'retired') throw planRetired();
  if (plan.current_version !== input.version) throw staleVersion();
  const town = { id: plan.town_id, code: plan.town_code, name: plan.town_name, path: plan.org_path };
  const typed = tidy(input.body);
  const body = keepUnchangedContacts(typed, plan.body, pii);
  const reasons = [...await planBodyRefusals(tx, town, typed), ...phoneRefusals(typed, body)];
  if (reasons.length > 0) throw planInvalid(reasons);
  const note = input.note?.trim() || null;
  if (!(await store.saveNewVersion(tx, id, input.version, sealContacts(body, pii), note, { accountId: by.accountId, name: by.name }, by.now))) {
    throw staleVersion();
  }
  await appendAudit(tx, {
    at: by.now, actorId: by.accountId, actorName: by.name ?? '系统', ip: by.ip, action: 'plan.update', targetType: 'plan', targetId: id,
    success: true, detail: auditDetail(body, { version: input.version + 1, note }),
  });
  return input.version + 1;
}

export const planRetired = () => new AppError('PLAN_RETIRED', 'The plan is retired: it can no longer be changed or started.', '该预案已停用，不能再修改或启动。');

const staleVersion = () => new AppError('CONFLICT', 'Someone saved the plan after you read it: reload it and try again.', '该预案已被他人修改并保存，请刷新后重试。');
