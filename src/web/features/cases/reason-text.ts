// The reason shown on a timeline entry: what a person wrote, as written, or a reason the system wrote (stored as a
// code with parameters, src/shared/system-reasons.ts) in the reader's language. Texts registered under `sysReason`.
import type { TFunction } from 'i18next';
import { i18n } from '../../lib/i18n.ts';
import { parseSystemReason, type SystemReasonCode } from '../../../shared/system-reasons.ts';

const zh: Record<SystemReasonCode, string> = {
  'escalation.acceptOverdue': '超过受理时限无人受理，自动提级',
  'escalation.escalateAfterH': '超过事项规定的 {{hours}} 小时仍未办结，自动提级',
  'escalation.handleOverdue': '办理超时，自动提级',
  'suspension.ended': '挂起期限已到，自动恢复办理',
};
const en: typeof zh = {
  'escalation.acceptOverdue': 'Not accepted in time: escalated automatically',
  'escalation.escalateAfterH': 'Not finished within the matter\'s {{hours}} hours: escalated automatically',
  'escalation.handleOverdue': 'Handling overdue: escalated automatically',
  'suspension.ended': 'The suspension ended: handling resumed automatically',
};
// the codes hold dots; i18next would read them as nested keys, so they are stored with `_` for `.`
const flat = (texts: typeof zh) => Object.fromEntries(Object.entries(texts).map(([k, v]) => [k.replace('.', '_'), v]));
i18n.addResourceBundle('zh-CN', 'translation', { sysReason: flat(zh) }, true, false);
i18n.addResourceBundle('en', 'translation', { sysReason: flat(en) }, true, false);

export function reasonText(reason: string | null | undefined, t: TFunction): string | null {
  if (!reason) return null;
  const sys = parseSystemReason(reason);
  return sys ? t(`sysReason.${sys.code.replace('.', '_')}`, sys.params) : reason;
}
