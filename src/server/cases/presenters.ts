import { SATISFACTION_LABELS, type CaseStatus } from '../../shared/cases.ts';
import type { CaseAction } from '../../shared/cases.ts';
import { clockLight, effectiveDue, type ClockSet } from '../../domain/sla/clocks.ts';
import { idsOnPath } from '../../domain/identity/scope.ts';
import type { FileUrlSigner } from '../files/file-urls.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { maskName, maskPhone } from '../../domain/identity/personal-data.ts';
import type { ContactView } from '../../domain/cases/reporter-contact.ts';
import { assigneeId } from './case-mapping.ts';
import type { CaseRow, EventRow } from './store.ts';
import type { ReportResult } from './report-case.ts';
import type { CaseChange } from '../platform/live.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Each clock with its light and due time now, and what a client needs to count them on (`clockLight`, `effectiveDue`). */
export function presentDeadlines(clocks: ClockSet, now: Date) {
  const out: Record<string, {
    startedAt: string; dueAt: string; plannedDueAt: string; suspendedMs: number; pausedAt: string | null; light: string; stoppedAt: string | null;
  }> = {};
  for (const [name, c] of Object.entries(clocks)) {
    if (!c) continue;
    out[name] = {
      startedAt: iso(c.startedAt)!, dueAt: iso(effectiveDue(c, now.getTime()))!, plannedDueAt: iso(c.due)!, suspendedMs: c.suspendedMs,
      pausedAt: iso(c.pausedAt), light: clockLight(c, now.getTime()), stoppedAt: iso(c.stoppedAt),
    };
  }
  return out;
}

function presentAssignee(a: CaseRow['assignee'], names: Map<string, string>) {
  const id = assigneeId(a);
  if (!a || !id) return null;
  const kind = 'postId' in a ? 'post' : 'departmentId' in a ? 'department' : 'staff';
  return { kind, id, name: names.get(id) ?? '' };
}

function presentSatisfaction(s: CaseRow['satisfaction']) {
  if (!s) return null;
  const score = Number(s.score) as keyof typeof SATISFACTION_LABELS;
  return { score, label: SATISFACTION_LABELS[score]?.zh ?? '', ...(s.comment ? { comment: String(s.comment) } : {}) };
}

/** A case as lists show it. Reporter contact details are left out: only the detail view shows them (`presentReporter`). */
export function presentCaseSummary(c: CaseRow, names: Map<string, string>, now: Date) {
  const ancestorIds = idsOnPath(c.org_path);
  return {
    id: c.id, number: c.number, status: c.status as CaseStatus, version: c.version,
    categoryCode: c.category_code, categoryName: c.category_name, description: c.description,
    location: { lng: c.lng, lat: c.lat }, address: c.address,
    gridId: c.grid_id, ancestorIds: ancestorIds.slice(0, -1), townId: c.town_id,
    tier: c.tier, source: c.source,
    assignee: presentAssignee(c.assignee, names),
    deadlines: presentDeadlines(c.clocks as ClockSet, now),
    suspended: c.suspension !== null && (c.suspension as { state?: string }).state === 'active',
    duplicateOf: c.duplicate_of,
    satisfaction: presentSatisfaction(c.satisfaction),
    createdAt: c.created_at.toISOString(), updatedAt: c.updated_at.toISOString(),
  };
}

/**
 * The reporter's name and phone, opened with the personal-data key and masked unless the reader's work on the case
 * needs them (`reporterContactView`). A value sealed with another key (a restore without its key) is null, and
 * `unavailable` says so.
 */
export function presentReporter(c: CaseRow, view: ContactView, pii: PiiCipher) {
  const name = c.reporter_name === null ? null : pii.tryDecrypt(c.reporter_name);
  const phone = c.reporter_phone === null ? null : pii.tryDecrypt(c.reporter_phone);
  const masked = view === 'masked';
  return {
    kind: c.reporter_kind,
    name: name && (masked ? maskName(name) : name),
    phone: phone && (masked ? maskPhone(phone) : phone),
    unavailable: (c.reporter_name !== null && name === null) || (c.reporter_phone !== null && phone === null),
  };
}

export function presentCaseDetail(
  c: CaseRow, names: Map<string, string>, now: Date,
  o: { events: EventRow[]; photos: { hash: string; phase: 'before' | 'after'; event_id: number | null }[]; policies: CaseAction[];
    contact: ContactView; urls: FileUrlSigner; pii: PiiCipher },
) {
  const photo = (p: { hash: string; phase: 'before' | 'after'; event_id: number | null }) => ({
    hash: p.hash, phase: p.phase, eventId: p.event_id, url: o.urls.url(p.hash, 'full', now), thumbUrl: o.urls.url(p.hash, 'thumb', now),
  });
  const reporter = presentReporter(c, o.contact, o.pii);
  // a resident's report names no actor in the store: the reader sees the reporter as the contact view shows them
  const actorOf = (e: EventRow) => e.actor_name ?? (e.action === 'report' ? reporter.name ?? '' : e.actor_id ? '' : '系统');
  return {
    ...presentCaseSummary(c, names, now),
    routedAssignee: presentAssignee(c.routed_assignee, names),
    reporter,
    suspension: c.suspension,
    timeline: o.events.map((e) => ({
      id: e.id, at: e.at.toISOString(), action: e.action, actor: actorOf(e),
      from: e.from_status, to: e.to_status, reason: e.reason, data: e.data,
      photos: o.photos.filter((p) => p.event_id === e.id).map(photo),
    })),
    photos: o.photos.map(photo),
    policies: o.policies,
  };
}

/**
 * Nearby open cases of the same category, in the answer to a report. Staff get each case, to open and link it; a
 * resident learns only that similar reports exist (how many, how near), never another person's case.
 */
export function presentDuplicates(found: ReportResult['duplicates'], forStaff: boolean) {
  if (forStaff) return { duplicates: found };
  const nearest = found.length === 0 ? null : Math.round(Math.min(...found.map((d) => d.distanceM)));
  return { similarNearby: { count: found.length, nearestM: nearest } };
}

/** A change of a case as the event stream sends it: which case and what happened, nothing of who may see it. */
export function presentCaseEvent(c: CaseChange) {
  return { caseId: c.caseId, number: c.number, eventId: c.eventId, action: c.action, status: c.status as CaseStatus, at: c.at };
}
