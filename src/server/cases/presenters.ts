import { SATISFACTION_LABELS, type CaseSource, type CaseStatus } from '../../shared/cases.ts';
import type { Assignee } from '../../domain/cases/case-state.ts';
import type { VerifierKind } from '../../domain/cases/verification.ts';
import type { RouteReason } from '../../domain/matters/routing.ts';
import type { CaseAction } from '../../shared/cases.ts';
import { clockLight, effectiveDue, type ClockSet } from '../../domain/sla/clocks.ts';
import { idsOnPath } from '../../domain/identity/scope.ts';
import type { FileUrlSigner } from '../files/file-urls.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { maskName, maskPhone } from '../../domain/identity/personal-data.ts';
import type { ContactView } from '../../domain/cases/reporter-contact.ts';
import { assigneeId, toCaseState } from './case-mapping.ts';
import { policies } from '../../domain/cases/lifecycle.ts';
import type { Actor } from '../../domain/cases/case-state.ts';
import type { CaseLinkRow, CaseRow, EventRow } from './store.ts';
import type { Figures } from './figures-store.ts';
import type { ReportResult } from './report-case.ts';
import type { CaseChange } from '../platform/live.ts';
import type { CaseThing } from '../registry/thing-cases-presenters.ts';

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
    thingId: c.thing_id,
    satisfaction: presentSatisfaction(c.satisfaction),
    createdAt: c.created_at.toISOString(), updatedAt: c.updated_at.toISOString(),
  };
}

/** A row of a case list: the case as lists show it and the actions the reader may take on it now (`policies`, as on the detail). */
export function presentCaseListItem(c: CaseRow, names: Map<string, string>, now: Date, actor: Actor) {
  return { ...presentCaseSummary(c, names, now), policies: policies(toCaseState(c), actor) };
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
    contact: ContactView; urls: FileUrlSigner; pii: PiiCipher; verifiers: VerifierKind[] | null; routing: (RouteReason & { matter: string }) | null;
    original: CaseLinkRow | null; duplicates: readonly CaseLinkRow[];
    /** the registered thing the case was reported at, as the reader may see it (`presentCaseThing`) */
    thing?: CaseThing | null },
) {
  const photo = (p: { hash: string; phase: 'before' | 'after'; event_id: number | null }) => ({
    hash: p.hash, phase: p.phase, eventId: p.event_id, url: o.urls.url(p.hash, 'full', now), thumbUrl: o.urls.url(p.hash, 'thumb', now),
  });
  const reporter = presentReporter(c, o.contact, o.pii);
  return {
    ...presentCaseSummary(c, names, now),
    routedAssignee: presentAssignee(c.routed_assignee, names),
    reporter,
    suspension: c.suspension,
    original: o.original && { id: o.original.id, number: o.original.number, status: o.original.status as CaseStatus },
    duplicatedBy: o.duplicates.map((d) => ({ id: d.id, number: d.number, status: d.status as CaseStatus, createdAt: d.created_at.toISOString() })),
    timeline: o.events.map((e) => ({
      id: e.id, at: e.at.toISOString(), action: e.action, ...presentActor(e, c, reporter.name),
      from: e.from_status, to: e.to_status, reason: e.reason, data: e.data,
      channel: e.action === 'report' ? c.source as CaseSource : null,
      reporter: e.action === 'report' ? { kind: c.reporter_kind, name: reporter.name } : null,
      ...presentReassignment(e, names),
      photos: o.photos.filter((p) => p.event_id === e.id).map(photo),
    })),
    photos: o.photos.map(photo),
    policies: o.policies,
    verification: o.verifiers && { by: o.verifiers, onSpot: c.resolved_on_spot, handledBy: c.handled_by ? names.get(c.handled_by) ?? null : null },
    routing: o.routing,
    thing: o.thing ?? null,
  };
}

/**
 * Who acted, as the timeline credits them: the staff member who did it (the dispatcher who entered a 12345 call, not
 * the caller); the reporter themselves (a resident, signed in or anonymous), named as the contact view shows them; or
 * the system (the SLA sweep), which the client names in the reader's language.
 */
function presentActor(e: EventRow, c: CaseRow, reporterName: string | null): { actor: string; actorKind: 'staff' | 'reporter' | 'system' } {
  if (e.actor_id === null) return e.action === 'report' ? { actor: reporterName ?? '', actorKind: 'reporter' } : { actor: '', actorKind: 'system' };
  const residentReporter = c.reporter_kind === 'resident' && e.actor_id === c.reporter_account_id;
  if (residentReporter) return { actor: reporterName ?? '', actorKind: 'reporter' };
  return { actor: e.actor_name ?? '', actorKind: 'staff' };
}

/** Whom a step sent the case to, and whom routing had proposed when the dispatcher chose someone else. */
function presentReassignment(e: EventRow, names: Map<string, string>) {
  const d = e.data ?? {};
  const override = d.override as { routed?: Assignee | null } | undefined;
  return {
    assignee: presentAssignee((d.assignee as Assignee | undefined) ?? null, names),
    routedAssignee: presentAssignee(override?.routed ?? null, names),
  };
}

/** The ids the timeline and the case name: its assignee, routed assignee, handler, and everyone a step sent it to. */
export function namedIds(c: CaseRow, events: readonly EventRow[]): string[] {
  const ids = new Set<string>();
  const add = (a: unknown) => { const id = assigneeId((a as Assignee | null | undefined) ?? null); if (id) ids.add(id); };
  add(c.assignee);
  add(c.routed_assignee);
  if (c.handled_by) ids.add(c.handled_by);
  for (const e of events) {
    add(e.data?.assignee);
    add((e.data?.override as { routed?: unknown } | undefined)?.routed);
  }
  return [...ids];
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

/** The overview's figures as the API answers them (`CaseFigures`). */
export function presentFigures(day: string, f: Figures) {
  const t = f.totals;
  return {
    day, reportedToday: t.reported_today, acceptedToday: t.accepted_today, closedToday: t.closed_today,
    open: t.open, overdue: t.red, escalated: t.escalated,
    lights: { green: t.green, yellow: t.yellow, red: t.red, none: t.none },
    avgAcceptMinutes: t.avg_accept_minutes === null ? null : Math.round(t.avg_accept_minutes * 10) / 10,
    byCategory: f.byCategory,
    byBoard: f.byBoard.map((b) => ({ boardId: b.board_id, name: b.name, count: b.count })),
  };
}
