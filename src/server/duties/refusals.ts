import { AppError } from '../platform/errors.ts';
import { DUTY_ITEM_PROBLEM_MESSAGES, type DutyItemProblem } from '../../domain/duties/admission.ts';

/* The duty catalogs' refusals, each with a code and a message in both languages. */

export function itemInvalid(problems: readonly DutyItemProblem[]): AppError {
  const m = problems.map((p) => DUTY_ITEM_PROBLEM_MESSAGES[p]);
  return new AppError('DUTY_INVALID', m.map((x) => x.en).join(' '), m.map((x) => x.zh).join(''), { problems });
}

export const admissionDecided = () => new AppError('ADMISSION_DECIDED',
  'This request has been decided already.', '该准入申请已审核，不能重复审核。');

export const noteMissing = () => new AppError('DUTY_INVALID', 'Say why the request is refused.', '请填写不予准入的理由。', { problems: ['noteMissing'] });

export const levelAboveRequester = () => new AppError('FORBIDDEN',
  'You may ask for a duty only at your own level or below.', '只能为本级或下级申请准入事项，不能为上级申请。');

export const itemStale = () => new AppError('CONFLICT',
  'Someone else changed this item meanwhile: reload it and try again.', '该事项已被他人修改，请刷新后重试。');

export const standingDutiesStale = () => new AppError('CONFLICT',
  'Someone else saved the standing duties meanwhile: reload them and try again.', '常态化职责已被他人修改，请刷新后重试。');

export const reasonMissing = () => new AppError('DUTY_INVALID', 'Say why the item is taken out of the catalog.', '请填写事项退出清单的理由。', { problems: ['reasonMissing'] });

export const standingDutiesInvalid = (problems: unknown) => new AppError('DUTY_INVALID',
  'The standing duties must be the platform\'s D1…D7, each once with a name; only building checks and dispute sweeps come round every so many days.',
  '常态化职责须为平台的 D1…D7，各一项且有名称；只有基础信息采集和矛盾纠纷排查可设置周期天数。', { problems });
