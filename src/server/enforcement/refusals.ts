import { AppError } from '../platform/errors.ts';
import type { FactDef } from '../../shared/enforcement.ts';
import type { Proposal } from '../../domain/enforcement/benchmarks.ts';

/* The enforcement capability's refusals, each with a code and a message in both languages. */

export const enforcementInvalid = (en: string, zh: string, details?: unknown) => new AppError('ENFORCEMENT_INVALID', en, zh, details);

export const stateConflict = (en: string, zh: string, details?: unknown) => new AppError('ENFORCEMENT_STATE_CONFLICT', en, zh, details);

export const unknownMatter = (code: string) =>
  enforcementInvalid(`No active matter ${code} on the enforcement list of your scope.`, `执法事项清单中没有有效的事项 ${code}。`, { field: 'matterCode' });

/** The refusal of facts that place the case in no benchmark (missing, invalid, matching none); nothing is written. */
export function proposalRefusal(p: Exclude<Proposal, { ok: true }>): AppError {
  switch (p.code) {
    case 'ENFORCEMENT_FACT_MISSING': {
      const labels = p.missing.map((f: FactDef) => f.label);
      return new AppError('ENFORCEMENT_FACT_MISSING',
        `Facts missing: ${p.missing.map((f) => f.key).join(', ')}.`,
        `请填写以下事实：${labels.join('、')}。`,
        { missing: p.missing.map((f) => ({ key: f.key, label: f.label })) });
    }
    case 'ENFORCEMENT_INVALID':
      return new AppError('ENFORCEMENT_INVALID', `Facts refused: ${p.reasonsEn.join('; ')}.`, `事实有误：${p.reasons.join('；')}。`, { reasons: p.reasons });
    case 'ENFORCEMENT_NO_BENCHMARK':
      return new AppError('ENFORCEMENT_NO_BENCHMARK',
        'The facts match no discretion benchmark of the matter: check them, or ask the list\'s editors to add a benchmark.',
        '所填事实不符合本事项任何一档裁量基准，请核对事实或联系清单管理员补充基准。');
    default: { const never: never = p; throw new Error(`unknown refusal ${JSON.stringify(never)}`); }
  }
}
