import type { Static } from '@sinclair/typebox';
import type { Db } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { validateMatter, type FieldProblem } from '../../domain/matters/matter.ts';
import * as store from './store.ts';
import type { MatterInput } from './schemas.ts';

type Input = Static<typeof MatterInput>;

const FIELD_ZH: Record<string, string> = {
  code: '事项编码', name: '事项名称', class: '事项分类', tier: '处置层级', list: '清单类别', post: '承办岗位', department: '承办部门',
  sla: '时限', escalateAfterH: '自动提级时限', duplicateRadiusM: '重复判定半径',
};
const CLOCK_ZH: Record<string, string> = { accept: '受理', dispatch: '派遣', arrive: '到场', handle: '办理', verify: '核查' };

function problemZh(p: FieldProblem): string {
  const clock = /^sla\.(accept|dispatch|arrive|handle|verify)/.exec(p.field)?.[1];
  const name = clock ? `${CLOCK_ZH[clock]}时限` : (FIELD_ZH[p.field] ?? p.field);
  if (p.field === 'post' && p.code === 'REQUIRED') return '镇街级、区县级事项须指定承办岗位或部门';
  if (p.field === 'department' && p.code === 'REQUIRED') return '区县级事项和收回事项须指定承办部门';
  switch (p.code) {
    case 'REQUIRED': return `${name}为必填项`;
    case 'NOT_POSITIVE': return `${name}须为正数`;
    case 'EXCLUSIVE': return `${name}只能按小时或工作日之一设置`;
    default: return p.message.startsWith('no ') ? `${name}不存在于本辖区` : `${name}无效`;
  }
}

async function checkTargets(db: Db, townId: string, code: string, input: Input): Promise<void> {
  const { postCode, departmentName, ...rest } = input;
  const given = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null)); // null = not set
  const problems: FieldProblem[] = validateMatter({ ...given, code, post: postCode ?? undefined, department: departmentName ?? undefined });
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
    const details = problems.map((p) => ({ ...p, messageZh: problemZh(p) }));
    throw new AppError('VALIDATION_FAILED', `The matter is not valid: ${names}`, `事项内容有误：${details.map((d) => d.messageZh).join('；')}`, details);
  }
}

/** Creates a Matter (version 1), or writes the next version of an existing one; cases keep their version. */
export async function saveMatter(
  db: Db, townId: string, code: string, input: Input, accountId: string, mode: 'create' | 'update',
): Promise<store.MatterRow> {
  await checkTargets(db, townId, code, input);
  return db.transaction(async (tx) => {
    await store.lockMatterCode(tx, townId, code);
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
    await store.lockMatterCode(tx, townId, code);
    const current = await store.findCurrentMatter(tx, townId, code);
    if (!current || current.retired_at) throw notFound('matter');
    const { id: _id, version: _v, current: _c, created_at: _at, ...rest } = current;
    return store.insertMatterVersion(tx, { ...rest, retired_at: now, created_by: accountId });
  });
}
