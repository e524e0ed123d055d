import type { Role } from './roles.ts';

/** 大综合一体化执法 (issue 15): the shapes the server, the web app and the domain rules share. */

/** 法定 (the town's own by law), 赋权 (delegated to the town), 委托 (entrusted by a department) */
export const MATTER_SOURCES = ['statutory', 'empowered', 'entrusted'] as const;
export type MatterSource = (typeof MATTER_SOURCES)[number];

/** A fact the officer records and the benchmarks read: yes/no, a number with a unit, or one of named options. */
export type FactDef =
  | { key: string; label: string; kind: 'boolean'; optional?: boolean; hint?: string }
  | { key: string; label: string; kind: 'number'; unit: string; min?: number; max?: number; optional?: boolean; hint?: string }
  | { key: string; label: string; kind: 'choice'; options: { value: string; label: string }[]; optional?: boolean; hint?: string };

export type FactValue = boolean | number | string;
export type Facts = Record<string, FactValue>;

export type Condition =
  | { fact: string; op: 'eq' | 'ne'; value: FactValue }
  | { fact: string; op: 'lt' | 'lte' | 'gt' | 'gte'; value: number }
  | { fact: string; op: 'in'; value: string[] };

export const PENALTY_KINDS = ['none', 'warning', 'fine', 'confiscation'] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

/** A discretion benchmark (裁量基准): the facts that place a case in it, and its penalty band. */
export interface Benchmark {
  key: string;
  /** 不予处罚 / 从轻 / 一般 / 从重 … */
  name: string;
  /** all must hold; benchmarks are read in order and the first whose conditions hold is proposed */
  conditions: Condition[];
  penalty: {
    kinds: PenaltyKind[];
    /** the fine range in yuan when `fine` is among the kinds */
    minYuan: number | null;
    maxYuan: number | null;
  };
  description: string;
}

export interface LegalBasis {
  law: string;
  article: string;
  text: string;
}

/** One matter of the list (一张清单) as the city saves it. */
export interface EnforcementMatterBody {
  code: string;
  name: string;
  category: string;
  source: MatterSource;
  /** the department that delegated or entrusted it (null for 法定) */
  delegatedBy: string | null;
  /** the rule broken, and the rule that sets the penalty */
  violationBasis: LegalBasis;
  penaltyBasis: LegalBasis;
  /** case categories of the loop this matter enforces (E0401 占道经营, E0402 占用堵塞消防通道 …) */
  loopCategoryCodes: string[];
  facts: FactDef[];
  benchmarks: Benchmark[];
}

/** investigating → (confirm-band) awaitingReview → (review: approve) reviewed | (review: return) investigating →
 * (decide) decided → (pay | execute) executed → (close) closed; drop from investigating or awaitingReview. */
export const ENFORCEMENT_STATUSES = ['investigating', 'awaitingReview', 'reviewed', 'decided', 'executed', 'closed', 'dropped'] as const;
export type EnforcementStatus = (typeof ENFORCEMENT_STATUSES)[number];

/** POST /api/enforcement/cases/:id/actions/:action */
export const ENFORCEMENT_ACTIONS = ['update-facts', 'add-evidence', 'confirm-band', 'review', 'decide', 'pay', 'execute', 'close', 'drop'] as const;
export type EnforcementAction = (typeof ENFORCEMENT_ACTIONS)[number];

export const EVIDENCE_KINDS = ['photo', 'video', 'statement', 'document'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const SUBJECT_KINDS = ['person', 'firm'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** The mark a town's enforcement team works to: a case handled (opened → decided) within 15 minutes. */
export const ENFORCEMENT_TARGET_MIN = 15;

export const INSPECTION_RESULTS = ['ok', 'issue', 'na'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/** Who reads enforcement cases, matters and inspections of their scope. */
export const ENFORCEMENT_READERS = ['admin', 'leader', 'dispatcher', 'handler'] as const satisfies readonly Role[];
/** Who opens and handles enforcement cases and joint inspections (the town's 综合执法 team hold handler posts). */
export const ENFORCEMENT_OFFICERS = ['handler'] as const satisfies readonly Role[];
/** Who signs off legal review (法制审核): never the officer of the case. */
export const ENFORCEMENT_REVIEWERS = ['leader'] as const satisfies readonly Role[];
/** Who edits the matter list and its benchmarks. */
export const ENFORCEMENT_MATTER_EDITORS = ['admin'] as const satisfies readonly Role[];
