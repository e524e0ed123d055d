import type { CaseAction, CaseStatus, SatisfactionScore } from '../../shared/cases.ts';
import type { Tier } from '../../shared/matters.ts';
import type { Role } from '../../shared/roles.ts';

export type Assignee = { postId: string } | { departmentId: string } | { staffId: string };

/** Who acts, as plain data the server builds from the session. */
export interface Actor {
  accountId: string;
  roles: readonly Role[];
  /** Materialised path of the actor's scope; null = no scope. */
  scopePath: string | null;
  /** Posts the actor holds as A or B holder. */
  postIds: readonly string[];
  departmentIds: readonly string[];
  gridIds: readonly string[];
  /** The SLA sweep acting on its own (automatic escalation). */
  system?: true;
}

export const SYSTEM_ACTOR: Actor = {
  accountId: 'system', roles: [], scopePath: null, postIds: [], departmentIds: [], gridIds: [], system: true,
};

/**
 * Who reported: a grid worker or staff member with their account, a resident (signed in, or anonymous with a contact),
 * a caller whose 12345 call a dispatcher entered (no account: the dispatcher is the actor, the caller the reporter),
 * a device or another platform.
 */
export type ReporterKind = 'gridWorker' | 'resident' | 'caller' | 'staff' | 'device' | 'platform';

export interface Reporter {
  accountId?: string; // absent for anonymous residents, devices and platforms
  kind: ReporterKind;
}

export interface Suspension {
  state: 'requested' | 'active';
  reason: string;
  until: Date | null;
  requestedBy: string;
  requestedAt: Date;
  approvedAt: Date | null;
}

export interface Satisfaction {
  score: SatisfactionScore;
  label: string;
  comment: string | null;
  via: 'rate' | 'revisit';
  by: string;
  at: Date;
}

/** The part of a case the lifecycle reads and writes. */
export interface CaseState {
  id: string;
  status: CaseStatus;
  version: number;
  tier: Tier;
  /** Scope path of the case's town, e.g. /city/district/town/ */
  townPath: string;
  /** Path of the case's grid. */
  orgPath: string;
  assignee: Assignee | null;
  /** Who routing proposed; a dispatch to someone else is recorded as an override. */
  routedAssignee: Assignee | null;
  reporter: Reporter;
  /** From the Matter: may the reporting grid worker close it on the spot (琐事马上办)? */
  onSpot: boolean;
  suspension: Suspension | null;
  satisfaction: Satisfaction | null;
  /** When the case last moved up a tier; the escalateAfterH rule counts from here (or from creation). */
  escalatedAt: Date | null;
  /** Every department the case was ever sent to: they keep seeing it and its history after it moves on. */
  departmentsReached: readonly string[];
  /** Who reported it handled (report_done) or resolved it on the spot; null until then and after a reopen. */
  handledBy: string | null;
  /** It was handled by resolve_on_spot (琐事马上办): the community verifies it, not the grid worker. */
  resolvedOnSpot: boolean;
  /** The earlier case this one repeats (set when it is rejected as a duplicate). */
  duplicateOf: string | null;
}

/** The case a report is said to repeat, as the command found it among the cases the actor may see. */
export interface DuplicateOriginal {
  id: string;
  number: string;
  townPath: string;
  status: CaseStatus;
}

/** The API body of POST /api/cases/:id/actions/:action, plus the action. */
export interface CaseCommand {
  action: CaseAction;
  reason?: string;
  note?: string;
  assignee?: Assignee;
  photos?: readonly string[];
  rating?: { score: number; comment?: string };
  until?: Date;
  /**
   * reject only: the case this report repeats, as the command found it among the cases the actor may see; null when
   * an original was named but none such was found (absent: not a duplicate).
   */
  duplicateOf?: DuplicateOriginal | null;
  /** Optimistic concurrency: the version the caller saw. */
  version?: number;
}

export interface TimelineEntry {
  at: Date;
  action: CaseAction;
  actorId: string;
  from: CaseStatus;
  to: CaseStatus;
  reason: string | null;
  /** What else the action carried: note, photos, assignee, override, tiers, rating, suspension. */
  data: Record<string, unknown> | null;
}
