// Reasons the system wrote (stored as a code with parameters, src/shared/system-reasons.ts) in the reader's language,
// for every feature that shows them: a case's timeline, a registry record's history. Every code has a text in both
// languages (the types require it). Kept apart from i18next so it can be read anywhere, tests included.
import { parseSystemReason, type SystemReasonCode } from '../../shared/system-reasons.ts';

export const SYSTEM_REASON_ZH: Record<SystemReasonCode, string> = {
  'escalation.acceptOverdue': '超过受理时限无人受理，自动提级',
  'escalation.escalateAfterH': '超过事项规定的 {{hours}} 小时仍未办结，自动提级',
  'escalation.handleOverdue': '办理超时，自动提级',
  'suspension.ended': '挂起期限已到，自动恢复办理',
  'registry.gridImport': '网格边界经导入（或在地图上新建网格）调整，随之划入新网格',
};

export const SYSTEM_REASON_EN: typeof SYSTEM_REASON_ZH = {
  'escalation.acceptOverdue': 'Not accepted in time: escalated automatically',
  'escalation.escalateAfterH': 'Not finished within the matter\'s {{hours}} hours: escalated automatically',
  'escalation.handleOverdue': 'Handling overdue: escalated automatically',
  'suspension.ended': 'The suspension ended: handling resumed automatically',
  'registry.gridImport': 'Grid boundaries imported (or a grid drawn on the map): moved into its new grid',
};

/** A stored reason as the reader reads it: a system reason in `lang` (zh-CN or en), what a person wrote as written. */
export function reasonInWords(stored: string | null | undefined, lang: string): string | null {
  if (!stored) return null;
  const sys = parseSystemReason(stored);
  if (!sys) return stored;
  const text = (lang.startsWith('en') ? SYSTEM_REASON_EN : SYSTEM_REASON_ZH)[sys.code];
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => sys.params[name] ?? '');
}
