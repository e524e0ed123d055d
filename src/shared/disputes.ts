import type { Role } from './roles.ts';

/** 矛盾纠纷多元化解 (issue 15): the shapes the server, the web app and the domain rules share. */

/** 就地化解 (general: in the grid), 协同化解 (larger: the community or town with others), 提级化解 (major: the town's 综治中心). */
export const DISPUTE_TIERS = ['onSpot', 'joint', 'escalated'] as const;
export type DisputeTier = (typeof DISPUTE_TIERS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const PARTY_ROLES = ['applicant', 'respondent', 'thirdParty'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** open (being handled) → resolved (agreement reached) → closed; or litigation (诉调对接: transferred to court). */
export const DISPUTE_STATUSES = ['open', 'resolved', 'litigation', 'closed'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/** where a dispute came in: the grid worker found it, a resident asked, the hotline, a walk-in (来访), a sweep, a case */
export const DISPUTE_SOURCES = ['gridWorker', 'resident', 'hotline', 'visit', 'sweep', 'case'] as const;
export type DisputeSource = (typeof DISPUTE_SOURCES)[number];

/** 网格员, 乡贤, 人民调解员, 司法所工作人员 */
export const MEDIATOR_KINDS = ['gridWorker', 'villageSage', 'peopleMediator', 'judicialStaff'] as const;
export type MediatorKind = (typeof MEDIATOR_KINDS)[number];

export const MEDIATION_OUTCOMES = ['resolved', 'partial', 'failed'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];

/** who a dispute is pushed to: a district department, or a resident unit of the 综治中心 (派出所, 司法所, 人民法庭, 信访办) */
export const REFERRAL_UNIT_KINDS = ['department', 'policeStation', 'judicialOffice', 'court', 'lettersVisits'] as const;
export type ReferralUnitKind = (typeof REFERRAL_UNIT_KINDS)[number];

/** POST /api/disputes/:id/actions/:action */
export const DISPUTE_ACTIONS = ['push', 'reply', 'litigate', 'change-tier', 'assess-risk', 'follow-up', 'attach-signed', 'close', 'reopen'] as const;
export type DisputeAction = (typeof DISPUTE_ACTIONS)[number];

/** What staff record about a dispute that the risk rules read, beside its parties and history. */
export interface RiskFactors {
  /** a party threatened violence, self-harm or extreme acts (扬言) */
  threats: boolean;
  /** people on the larger side (群体性: five or more) */
  groupSize: number;
  /** the money at stake, yuan; null when none or unknown */
  amountYuan: number | null;
  /** anything else staff want on record */
  note: string | null;
}

export interface PartyInput {
  role: PartyRole;
  /** a person of the registry: name, ID number and phone are taken from there unless given */
  residentId?: string | null;
  name?: string;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
  /** staff may mark a party vulnerable (disabled, sick, pregnant …); age and registry tags mark it by rule too */
  vulnerable?: boolean;
  vulnerableReason?: string | null;
}

export const DISPUTE_LIMITS = {
  parties: 20,
  description: 2000,
  statement: 2000,
  terms: 30,
  term: 500,
  attendees: 50,
  reason: 500,
  referralDays: { min: 1, max: 60 },
} as const;

/** Who reads disputes of their scope (residents read the disputes they are a party of; departments those pushed to them). */
export const DISPUTE_READERS = ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff', 'gridWorker', 'department', 'resident'] as const satisfies readonly Role[];
/** Who registers disputes, records mediations and follow-ups, pushes, closes and reopens them. */
export const DISPUTE_HANDLERS = ['dispatcher', 'handler', 'communityStaff', 'gridWorker'] as const satisfies readonly Role[];
/** Who edits the class catalog, and starts sweeps (大排查). */
export const DISPUTE_CLASS_EDITORS = ['admin'] as const satisfies readonly Role[];
export const SWEEP_ORGANISERS = ['admin', 'leader', 'dispatcher'] as const satisfies readonly Role[];
/** Who reads the figures. */
export const DISPUTE_FIGURE_READERS = ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff'] as const satisfies readonly Role[];
