import type { Role } from './roles.ts';
import type { AlarmLevel } from './devices.ts';

/** 数字预案: the hazards a town keeps plans for (森林火情, 河道涨水, 地质灾害/危岩, 楼栋裂缝/堡坎垮塌, 高温 …). */
export const HAZARDS = ['forestFire', 'flood', 'geologicalHazard', 'buildingCrack', 'heatWave', 'fire', 'hazmat', 'publicHealth', 'other'] as const;
export type Hazard = (typeof HAZARDS)[number];

/** Response levels, lowest first: Ⅳ级 (一般, blue) → Ⅰ级 (特别重大, red). */
export const PLAN_LEVELS = ['IV', 'III', 'II', 'I'] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];

export const RESOURCE_KINDS = ['team', 'vehicle', 'supply', 'shelter'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/**
 * What starts a plan: a device alarm of a type at or above a level, a case of a category (hotline, grid worker, other
 * platforms' alerts become cases too), a platform alert of a type, or only a person (manual). `activate: 'auto'`
 * opens the incident at `level` without anyone; `'suggest'` puts the plan before the command center to start.
 */
export type PlanTrigger =
  | { kind: 'alarm'; alarmType: string; minLevel: AlarmLevel; level: PlanLevel; activate: TriggerMode }
  | { kind: 'case'; categoryCode: string; level: PlanLevel; activate: TriggerMode }
  | { kind: 'alert'; alertType: string; level: PlanLevel; activate: TriggerMode }
  | { kind: 'manual' };
export const TRIGGER_MODES = ['suggest', 'auto'] as const;
export type TriggerMode = (typeof TRIGGER_MODES)[number];
export type TriggerKind = PlanTrigger['kind'];

/** A role of the plan, filled by a town post's A/B holders, with named back-ups when the post has nobody. */
export interface PlanRole {
  key: string;
  name: string;
  /** the post (by code, e.g. PA-YJGL 应急管理岗) whose A and B holders take the role */
  postCode: string | null;
  /** accounts that take the role, in order, when the post has no holder (or there is no post) */
  backupAccountIds: string[];
}

export interface PlanStep {
  key: string;
  title: string;
  /** the role that carries it out; its work order goes to that role's holder */
  roleKey: string;
  /** minutes after activation by which it is due (never negative) */
  dueOffsetMin: number;
  /** the lowest level at which the step applies: a level raised later adds the steps it now reaches */
  fromLevel: PlanLevel;
  checklist: string[];
}

export interface PlanResource {
  key: string;
  kind: ResourceKind;
  name: string;
  quantity: number | null;
  unit: string | null;
  location: { lng: number; lat: number } | null;
  address: string | null;
  contactName: string | null;
  /** personal data: sealed in the store, masked on screen unless the reader may see it (every unmasked read audited) */
  contactPhone: string | null;
}

/** CAP 1.2 fields of the plan's alert; severity follows the level unless given. */
export interface PlanNotice {
  event: string;
  urgency: CapUrgency;
  severity: CapSeverity | null;
  certainty: CapCertainty;
  headline: string;
  description: string;
  instruction: string;
  areaDesc: string;
  /** hours the alert stays in force from its sending */
  expiresAfterH: number;
}

/** A plan as an editor saves it; every save is a new version, and an incident keeps the version it was started from. */
export interface PlanBody {
  name: string;
  hazard: Hazard;
  /** the Matter (case category) of the steps' work orders, e.g. S0302 河道涨水 */
  matterCode: string;
  summary: string;
  /** the levels this plan has, lowest first (a subset of PLAN_LEVELS) */
  levels: PlanLevel[];
  triggers: PlanTrigger[];
  roles: PlanRole[];
  steps: PlanStep[];
  resources: PlanResource[];
  notice: PlanNotice;
}

export const PLAN_STATUSES = ['active', 'retired'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const INCIDENT_STATUSES = ['active', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** A step of an incident: its work order's progress decides it, or its checklist ticked through. */
export const STEP_STATES = ['open', 'done', 'left'] as const;
export type StepState = (typeof STEP_STATES)[number];

/** The incident's log (事件处置记录), kept beside the work orders' own timelines. */
export const INCIDENT_ACTIONS = [
  'activated', 'level_changed', 'steps_added', 'notified', 'step_checked', 'step_unchecked', 'step_completed', 'stood_down',
  'partner_notified', 'partner_failed',
] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

// ---- CAP 1.2 (OASIS Common Alerting Protocol) -------------------------------------------------------------------
export const CAP_STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export type CapStatus = (typeof CAP_STATUSES)[number];
export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
export type CapMsgType = (typeof CAP_MSG_TYPES)[number];
export const CAP_SCOPES = ['Public', 'Restricted', 'Private'] as const;
export const CAP_CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;
export type CapCategory = (typeof CAP_CATEGORIES)[number];
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export type CapUrgency = (typeof CAP_URGENCIES)[number];
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export type CapSeverity = (typeof CAP_SEVERITIES)[number];
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
export type CapCertainty = (typeof CAP_CERTAINTIES)[number];

/** A CAP 1.2 alert with one info block and one area, as the incident drafts it (times ISO 8601 with zone, no ms). */
export interface CapAlert {
  identifier: string;
  sender: string;
  sent: string;
  status: CapStatus;
  msgType: CapMsgType;
  scope: (typeof CAP_SCOPES)[number];
  /** for Update and Cancel: the earlier alerts, "sender,identifier,sent" each */
  references: string[];
  note: string | null;
  info: {
    language: string;
    category: CapCategory[];
    event: string;
    urgency: CapUrgency;
    severity: CapSeverity;
    certainty: CapCertainty;
    effective: string;
    onset: string | null;
    expires: string;
    senderName: string;
    headline: string;
    description: string;
    instruction: string;
    area: {
      areaDesc: string;
      /** "lat,lng lat,lng …" closed rings (CAP writes latitude first) */
      polygons: string[];
      /** "lat,lng radiusKm" */
      circles: string[];
    };
  };
}

export const PLAN_LIMITS = {
  name: 80, summary: 1000, key: 40, title: 120, checklistItem: 200, checklistItems: 20, roles: 30, steps: 80, resources: 200,
  triggers: 20, backups: 5, reason: 1000, noticeText: 2000, headline: 160, maxDueOffsetMin: 30 * 24 * 60, maxExpiresH: 14 * 24,
  resourceText: 120, phone: 30,
} as const;

/** Who reads plans and incidents (a grid worker sees the work orders of the steps given to them, through the case loop). */
export const PLAN_READERS = ['admin', 'leader', 'dispatcher', 'handler', 'communityStaff'] as const satisfies readonly Role[];
/** Who writes and retires plans. */
export const PLAN_EDITORS = ['admin', 'leader'] as const satisfies readonly Role[];
/** Who starts a plan, changes its level and stands it down: the command center (指挥长 and 值班调度). */
export const INCIDENT_COMMANDERS = ['admin', 'leader', 'dispatcher'] as const satisfies readonly Role[];
