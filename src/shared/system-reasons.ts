// Reasons the system writes on a case's timeline (the SLA sweep's escalations, the end of a suspension) and on a
// registry record's history (a grid import moving it) are stored as a code with parameters, never as text, and
// rendered in the reader's language (web: lib/system-reason-text.ts).
// Stored form, in the `reason` column beside the reasons people type: `sys:<code>` or `sys:<code>?<name>=<value>&…`.

export const SYSTEM_REASONS = [
  'escalation.acceptOverdue', // nobody at the tier accepted the case in time
  'escalation.escalateAfterH', // not finished within the matter's escalation time; params: hours
  'escalation.handleOverdue', // the handling clock ran out
  'suspension.ended', // the approved suspension ended; the case resumes by itself
  'registry.gridImport', // a GeoJSON import of grids (or a grid drawn on the map) moved the record into another grid
] as const;
export type SystemReasonCode = (typeof SYSTEM_REASONS)[number];

export interface SystemReason {
  code: SystemReasonCode;
  params: Record<string, string>;
}

const PREFIX = 'sys:';
const KNOWN = new Set<string>(SYSTEM_REASONS);

/** The stored form of a system reason. */
export function systemReason(code: SystemReasonCode, params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  return `${PREFIX}${code}${query ? `?${query}` : ''}`;
}

/** Texts written before reasons were codes (Chinese with an English gloss), read as the code they stand for. */
const WRITTEN_BEFORE: Record<string, SystemReasonCode> = {
  '超过受理时限无人受理，自动提级 (not accepted in time)': 'escalation.acceptOverdue',
  '超过事项规定时限未办结，自动提级 (not finished within the matter\'s escalation time)': 'escalation.escalateAfterH',
  '办理超时，自动提级 (handling overdue)': 'escalation.handleOverdue',
  '挂起期限已到，自动恢复办理 (the suspension ended)': 'suspension.ended',
};

/** The system reason a stored reason holds, or null when a person wrote it. */
export function parseSystemReason(stored: string | null | undefined): SystemReason | null {
  if (!stored) return null;
  const legacy = WRITTEN_BEFORE[stored];
  if (legacy) return { code: legacy, params: {} };
  if (!stored.startsWith(PREFIX)) return null;
  const [code = '', query = ''] = stored.slice(PREFIX.length).split('?', 2);
  if (!KNOWN.has(code)) return null;
  return { code: code as SystemReasonCode, params: Object.fromEntries(new URLSearchParams(query)) };
}
