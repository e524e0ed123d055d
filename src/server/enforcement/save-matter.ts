import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { AppError, forbidden } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { matterRefusals } from '../../domain/enforcement/benchmarks.ts';
import type { EnforcementMatterBody } from '../../shared/enforcement.ts';
import type { MatterBodyInput } from './schemas.ts';
import { findMatterAnywhere, loopCategoryNames, upsertMatter } from './matter-store.ts';
import { enforcementInvalid } from './refusals.ts';

/**
 * Saves a matter of the list by its code (创建或替换), published by the caller's scope unit (the city): the body as the
 * schema let it through, then the benchmark rules (matterRefusals: unique keys, conditions on defined facts of the right
 * type, fine bands with both ends, …) and the loop categories known to the case catalog, each refusal in Chinese (422
 * ENFORCEMENT_INVALID with details.reasons). A code published by a unit outside the caller's scope is not theirs to
 * replace (403). Cases opened already keep their proposed and confirmed bands. Audited in the same transaction.
 */
export async function saveMatter(tx: Tx, p: Principal, input: MatterBodyInput, now: Date, ip: string | null): Promise<{ created: boolean }> {
  if (!p.scopePath || !p.scopeOrgUnitId) throw forbidden();
  const { retired, ...rest } = input;
  const body: EnforcementMatterBody = { ...rest, code: rest.code.trim(), name: rest.name.trim() };
  const reasons = matterRefusals(body);
  const known = await loopCategoryNames(tx, body.loopCategoryCodes);
  for (const code of body.loopCategoryCodes) if (!known.has(code)) reasons.push(`案件类别「${code}」不在事项清单中`);
  if (body.source === 'statutory' && body.delegatedBy) reasons.push('法定事项不填写赋权或委托部门');
  if (body.source !== 'statutory' && !body.delegatedBy?.trim()) reasons.push('赋权、委托事项须写明赋权或委托部门');
  if (reasons.length > 0) {
    throw enforcementInvalid(`The matter is refused: ${reasons.length} problem(s), see details.reasons.`, `事项不符合要求：${reasons.join('；')}。`, { reasons });
  }
  const existing = await findMatterAnywhere(tx, body.code);
  if (existing && !existing.org_path.startsWith(p.scopePath)) {
    throw new AppError('FORBIDDEN', 'A unit outside your scope published this code.', '该事项编码由您管辖范围以外的单位发布，不能修改。');
  }
  const created = await upsertMatter(tx, {
    body, orgUnitId: p.scopeOrgUnitId, orgPath: p.scopePath, status: retired ? 'retired' : 'active', at: now, by: p.accountId,
  });
  await appendAudit(tx, {
    at: now, actorId: p.accountId, actorName: p.name, ip, action: 'enforcement.matter.save', targetType: 'enforcement_matter', targetId: body.code,
    success: true, detail: { created, source: body.source, benchmarks: body.benchmarks.map((b) => b.key), retired: retired ?? false },
  });
  return { created };
}
