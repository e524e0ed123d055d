import type { Static } from '@sinclair/typebox';
import type { Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { validateMatter, type FieldProblem } from '../../domain/matters/matter.ts';
import type { AuditEntry } from '../audit/audit-log.ts';
import * as store from './store.ts';
import type { MatterInput as MatterInputSchema } from './schemas.ts';

export type MatterInput = Static<typeof MatterInputSchema>;

/** A change to one Matter code of a town: who makes it (as the audit entry names them) and when. */
export interface MatterChange {
  townId: string;
  code: string;
  actor: Pick<AuditEntry, 'actorId' | 'actorName' | 'ip'>;
  now: Date;
}

/** The audit entry of a change, written in the change's own transaction. */
export function matterAudit(action: 'matter.create' | 'matter.update' | 'matter.retire', c: MatterChange, saved: store.MatterRow): AuditEntry {
  return { at: c.now, ...c.actor, action, targetType: 'matter', targetId: saved.id, success: true, detail: { code: c.code, version: saved.version } };
}

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

/** Refuses (422, every problem listed) a Matter that breaks the catalog's rules or names a post or department the town lacks. */
export async function checkMatterInput(tx: Tx, townId: string, code: string, input: MatterInput): Promise<void> {
  const { postCode, departmentName, ...rest } = input;
  const given = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null)); // null = not set
  const problems: FieldProblem[] = validateMatter({ ...given, code, post: postCode ?? undefined, department: departmentName ?? undefined });
  const known = await store.findRoutingTargets(tx, townId, postCode ?? null, departmentName ?? null);
  if (postCode && !known.post) problems.push({ field: 'post', code: 'INVALID', message: 'no such post in this town' });
  if (departmentName && !known.department) {
    problems.push({ field: 'department', code: 'INVALID', message: 'no such department in this district' });
  }
  if (problems.length > 0) {
    const names = problems.map((p) => p.field).join(', ');
    const details = problems.map((p) => ({ ...p, messageZh: problemZh(p) }));
    throw new AppError('VALIDATION_FAILED', `The matter is not valid: ${names}`, `事项内容有误：${details.map((d) => d.messageZh).join('；')}`, details);
  }
}

/** The version an input makes; what the input leaves out is kept from the current version, or defaulted. */
export function versionFrom(
  townId: string, code: string, input: MatterInput, current: store.MatterRow | null, createdBy: string | null,
): store.NewMatterVersion {
  return {
    town_id: townId, code, name: input.name, class: input.class, list: input.list, tier: input.tier,
    post_code: input.postCode ?? null, department_name: input.departmentName ?? null, sla: input.sla,
    escalate_after_h: input.escalateAfterH ?? null, on_spot: input.onSpot ?? false, urgent: input.urgent ?? false,
    duplicate_radius_m: input.duplicateRadiusM ?? current?.duplicate_radius_m ?? 100, created_by: createdBy,
    machine_source: current?.machine_source ?? null,
  };
}
