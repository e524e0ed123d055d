// 共建共治共享 (issue 16), part 2: 微积分 points — rules, the ledger, assessments, the supermarket, 红黑榜 and 文明户.
import type { Role } from './roles.ts';

/** base (基础分), bonus (加分), minus (减分), veto (一票否决: blocks eligibility for a while, besides any deduction) */
export const POINT_RULE_KINDS = ['base', 'bonus', 'minus', 'veto'] as const;
export type PointRuleKind = (typeof POINT_RULE_KINDS)[number];

export const CAP_PERIODS = ['month', 'quarter', 'year'] as const;
export type CapPeriod = (typeof CAP_PERIODS)[number];

/** The system's own events that award points, when the OrgUnit's rules name them. */
export const AUTO_EVENTS = ['caseClosed', 'volunteerHour', 'meetingAttended', 'helpDone', 'ideaAccepted'] as const;
export type AutoEvent = (typeof AUTO_EVENTS)[number];

export interface PointRuleInput {
  code: string;
  name: string;
  kind: PointRuleKind;
  points: number;
  subjectKind: 'household' | 'person';
  capPoints?: number | null;
  capPeriod?: CapPeriod | null;
  vetoMonths?: number | null;
  autoEvent?: AutoEvent | null;
}

export const POINT_ACCOUNT_KINDS = ['household', 'person', 'issuer', 'supermarket'] as const;
export type PointAccountKind = (typeof POINT_ACCOUNT_KINDS)[number];

export const POINT_TRANSACTION_KINDS = ['award', 'deduction', 'redemption', 'reversal', 'veto'] as const;
export type PointTransactionKind = (typeof POINT_TRANSACTION_KINDS)[number];

/** Reason codes of transactions that are not a rule's (a rule's transactions carry the rule's code). */
export const POINT_REASONS = ['rule', 'redemption', 'redemptionExpired', 'redemptionCancelled', 'correction'] as const;
export type PointReason = (typeof POINT_REASONS)[number];

/** The subject of points: a household's account or a person's, named by the registry's ids. */
export type PointSubject = { householdId: string } | { residentId: string };

/** 户自查 → 组互评 → 村评定 */
export const ASSESSMENT_STATUSES = ['selfReported', 'peerReviewed', 'approved', 'returned'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export interface AssessmentItem {
  ruleCode: string;
  claimed: boolean;
  note?: string | null;
  /** the group's peer review agrees (组互评) */
  peer?: boolean | null;
  /** the village's decision (村评定) */
  approved?: boolean | null;
}

export const REDEMPTION_STATUSES = ['reserved', 'pickedUp', 'expired', 'cancelled'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];
/** a reservation not picked up within this many days expires and gives its points and stock back */
export const RESERVATION_DAYS = 7;

/** 红榜, 黑榜, 文明户 */
export const CIVILITY_KINDS = ['red', 'black', 'civilized'] as const;
export type CivilityKind = (typeof CIVILITY_KINDS)[number];

export const POINTS_LIMITS = {
  ruleName: 60,
  rules: 80,
  points: 1000,
  note: 500,
  goodsName: 40,
  qty: 20,
} as const;

/** Who reads the rules, accounts, goods and lists of their scope (a resident: their own household's and person's). */
export const POINTS_READERS = ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker', 'resident'] as const satisfies readonly Role[];
/** Who edits and publishes rules, awards and corrects, approves assessments (村评定), runs the supermarket. */
export const POINTS_KEEPERS = ['communityStaff'] as const satisfies readonly Role[];
/** Who does the group's peer review (组互评) of the households of their grid. */
export const POINTS_PEER_REVIEWERS = ['gridWorker', 'communityStaff'] as const satisfies readonly Role[];
