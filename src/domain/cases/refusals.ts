import type { CaseAction, CaseRefusalCode } from '../../shared/cases.ts';

export interface CaseRefusal {
  code: CaseRefusalCode;
  /** The actions the actor may take now, so the client can offer them instead. */
  allowed: CaseAction[];
  message: string;
  messageZh: string;
}

const MESSAGES: Record<CaseRefusalCode, (action: CaseAction) => [string, string]> = {
  CASE_INVALID_TRANSITION: (a) => [`The case's current state does not allow "${a}".`, `当前状态不允许执行“${a}”。`],
  CASE_FORBIDDEN: (a) => [`You may not "${a}" this case.`, `您无权对该案卷执行“${a}”。`],
  CASE_REASON_REQUIRED: (a) => [`"${a}" needs a reason.`, `执行“${a}”需要填写理由。`],
  CASE_ASSIGNEE_REQUIRED: () => ['Choose whom to dispatch the case to.', '请选择派遣对象。'],
  CASE_NOT_ON_SPOT: () => ['This matter cannot be resolved on the spot.', '该事项不属于可现场处置的事项。'],
  CASE_TOP_TIER: () => ['The case is already at the highest tier.', '案卷已在最高处置层级，无法再提级。'],
  CASE_RATING_INVALID: () => ['The rating must be a whole score from 1 to 5.', '评价须为 1–5 的整数分。'],
  CASE_ALREADY_RATED: () => ['The case has already been rated.', '该案卷已评价。'],
  CASE_STALE_VERSION: () => ['The case has changed since you loaded it; reload and try again.', '案卷已被他人更新，请刷新后重试。'],
  CASE_SELF_VERIFICATION: () => [
    'You handled this case, so someone else verifies it (cases resolved on the spot are verified by the community).',
    '您是该案卷的处置人，须由他人核查（现场处置的案卷由社区核查）。',
  ],
  CASE_DUPLICATE_INVALID: () => [
    'A duplicate is rejected in favour of another case of the same town that you can see and that was not rejected itself.',
    '重复案卷的原案卷须是同一街道（乡镇）内您可查看、且未被退回的另一案卷。',
  ],
};

export function refusal(code: CaseRefusalCode, action: CaseAction, allowed: CaseAction[]): CaseRefusal {
  const [message, messageZh] = MESSAGES[code](action);
  return { code, allowed, message, messageZh };
}
