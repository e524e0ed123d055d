import type { Principal } from '../platform/auth.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import type { FileUrlSigner } from '../files/file-urls.ts';
import { bandText } from '../../domain/enforcement/benchmarks.ts';
import { enforcementActionAllowed } from '../../domain/enforcement/lifecycle.ts';
import { handlingTimes } from '../../domain/enforcement/timing.ts';
import {
  ENFORCEMENT_ACTIONS, ENFORCEMENT_MATTER_EDITORS, ENFORCEMENT_TARGET_MIN, type EnforcementAction, type FactDef, type FactValue, type Facts,
} from '../../shared/enforcement.ts';
import type { CaseDetailT, CaseListItemT, EnforcementCasePolicy, EvidenceViewT, MatterViewT } from './schemas.ts';
import type { MatterRow } from './matter-store.ts';
import type * as store from './case-store.ts';
import { isOfficer } from './open-case.ts';
import { isReviewer } from './case-actions.ts';
import { presentSubject } from './subject.ts';
import { maskName } from '../../domain/identity/personal-data.ts';

/* The only place that shapes the enforcement capability's JSON, with what the caller may do (`policies`). */

export const mayEditMatters = (p: Principal) => p.roles.some((r) => (ENFORCEMENT_MATTER_EDITORS as readonly string[]).includes(r));

export function presentMatter(m: MatterRow, names: Map<string, string>, p: Principal): MatterViewT {
  const b = m.body;
  return {
    code: m.code, name: m.name, category: m.category, source: m.source, delegatedBy: m.delegated_by,
    violationBasis: b.violationBasis, penaltyBasis: b.penaltyBasis,
    loopCategoryCodes: m.loop_category_codes, loopCategoryNames: m.loop_category_codes.map((c) => names.get(c) ?? c),
    facts: b.facts, benchmarks: b.benchmarks,
    orgUnitId: m.org_unit_id, orgUnitName: m.org_unit_name, status: m.status, updatedAt: m.updated_at.toISOString(),
    policies: mayEditMatters(p) ? ['edit'] : [],
  };
}

/** Who may read a case's subject whole (and download its decision): its officers' role and reviewers, of the scope. */
export const seesSubjectWhole = (p: Principal) => isOfficer(p) || isReviewer(p);

const ACTION_POLICY: Record<EnforcementAction, EnforcementCasePolicy> = {
  'update-facts': 'updateFacts', 'add-evidence': 'addEvidence', 'confirm-band': 'confirmBand', review: 'review', decide: 'decide',
  pay: 'pay', execute: 'execute', close: 'close', drop: 'drop',
};

/** What the caller may do to the case now (the case is in the caller's scope: it was read through it). */
export function casePolicies(c: store.EnforcementCaseRow, p: Principal): EnforcementCasePolicy[] {
  const out: EnforcementCasePolicy[] = [];
  const ctx = { penaltyKind: c.confirmed?.penalty.kind ?? null };
  for (const action of ENFORCEMENT_ACTIONS) {
    const may = action === 'review' ? isReviewer(p) && !c.officer_ids.includes(p.accountId) : isOfficer(p);
    if (may && enforcementActionAllowed(c.status, action, ctx)) out.push(ACTION_POLICY[action]);
  }
  if (seesSubjectWhole(p)) out.push('unmask');
  if (c.decision && seesSubjectWhole(p)) out.push('downloadDecision');
  return out;
}

/** A fact's value as read: 是/否, 6 平方米, the option's label. */
export function factDisplay(def: FactDef | undefined, value: FactValue | undefined): string {
  if (value === undefined || value === null) return '未填写';
  if (!def) return String(value);
  switch (def.kind) {
    case 'boolean': return value === true ? '是' : '否';
    case 'number': return `${value} ${def.unit}`;
    case 'choice': return def.options.find((o) => o.value === value)?.label ?? String(value);
    default: return String(value);
  }
}

export function presentFacts(defs: readonly FactDef[], facts: Facts): CaseDetailT['facts'] {
  const shown = defs.map((d) => ({ key: d.key, label: d.label, value: facts[d.key] ?? null, display: factDisplay(d, facts[d.key]) }));
  // facts of an earlier version of the matter that it no longer defines stay on record
  for (const [key, value] of Object.entries(facts)) {
    if (!defs.some((d) => d.key === key)) shown.push({ key, label: key, value, display: String(value) });
  }
  return shown;
}

export function presentEvidence(e: store.EvidenceRow, urls: FileUrlSigner, now: Date): EvidenceViewT {
  return {
    id: e.id, kind: e.kind, fileHash: e.file_hash,
    url: e.file_hash ? urls.url(e.file_hash, 'full', now) : null,
    thumbUrl: e.file_hash && e.kind === 'photo' ? urls.url(e.file_hash, 'thumb', now) : null,
    text: e.text, note: e.note, takenAt: e.taken_at.toISOString(),
    location: e.lng !== null && e.lat !== null ? { lng: e.lng, lat: e.lat } : null,
    byName: e.by_name, createdAt: e.created_at.toISOString(),
  };
}

export interface CaseExtras {
  matter: MatterRow;
  evidence: store.EvidenceRow[];
  events: store.EnforcementEventRow[];
  officerNames: Map<string, string>;
  pii: PiiCipher;
  urls: FileUrlSigner;
  whole: boolean;
  now: Date;
}

export function presentCaseDetail(c: store.EnforcementCaseView, p: Principal, x: CaseExtras): CaseDetailT {
  const times = handlingTimes({ openedAt: c.opened_at, decidedAt: c.decided_at, events: x.events.map((e) => ({ action: e.action, at: e.at })) });
  const opened = c.opened_at.getTime();
  return {
    id: c.id, number: c.number, version: c.version, status: c.status,
    matter: { code: x.matter.code, name: x.matter.name, category: x.matter.category, source: c.matter_source, delegatedBy: x.matter.delegated_by },
    townId: c.town_id, townName: c.town_name, gridId: c.grid_id, gridName: c.grid_name,
    loopCase: c.case_id ? { id: c.case_id, number: c.loop_case_number!, status: c.loop_case_status! } : null,
    inspectionId: c.inspection_id, inspectionNumber: c.inspection_number,
    subject: presentSubject(x.pii, c.subject, x.whole),
    facts: presentFacts(x.matter.body.facts, c.facts),
    description: c.description, location: { lng: c.lng, lat: c.lat }, address: c.address,
    proposed: { ...c.proposed, description: c.proposed.description ?? bandText(c.proposed.penalty) },
    confirmed: c.confirmed ? { ...c.confirmed, penalty: { kind: c.confirmed.penalty.kind, fineYuan: c.confirmed.penalty.fineYuan ?? null } } : null,
    departure: c.departure, departureReason: c.departure_reason,
    review: c.review, reviewReturns: c.review_returns,
    decision: c.decision, execution: c.execution, dropReason: c.drop_reason,
    officers: c.officer_ids.map((id) => ({ id, name: x.officerNames.get(id) ?? '' })),
    evidence: x.evidence.map((e) => presentEvidence(e, x.urls, x.now)),
    timeline: x.events.map((e, i) => ({
      at: e.at.toISOString(), action: e.action, actorName: e.actor_name, data: e.data,
      minutes: times.steps[i]?.minutes ?? 0,
      sinceOpenedMinutes: Math.max(0, Math.round((e.at.getTime() - opened) / 6_000) / 10),
    })),
    handlingMinutes: times.handlingMinutes, withinTarget: times.withinTarget, targetMinutes: ENFORCEMENT_TARGET_MIN,
    openedAt: c.opened_at.toISOString(), openedByName: c.opened_by_name,
    decidedAt: c.decided_at?.toISOString() ?? null, closedAt: c.closed_at?.toISOString() ?? null, updatedAt: c.updated_at.toISOString(),
    policies: casePolicies(c, p),
  };
}

export function presentCaseListItem(c: store.EnforcementCaseView): CaseListItemT {
  const times = c.decided_at ? handlingTimes({ openedAt: c.opened_at, decidedAt: c.decided_at, events: [] }) : null;
  return {
    id: c.id, number: c.number, status: c.status, matterCode: c.matter_code, matterName: c.matter_name, matterSource: c.matter_source,
    subjectKind: c.subject.kind, subjectName: c.subject.kind === 'person' ? maskName(c.subject.name) : c.subject.name,
    gridName: c.grid_name, address: c.address, loopCaseNumber: c.loop_case_number,
    proposedName: c.proposed.name, confirmedName: c.confirmed?.name ?? null, departure: c.departure,
    penalty: c.decision?.penalty ?? c.confirmed?.penalty ?? null,
    openedAt: c.opened_at.toISOString(), decidedAt: c.decided_at?.toISOString() ?? null,
    handlingMinutes: times?.handlingMinutes ?? null, withinTarget: times?.withinTarget ?? null,
  };
}
