import type { Static } from '@sinclair/typebox';
import type { Db } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { validateMatter } from '../../domain/matters/matter.ts';
import * as store from './store.ts';
import type { MatterInput } from './schemas.ts';

type Input = Static<typeof MatterInput>;

async function checkTargets(db: Db, townId: string, code: string, input: Input): Promise<void> {
  const { postCode, departmentName, ...rest } = input;
  const problems = validateMatter({ ...rest, code, post: postCode ?? undefined, department: departmentName ?? undefined });
  if (input.postCode) {
    const post = await db.query('select 1 from posts where town_id = $1 and code = $2', [townId, input.postCode]);
    if (post.rowCount === 0) problems.push({ field: 'post', code: 'INVALID', message: `no post ${input.postCode} in this town` });
  }
  if (input.departmentName) {
    const dept = await db.query(
      `select 1 from departments d join org_units t on t.parent_id = d.district_id where t.id = $1 and d.name = $2`, [townId, input.departmentName]);
    if (dept.rowCount === 0) problems.push({ field: 'department', code: 'INVALID', message: `no department ${input.departmentName} in this district` });
  }
  if (problems.length > 0) {
    const names = problems.map((p) => p.field).join(', ');
    throw new AppError('VALIDATION_FAILED', `The matter is not valid: ${names}`, `事项内容有误：${names}`, problems);
  }
}

/** Creates a Matter (version 1), or writes the next version of an existing one; cases keep their version. */
export async function saveMatter(
  db: Db, townId: string, code: string, input: Input, accountId: string, mode: 'create' | 'update',
): Promise<store.MatterRow> {
  await checkTargets(db, townId, code, input);
  return db.transaction(async (tx) => {
    const current = await store.findCurrentMatter(tx, townId, code);
    if (mode === 'create' && current) {
      throw new AppError('CONFLICT', `Matter ${code} exists already; edit it instead.`, `事项 ${code} 已存在，请编辑。`);
    }
    if (mode === 'update' && !current) throw notFound('matter');
    return store.insertMatterVersion(tx, {
      town_id: townId, code, name: input.name, class: input.class, list: input.list, tier: input.tier,
      post_code: input.postCode ?? null, department_name: input.departmentName ?? null, sla: input.sla,
      escalate_after_h: input.escalateAfterH ?? null, on_spot: input.onSpot ?? false, urgent: input.urgent ?? false,
      duplicate_radius_m: input.duplicateRadiusM ?? current?.duplicate_radius_m ?? 100, created_by: accountId,
      machine_source: current?.machine_source ?? null,
    });
  });
}

/** Retires a Matter: a new version that no new case can be reported under. */
export async function retireMatter(db: Db, townId: string, code: string, accountId: string, now: Date): Promise<store.MatterRow> {
  return db.transaction(async (tx) => {
    const current = await store.findCurrentMatter(tx, townId, code);
    if (!current || current.retired_at) throw notFound('matter');
    const { id: _id, version: _v, current: _c, created_at: _at, ...rest } = current;
    return store.insertMatterVersion(tx, { ...rest, retired_at: now, created_by: accountId });
  });
}
