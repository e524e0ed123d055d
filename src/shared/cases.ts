/**
 * Suspension (挂起) is not a status: a suspended case stays `in_progress` and carries a `suspension`
 * record, so resuming needs no memory of where it was and lists by status stay simple.
 */
export const CASE_STATUSES = [
  'reported', 'accepted', 'dispatched', 'in_progress', 'handled', 'closed', 'rejected',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const OPEN_STATUSES: readonly CaseStatus[] = ['reported', 'accepted', 'dispatched', 'in_progress', 'handled'];
export const isOpenStatus = (s: CaseStatus): boolean => s !== 'closed' && s !== 'rejected';

export const CASE_ACTIONS = [
  'accept', 'reject', 'dispatch', 'start', 'report_done', 'return', 'escalate',
  'request_suspension', 'approve_suspension', 'resume', 'resolve_on_spot',
  'verify', 'reopen', 'rate', 'revisit',
  // 受理并派遣: accept, then dispatch (to the routed assignee unless one is named), in one transaction; the timeline
  // keeps the two steps (`accept`, `dispatch`), never this name
  'accept_dispatch',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CASE_SOURCES = [
  'gridWorker', // 网格员 app
  'resident', // 随手拍 H5, also anonymous with a contact
  'hotline', // phone / 12345 intake by a dispatcher
  'sensor', // device alarm
  'platform', // another platform's alert (fire AI, anti-fraud, enterprise)
  'open311', // Open311 GeoReport v2 client
  'visit', // found during a visit
  'task', // found during a scheduled task
  'plan', // a step of an activated emergency plan (数字预案): a work order made by the activation
  'dispute', // a dispute registered at the dispute desk (矛盾纠纷登记): its work order in the loop
  'enforcement', // found by an enforcement officer on patrol or in a joint inspection
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/**
 * Length limits of what a case carries, one source for the server's validation and the web's forms. A description
 * may be 2000 characters: a 12345 call taken down by a dispatcher runs long, and a form that stops at a lower count
 * cuts a pasted text off without a word.
 */
export const CASE_LIMITS = {
  description: 2000,
  address: 200,
  reporterName: 40,
  reason: 1000,
  note: 2000,
  ratingComment: 500,
  photos: 9,
} as const;

/** 好差评: score 1–5 and its label. */
export const SATISFACTION_LABELS = {
  5: { zh: '非常满意', en: 'very satisfied' },
  4: { zh: '满意', en: 'satisfied' },
  3: { zh: '基本满意', en: 'fairly satisfied' },
  2: { zh: '不满意', en: 'dissatisfied' },
  1: { zh: '非常不满意', en: 'very dissatisfied' },
} as const;
export type SatisfactionScore = keyof typeof SATISFACTION_LABELS;

/** Refusals of the case lifecycle and the HTTP status each maps to (API conventions). */
export const CASE_REFUSAL_STATUS = {
  CASE_INVALID_TRANSITION: 409,
  CASE_FORBIDDEN: 403,
  CASE_REASON_REQUIRED: 422,
  CASE_ASSIGNEE_REQUIRED: 422,
  CASE_NOT_ON_SPOT: 422,
  CASE_TOP_TIER: 422,
  CASE_RATING_INVALID: 422,
  CASE_ALREADY_RATED: 409,
  CASE_STALE_VERSION: 409,
  /** the one who handled a case (reported it done, or resolved it on the spot) never verifies it */
  CASE_SELF_VERIFICATION: 422,
  /** a duplicate's original must be another case of the same town that the caller sees and that was not rejected */
  CASE_DUPLICATE_INVALID: 422,
} as const;
export type CaseRefusalCode = keyof typeof CASE_REFUSAL_STATUS;
