import { randomUUID } from 'node:crypto';
import type { Db } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { CASE_CHANNEL, type CaseChange } from '../platform/live.ts';
import type { GridLocatorCache } from '../org/locator-cache.ts';
import type { CaseSource } from '../../shared/cases.ts';
import type { ReporterKind } from '../../domain/cases/case-state.ts';
import { formatCaseNumber, caseNumberDay } from '../../domain/cases/case-number.ts';
import { nextCheckAt } from '../../domain/cases/escalation.ts';
import { boundingBox, suggestDuplicates, type DuplicateSuggestion } from '../../domain/cases/duplicates.ts';
import { routeCase } from '../../domain/matters/routing.ts';
import { advanceClocks } from '../../domain/sla/clocks.ts';
import { idsOnPath } from '../../domain/identity/scope.ts';
import { WORKING_CALENDAR } from './calendar.ts';
import { toMatter, toSweepCase } from './case-mapping.ts';
import { checkPhotos, resolveTarget } from './assignees.ts';
import * as store from './store.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';

export interface ReportInput {
  categoryCode: string;
  description: string;
  location: { lng: number; lat: number };
  address?: string;
  source: CaseSource;
  photos?: readonly string[];
  reporter: { kind: ReporterKind; accountId: string | null; name: string | null; phone: string | null };
  /** scoped to the reporter, so two clients can never collide on each other's keys */
  idempotencyKey: string | null;
}

export interface ReportResult {
  caseId: string;
  created: boolean;
  duplicates: (DuplicateSuggestion & { number: string; status: string; createdAt: string })[];
}

const outside = () => new AppError('LOCATION_OUTSIDE_GRIDS', 'The location lies in no grid of this platform.', '该位置不在任何网格内，请核对位置。');

/** Intake: locate, route by the town's Matter, number, store the case with its first timeline entry, publish. */
export async function reportCase(db: Db, locator: GridLocatorCache, pii: PiiCipher, input: ReportInput, now: Date): Promise<ReportResult> {
  if (input.idempotencyKey) {
    const existing = await store.findCaseByIdempotencyKey(db, input.idempotencyKey);
    if (existing) return { caseId: existing.id, created: false, duplicates: [] };
  }
  const gridId = (await locator.current()).locate(input.location.lng, input.location.lat);
  if (!gridId) throw outside();
  const place = await store.findIntakeContext(db, gridId, input.categoryCode);
  if (!place) throw outside();
  const { grid, town, matter: matterRow } = place;
  const chainIds = idsOnPath(grid.path);
  if (!matterRow || matterRow.retired_at) {
    throw new AppError('CATEGORY_UNKNOWN', `No category ${input.categoryCode} in this town's catalog.`, `本镇街事项清单中没有类别 ${input.categoryCode}。`);
  }
  const matter = toMatter(matterRow);
  const route = routeCase(matter, {
    gridId, communityId: chainIds[chainIds.indexOf(town.id) + 1] ?? gridId, townId: town.id, districtId: chainIds[chainIds.indexOf(town.id) - 1] ?? town.id,
    orgPath: grid.path, townPath: town.path,
  });

  await checkPhotos(db, input.photos ?? []);
  const routed = await resolveTarget(db, route.target, town.id, gridId);
  // the counter is taken in its own statement, not inside the case's transaction: its row lock would otherwise
  // serialise every report of the town until commit. A refused report leaves a gap in the day's numbers.
  const seq = await store.nextCaseSequence(db, town.id, caseNumberDay(now));
  try {
    const clocks = advanceClocks({}, { action: 'report', from: null, to: 'reported' }, now, route.clocks, WORKING_CALENDAR);
    const caseId = randomUUID();
    const number = formatCaseNumber(town.code.slice(0, 9), now, seq);
    const nextCheck = nextCheckAt(toSweepCase({ id: caseId, status: 'reported', tier: route.tier, clocks, escalated_at: null, created_at: now }, matterRow.escalate_after_h), now);
    await store.insertReportedCase(db, {
      id: caseId, number, status: 'reported', town_id: town.id, grid_id: gridId, org_path: grid.path, matter_id: matterRow.id,
      category_code: matter.code, tier: route.tier, description: input.description.trim(), lng: input.location.lng, lat: input.location.lat,
      address: input.address?.trim() || null, source: input.source, reporter_kind: input.reporter.kind,
      reporter_account_id: input.reporter.accountId, reporter_name: input.reporter.name,
      reporter_phone: input.reporter.phone ? pii.encrypt(input.reporter.phone) : null,
      reporter_phone_hash: input.reporter.phone ? pii.lookupHash(input.reporter.phone) : null,
      assignee: null, routed_assignee: routed, clocks, next_check_at: nextCheck === null ? null : new Date(nextCheck),
      duplicate_of: null, idempotency_key: input.idempotencyKey, created_at: now, updated_at: now,
    }, {
      at: now, action: 'report', actor_id: input.reporter.accountId, actor_name: input.reporter.name,
      from_status: null, to_status: 'reported', reason: null,
      data: { source: input.source, matterVersion: matter.version, routed, ...(route.cooperatingDepartment ? { cooperatingDepartment: route.cooperatingDepartment } : {}) },
    }, input.photos ?? [], {
      channel: CASE_CHANNEL,
      change: {
        caseId, number, action: 'report', status: 'reported', orgPath: grid.path,
        reporterAccountId: input.reporter.accountId, assignee: null, at: now.toISOString(),
      } satisfies Omit<CaseChange, 'eventId'>,
    });
    const nearby = await store.listOpenCasesNear(db, town.id, matter.code, boundingBox(input.location, matter.duplicateRadiusM ?? 100));
    const duplicates = suggestDuplicates(
      { categoryCode: matter.code, location: input.location },
      nearby.filter((n) => n.id !== caseId).map((n) => ({ id: n.id, categoryCode: matter.code, status: n.status as never, location: { lng: n.lng, lat: n.lat } })),
      matter.duplicateRadiusM ?? 100,
    );
    const byId = new Map(nearby.map((n) => [n.id, n]));
    return {
      caseId, created: true,
      duplicates: duplicates.map((d) => {
        const n = byId.get(d.id)!;
        return { ...d, number: n.number, status: n.status, createdAt: n.created_at.toISOString() };
      }),
    };
  } catch (err) {
    // two retries racing with the same key: the loser returns the winner's case
    if (input.idempotencyKey && (err as { code?: string }).code === '23505') {
      const existing = await store.findCaseByIdempotencyKey(db, input.idempotencyKey);
      if (existing) return { caseId: existing.id, created: false, duplicates: [] };
    }
    throw err;
  }
}
