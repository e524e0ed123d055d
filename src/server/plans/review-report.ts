import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import {
  CAP_MSG_TYPES, CAP_SEVERITIES, CAP_STATUSES, HAZARDS, INCIDENT_ACTIONS, PLAN_LEVELS, STEP_STATES, type Hazard, type PlanLevel,
} from '../../shared/plans.ts';
import { CASE_STATUSES } from '../../shared/cases.ts';
import { reviewIncident } from '../../domain/plans/review.ts';
import type { ReviewEventRow, ReviewIncidentRow, ReviewLevelRow, ReviewStepRow } from './review-store.ts';

/*
 * The after-action review (复盘报告) of a stood-down incident: what happened against the plan's times. The figures are
 * the domain's (reviewIncident); this file shapes them with the incident's rows into one report, which the JSON answer,
 * the PDF and the workbook all print.
 */

const Time = Type.String({ description: 'ISO 8601 with zone' });
const Minutes = Type.Integer({ description: 'whole minutes' });

export const ReviewQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('pdf'), Type.Literal('xlsx')], { description: 'json (default), pdf (A4, Chinese) or xlsx (steps and log sheets)' })),
}, { additionalProperties: false });

export const ReviewStep = Type.Object({
  key: Type.String(),
  seq: Type.Integer(),
  title: Type.String(),
  roleName: Type.String(),
  fromLevel: lit(PLAN_LEVELS),
  caseId: Type.String(),
  caseNumber: Type.String(),
  caseStatus: lit(CASE_STATUSES),
  assigneeName: Nullable(Type.String()),
  createdAt: Time,
  dueAt: Time,
  completedAt: Nullable(Time),
  state: lit(STEP_STATES),
  plannedMinutes: Type.Integer({ description: 'from the step\'s start (activation or the level change that added it) to its due time' }),
  minutesToDone: Nullable(Minutes),
  lateByMinutes: Nullable(Type.Integer({ description: 'done after its due time by this many minutes (0: on time); not done: null' })),
  late: Type.Boolean({ description: 'done after its due time, or left past it at stand-down' }),
  checklist: Type.Array(Type.Object({ text: Type.String(), checkedAt: Nullable(Time), checkedByName: Nullable(Type.String()) })),
});

export const IncidentReview = Type.Object({
  incidentId: Type.String(),
  number: Type.String(),
  title: Type.String(),
  planId: Type.String(),
  planName: Type.String(),
  planVersion: Type.Integer(),
  hazard: lit(HAZARDS),
  drill: Type.Boolean(),
  level: lit(PLAN_LEVELS),
  reason: Type.String(),
  townName: Type.String(),
  address: Nullable(Type.String()),
  activatedAt: Time,
  activatedByName: Nullable(Type.String()),
  stoodDownAt: Time,
  stoodDownByName: Nullable(Type.String()),
  standDownReason: Nullable(Type.String()),
  levels: Type.Array(Type.Object({ at: Time, from: lit(PLAN_LEVELS), to: lit(PLAN_LEVELS), reason: Nullable(Type.String()), byName: Nullable(Type.String()) })),
  steps: Type.Array(ReviewStep),
  totals: Type.Object({
    steps: Type.Integer(),
    doneOnTime: Type.Integer(),
    doneLate: Type.Integer(),
    left: Type.Integer(),
    longestDelayMinutes: Nullable(Minutes),
    longestDelayStep: Nullable(Type.String({ description: 'the key of the step furthest past its due time (done late, or left past it)' })),
    minutesToFirstStepDone: Nullable(Minutes),
    durationMinutes: Minutes,
  }),
  capAlerts: Type.Array(Type.Object({
    identifier: Type.String(), sent: Time, status: lit(CAP_STATUSES), msgType: lit(CAP_MSG_TYPES), severity: lit(CAP_SEVERITIES), headline: Type.String(),
  })),
  log: Type.Array(Type.Object({
    at: Time, action: lit(INCIDENT_ACTIONS), actorName: Nullable(Type.String()), reason: Nullable(Type.String()),
    detail: Type.String({ description: 'what the entry did, in Chinese (the step and item ticked, the levels, the steps added or left, whom it notified)' }),
  })),
});
export type IncidentReview = Static<typeof IncidentReview>;
export type ReviewStep = Static<typeof ReviewStep>;

/** Chinese names of what the report prints (the web has its own locales; these are for the PDF and the workbook). */
export const HAZARD_ZH: Record<Hazard, string> = {
  forestFire: '森林火情', flood: '河道涨水', geologicalHazard: '地质灾害', buildingCrack: '楼栋裂缝/堡坎垮塌', heatWave: '高温',
  fire: '火灾', hazmat: '危化品', publicHealth: '公共卫生', other: '其他',
};
export const LEVEL_ZH: Record<PlanLevel, string> = { IV: 'Ⅳ级（一般）', III: 'Ⅲ级（较大）', II: 'Ⅱ级（重大）', I: 'Ⅰ级（特别重大）' };
export const STEP_STATE_ZH = { open: '进行中', done: '已完成', left: '未完成' } as const;
export const ACTION_ZH: Record<(typeof INCIDENT_ACTIONS)[number], string> = {
  activated: '启动响应', level_changed: '调整级别', steps_added: '增加步骤', notified: '发布通知', step_checked: '勾选检查项',
  step_unchecked: '取消勾选', step_completed: '步骤完成', stood_down: '解除响应', partner_notified: '已推送合作单位', partner_failed: '推送合作单位失败',
};
export const MSG_TYPE_ZH: Record<(typeof CAP_MSG_TYPES)[number], string> = { Alert: '首发', Update: '更新', Cancel: '解除', Ack: '确认', Error: '更正' };

const iso = (d: Date | string) => new Date(d).toISOString();

/** A log entry in words: the step and item ticked, the levels, the steps added or left, whom a notice reached. */
function logDetail(e: ReviewEventRow, titles: ReadonlyMap<string, string>): string {
  const d = e.data ?? {};
  const str = (k: string) => (typeof d[k] === 'string' ? d[k] as string : '');
  const title = (k: unknown) => (typeof k === 'string' ? titles.get(k) ?? k : '');
  const keys = (v: unknown) => (Array.isArray(v) ? v.map((k) => title(typeof k === 'string' ? k : (k as { stepKey?: string }).stepKey)).filter(Boolean).join('、') : '');
  const level = (v: unknown) => (typeof v === 'string' && v in LEVEL_ZH ? LEVEL_ZH[v as PlanLevel] : '');
  switch (e.action) {
    case 'activated': return `${level(d.level)}响应${d.drill ? '（演练）' : ''}；启动步骤：${keys(d.steps)}`;
    case 'level_changed': return `${level(str('from'))} → ${level(str('to'))}`;
    case 'steps_added': return `增加步骤：${keys(d.steps)}`;
    case 'step_checked': case 'step_unchecked': return `${title(d.stepKey)}：${str('text')}`;
    case 'step_completed': return `${title(d.stepKey)}${str('number') ? `（工单 ${str('number')}${d.handedIn ? ' 已办结上报' : ''}）` : ''}`;
    case 'stood_down': return keys(d.left) ? `未完成步骤：${keys(d.left)}` : '全部步骤已完成';
    case 'notified': {
      const names = Array.isArray(d.recipients) ? [...new Set((d.recipients as { name?: string }[]).map((x) => x.name).filter(Boolean))] : [];
      const partners = Array.isArray(d.partners) ? (d.partners as { name?: string }[]).map((x) => x.name).filter(Boolean) : [];
      const type = typeof d.msgType === 'string' && d.msgType in MSG_TYPE_ZH ? MSG_TYPE_ZH[d.msgType as keyof typeof MSG_TYPE_ZH] : '';
      return `${type}预警信息，通知 ${names.length} 人${partners.length ? `，推送 ${partners.join('、')}` : ''}`;
    }
    case 'partner_notified': case 'partner_failed': return str('partner');
    default: return '';
  }
}

/** The report of a stood-down incident (the caller checks it is closed). */
export function buildReview(i: ReviewIncidentRow, levels: readonly ReviewLevelRow[], steps: readonly ReviewStepRow[], log: readonly ReviewEventRow[]): IncidentReview {
  const stoodDownAt = i.stood_down_at ?? i.activated_at;
  const r = reviewIncident({
    activatedAt: new Date(i.activated_at),
    stoodDownAt: new Date(stoodDownAt),
    levels: levels.map((l) => ({ at: new Date(l.at), from: l.from, to: l.to })),
    steps: steps.map((s) => ({
      key: s.step_key, title: s.title, roleName: s.role_name, createdAt: new Date(s.created_at), dueAt: new Date(s.due_at),
      completedAt: s.completed_at ? new Date(s.completed_at) : null, state: s.state,
      checklist: s.checklist.map((text, item) => {
        const c = s.checks.find((x) => x.item === item);
        return { text, checkedAt: c ? new Date(c.checkedAt) : null };
      }),
    })),
  });
  const byKey = new Map(r.steps.map((x) => [x.key, x]));
  const titles = new Map(steps.map((x) => [x.step_key, x.title]));
  return {
    incidentId: i.id, number: i.number, title: i.title, planId: i.plan_id, planName: i.plan_name, planVersion: i.plan_version,
    hazard: i.hazard, drill: i.drill, level: i.level, reason: i.reason, townName: i.town_name, address: i.address,
    activatedAt: iso(i.activated_at), activatedByName: i.activated_by_name, stoodDownAt: iso(stoodDownAt),
    stoodDownByName: i.stood_down_by_name, standDownReason: i.stand_down_reason,
    levels: levels.map((l) => ({ at: iso(l.at), from: l.from, to: l.to, reason: l.reason, byName: l.actor_name })),
    steps: steps.map((s) => {
      const d = byKey.get(s.step_key);
      return {
        key: s.step_key, seq: s.seq, title: s.title, roleName: s.role_name, fromLevel: s.from_level, caseId: s.case_id,
        caseNumber: s.case_number, caseStatus: s.case_status as ReviewStep['caseStatus'], assigneeName: s.assignee_name,
        createdAt: iso(s.created_at), dueAt: iso(s.due_at), completedAt: s.completed_at ? iso(s.completed_at) : null, state: s.state,
        plannedMinutes: d?.plannedMinutes ?? 0, minutesToDone: d?.minutesToDone ?? null,
        lateByMinutes: d && d.completedAt ? d.lateByMin : null, late: d?.late ?? false,
        checklist: s.checklist.map((text, item) => {
          const c = s.checks.find((x) => x.item === item);
          return { text, checkedAt: c ? iso(c.checkedAt) : null, checkedByName: c?.by ?? null };
        }),
      };
    }),
    totals: {
      steps: steps.length, doneOnTime: r.totals.doneOnTime, doneLate: r.totals.doneLate, left: r.totals.left,
      longestDelayMinutes: r.totals.longestDelay?.lateByMin ?? null, longestDelayStep: r.totals.longestDelay?.key ?? null,
      minutesToFirstStepDone: r.totals.minutesToFirstStepDone, durationMinutes: r.durationMin ?? 0,
    },
    capAlerts: i.cap_alerts.map((a) => ({
      identifier: a.identifier, sent: a.sent, status: a.status, msgType: a.msgType, severity: a.info.severity, headline: a.info.headline,
    })),
    log: [...log].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime() || a.id - b.id).map((e) => ({
      at: iso(e.at), action: e.action as IncidentReview['log'][number]['action'], actorName: e.actor_name, reason: e.reason,
      detail: logDetail(e, titles),
    })),
  };
}
