import { randomUUID } from 'node:crypto';
import type { Db } from '../platform/db/db.ts';
import { AppError, outsideGrids } from '../platform/errors.ts';
import { CASE_CHANNEL, type CaseChange } from '../platform/live.ts';
import type { GridLocatorCache } from '../org/locator-cache.ts';
import { OPEN_STATUSES, type CaseSource } from '../../shared/cases.ts';
import type { ReporterKind } from '../../domain/cases/case-state.ts';
import { formatCaseNumber, caseNumberDay } from '../../domain/cases/case-number.ts';
import { nextCheckAt } from '../../domain/cases/escalation.ts';
import { boundingBox, suggestDuplicates, type DuplicateSuggestion } from '../../domain/cases/duplicates.ts';
import { routeCase, type GridChain } from '../../domain/matters/routing.ts';
import { targetLookup } from '../../domain/matters/target-lookup.ts';
import { advanceClocks } from '../../domain/sla/clocks.ts';
import { idsOnPath } from '../../domain/identity/scope.ts';
import type { WorkingCalendar } from '../../domain/sla/working-calendar.ts';
import type { WorkingCalendarCache } from '../calendar/calendar-cache.ts';
import { toMatter, toSweepCase } from './case-mapping.ts';
import { gridWorkerFor, photosUnknown } from './assignees.ts';
import { intakeContextsOf, type IntakeContext } from './intake-contexts.ts';
import * as store from './store.ts';
import type { MatterRow } from '../matters/store.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { checkThingForReport, type ThingReach } from '../../domain/registry/thing-reach.ts';
import { findThingForReport, type ThingForReport } from '../registry/thing-cases-store.ts';

export interface ReportInput {
  categoryCode: string;
  description: string;
  location: { lng: number; lat: number };
  address?: string;
  source: CaseSource;
  photos?: readonly string[];
  /** the contact: personal data, sealed before it is stored */
  reporter: { kind: ReporterKind; accountId: string | null; name: string | null; phone: string | null };
  /**
   * Who the timeline names as reporting: the signed-in staff account (the grid worker; the dispatcher who took a call,
   * not the caller). Null for residents: their names are shown only through the reporter's contact, masked by case.
   */
  actorName: string | null;
  /**
   * The account that entered the report, the actor of its first timeline entry: the dispatcher who took a 12345 call,
   * whose caller is the reporter (no account). Absent: the reporter's own account (null for an anonymous report).
   */
  actorId?: string | null;
  /** scoped to the reporter, so two clients can never collide on each other's keys */
  idempotencyKey: string | null;
  /** the registered thing (部件) the report is made at, and the reporter's reach (`thingReach`) that decides whether it may name it */
  thing?: { id: string; reach: ThingReach } | null;
}

/** What intake reads from the node's memory (the app has all three). */
export interface IntakeServices {
  locator: GridLocatorCache;
  pii: PiiCipher;
  calendar: WorkingCalendarCache;
}

export interface ReportResult {
  caseId: string;
  created: boolean;
  duplicates: (DuplicateSuggestion & { number: string; status: string; createdAt: string })[];
}

export const thingInvalid = () =>
  new AppError('CASE_THING_INVALID', 'No registered thing with this id stands within your reach of the report\'s point.', '报告位置附近没有可选的该部件。');

export const unknownCategory = (code: string) =>
  new AppError('CATEGORY_UNKNOWN', `No category ${code} in this town's catalog.`, `本镇街事项清单中没有类别 ${code}。`);
/** tries with a fresh context after the catalog or the grid changed under a report, before giving up */
const ATTEMPTS = 3;

/**
 * Intake: locate, route by the town's Matter, then one statement numbers and stores the case with its first timeline
 * entry and photos, publishes it and finds nearby open cases of the same category. The grid's place and the Matter come
 * from the node's memory (`IntakeContexts`); the statement checks they still hold and writes nothing if not.
 */
export async function reportCase(db: Db, services: IntakeServices, input: ReportInput, now: Date): Promise<ReportResult> {
  const contexts = intakeContextsOf(db);
  const gridId = (await services.locator.current()).locate(input.location.lng, input.location.lat);
  const calendar = await services.calendar.current();
  const thing = input.thing ? await findThingForReport(db, input.thing.id) : null;
  for (let attempt = 1; ; attempt++) {
    const place = gridId ? await contexts.find(db, gridId, input.categoryCode) : null;
    if (!gridId || !place?.matter) {
      // a retry of a report that went through returns its case, even if the catalog or the map changed since
      const existing = await earlier(db, input);
      if (existing) return existing;
      throw place ? unknownCategory(input.categoryCode) : outsideGrids();
    }
    if (input.thing && checkThingForReport(thingAt(thing), input.thing.reach, place.town.id, input.location) !== null) {
      const existing = await earlier(db, input);
      if (existing) return existing;
      throw thingInvalid();
    }
    const draft = draftReport({ ...place, gridId, matter: place.matter }, input, services.pii, calendar, now);
    // the grid's worker by the team rule, as escalation and the preview find it; the statement checks the choice still holds
    const gridWorker = draft.target.gridWorker ? await gridWorkerFor(db, gridId, place.grid.path) : null;
    let stored: store.ReportOutcome;
    try {
      stored = await store.insertReport(db, { ...draft, gridWorker });
    } catch (err) {
      // two retries racing with the same key: the loser returns the winner's case
      if ((err as { code?: string }).code === '23505') {
        const existing = await earlier(db, input);
        if (existing) return existing;
      }
      throw err;
    }
    switch (stored.outcome) {
      case 'exists':
        return { caseId: stored.caseId, created: false, duplicates: [] };
      case 'photosMissing':
        throw photosUnknown(stored.missing);
      case 'stale':
        contexts.forget(gridId, place.town.id, input.categoryCode);
        if (attempt < ATTEMPTS) continue;
        throw new AppError('CONFLICT', 'The catalog or the grids changed while reporting; send the report again.', '事项清单或网格正在变更，请重新提交。');
      case 'created':
        return { caseId: stored.caseId, created: true, duplicates: duplicatesOf(draft, stored.nearby) };
      default:
        return stored satisfies never;
    }
  }
}

/** The located grid with its community, town and district, as routing reads them (intake and its preview alike). */
export function gridChainOf(place: Pick<IntakeContext, 'grid' | 'town'>, gridId: string): GridChain {
  const { grid, town } = place;
  const chainIds = idsOnPath(grid.path);
  return {
    gridId, communityId: chainIds[chainIds.indexOf(town.id) + 1] ?? gridId, townId: town.id, districtId: chainIds[chainIds.indexOf(town.id) - 1] ?? town.id,
    orgPath: grid.path, townPath: town.path,
  };
}

const thingAt = (t: ThingForReport | null) =>
  t && { id: t.id, kind: t.kind, orgPath: t.org_path, gridId: t.grid_id, townId: t.town_id, location: { lng: t.lng, lat: t.lat }, retired: t.retired };

async function earlier(db: Db, input: ReportInput): Promise<ReportResult | null> {
  if (!input.idempotencyKey) return null;
  const existing = await store.findCaseByIdempotencyKey(db, input.idempotencyKey);
  if (!existing) return null;
  // the first attempt may have committed without its flush yet (insertReport): answer only what will survive a crash
  await store.durable(db);
  return { caseId: existing.id, created: false, duplicates: [] };
}

/** The rows to write, from the located grid, its town and the Matter: routing, clocks and the next check. */
function draftReport(
  place: IntakeContext & { gridId: string; matter: MatterRow }, input: ReportInput, pii: PiiCipher, calendar: WorkingCalendar, now: Date,
): Omit<store.NewReport, 'gridWorker'> & { radiusM: number } {
  const { grid, town, gridId, matter: matterRow } = place;
  const matter = toMatter(matterRow);
  const route = routeCase(matter, gridChainOf(place, gridId));
  const clocks = advanceClocks({}, { action: 'report', from: null, to: 'reported' }, now, route.clocks, calendar);
  const caseId = randomUUID();
  const nextCheck = nextCheckAt(toSweepCase({ id: caseId, status: 'reported', tier: route.tier, clocks, escalated_at: null, created_at: now }, matterRow.escalate_after_h), now);
  // the domain's number with the sequence cut off: the statement appends the town's next one of the day
  const sample = formatCaseNumber(town.code.slice(0, 9), now, 1);
  return {
    case: {
      id: caseId, status: 'reported', town_id: town.id, grid_id: gridId, org_path: grid.path, matter_id: matterRow.id,
      category_code: matter.code, tier: route.tier, description: input.description.trim(), lng: input.location.lng, lat: input.location.lat,
      address: input.address?.trim() || null, source: input.source, reporter_kind: input.reporter.kind,
      reporter_account_id: input.reporter.accountId, reporter_name: input.reporter.name ? pii.encrypt(input.reporter.name) : null,
      reporter_phone: input.reporter.phone ? pii.encrypt(input.reporter.phone) : null,
      reporter_phone_hash: input.reporter.phone ? pii.lookupHash(input.reporter.phone) : null,
      assignee: null, clocks, next_check_at: nextCheck === null ? null : new Date(nextCheck),
      duplicate_of: null, idempotency_key: input.idempotencyKey, created_at: now, updated_at: now, thing_id: input.thing?.id ?? null,
    },
    numberPrefix: sample.slice(0, sample.lastIndexOf('-') + 1),
    day: caseNumberDay(now),
    target: targetLookup(route.target),
    event: {
      at: now, action: 'report', actor_id: input.actorId !== undefined ? input.actorId : input.reporter.accountId, actor_name: input.actorName,
      from_status: null, to_status: 'reported', reason: null,
      data: { source: input.source, matterVersion: matter.version, ...(route.cooperatingDepartment ? { cooperatingDepartment: route.cooperatingDepartment } : {}) },
    },
    photos: input.photos ?? [],
    expected: { townCode: town.code, townPath: town.path },
    notify: {
      channel: CASE_CHANNEL,
      change: {
        caseId, action: 'report', status: 'reported', orgPath: grid.path,
        reporterAccountId: input.reporter.accountId, assignee: null, departmentIds: [], at: now.toISOString(),
      } satisfies Omit<CaseChange, 'eventId' | 'number'>,
    },
    radiusM: matter.duplicateRadiusM ?? 100,
    near: { statuses: OPEN_STATUSES, box: boundingBox(input.location, matter.duplicateRadiusM ?? 100) },
  };
}

function duplicatesOf(draft: Omit<store.NewReport, 'gridWorker'> & { radiusM: number }, nearby: store.NearbyRow[]): ReportResult['duplicates'] {
  const location = { lng: draft.case.lng, lat: draft.case.lat };
  const duplicates = suggestDuplicates(
    { categoryCode: draft.case.category_code, location, thingId: draft.case.thing_id },
    nearby.map((n) => ({ id: n.id, categoryCode: draft.case.category_code, status: n.status as never, location: { lng: n.lng, lat: n.lat }, thingId: n.thing_id })),
    draft.radiusM,
  );
  const byId = new Map(nearby.map((n) => [n.id, n]));
  return duplicates.map((d) => {
    const n = byId.get(d.id)!;
    return { ...d, number: n.number, status: n.status, createdAt: n.created_at.toISOString() };
  });
}
