import type { Db, Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import { AppError, forbidden, notFound, outsideGrids } from '../platform/errors.ts';
import { nextDocumentSeq, printDailyNumber } from '../platform/db/document-numbers.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { findCase as findLoopCase } from '../cases/store.ts';
import { viewerOf } from '../cases/case-mapping.ts';
import type { IntakeServices } from '../cases/report-case.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import type { Locator } from '../../domain/org/locator.ts';
import { proposeBenchmark } from '../../domain/enforcement/benchmarks.ts';
import { ENFORCEMENT_OFFICERS } from '../../shared/enforcement.ts';
import type { OpenCaseInput } from './schemas.ts';
import { findMatter } from './matter-store.ts';
import * as store from './case-store.ts';
import { sealSubject } from './subject.ts';
import { enforcementInvalid, proposalRefusal, stateConflict, unknownMatter } from './refusals.ts';

/** What opening needs of the app: the grid locator (a patrol's place), the personal-data cipher. */
export type EnforcementServices = Pick<IntakeServices, 'locator' | 'pii'>;
/**
 * The same inside a transaction: the locator already resolved (`await services.locator.current()` before the
 * transaction: refreshing it reads the database outside the transaction, which PGlite's one connection would wait on).
 */
export interface EnforcementServicesIn { pii: PiiCipher; locator: Locator }

/** the timeline's first event (not an audit action) */
const OPENED = 'opened';

export const isOfficer = (p: Principal) => p.roles.some((r) => (ENFORCEMENT_OFFICERS as readonly string[]).includes(r));

/**
 * Opens an enforcement case (立案) in its own transaction: see openEnforcementCaseIn. `requestKey` (the caller's
 * Idempotency-Key): the same key of the same account answers the first case (`created: false`).
 */
export async function openEnforcementCase(
  db: Db, services: EnforcementServices, p: Principal, input: OpenCaseInput, now: Date, requestKey: string | null,
): Promise<{ id: string; created: boolean }> {
  const key = requestKey === null ? null : `${p.accountId}:${requestKey}`;
  if (key !== null) {
    const first = await store.findCaseByRequest(db, key);
    if (first) return { id: first.id, created: false };
  }
  const located: EnforcementServicesIn = { pii: services.pii, locator: await services.locator.current() };
  try {
    return await db.transaction((tx) => openEnforcementCaseIn(tx, located, p, input, now, requestKey));
  } catch (err) {
    // two retries racing with the same key: the loser answers the winner's case
    if (key !== null && (err as { code?: string }).code === '23505') {
      const first = await store.findCaseByRequest(db, key);
      if (first) return { id: first.id, created: false };
    }
    throw err;
  }
}

/**
 * Opens an enforcement case inside the caller's transaction (a joint inspection's results open one this way). An
 * officer (ENFORCEMENT_OFFICERS) of the scope; the matter active on the list reaching the scope; the facts checked by
 * the benchmark rules (a missing fact 422 ENFORCEMENT_FACT_MISSING naming it; matching no benchmark 422
 * ENFORCEMENT_NO_BENCHMARK). From a case of the loop (`caseId`): a case the officer sees whose category the matter
 * enforces, one enforcement case per loop case (409 with the existing one); its place and grid. Else from an inspection
 * or on patrol: `location` (or the inspection's), its grid inside the scope. Numbered ZF…, status investigating, the
 * proposed band; the opening event and the audit row in the same transaction.
 */
export async function openEnforcementCaseIn(
  tx: Tx, services: EnforcementServicesIn, p: Principal, input: OpenCaseInput, now: Date, requestKey: string | null,
): Promise<{ id: string; created: boolean }> {
  if (!isOfficer(p)) throw forbidden();
  if (!p.scopePath) throw forbidden();
  const key = requestKey === null ? null : `${p.accountId}:${requestKey}`;
  if (key !== null) {
    const first = await store.findCaseByRequest(tx, key);
    if (first) return { id: first.id, created: false };
  }
  const matter = await findMatter(tx, p.scopePath, input.matterCode);
  if (!matter || matter.status !== 'active') throw unknownMatter(input.matterCode);
  const proposal = proposeBenchmark(matter.body, input.facts);
  if (!proposal.ok) throw proposalRefusal(proposal);

  const place = await placeOf(tx, services, p, input, matter.loop_category_codes);
  const { stored, idHash } = sealSubject(services.pii, input.subject);
  const town = await store.townOf(tx, place.townId);
  const { period, seq } = await nextDocumentSeq(tx, 'enforcement', place.townId, now);
  const number = printDailyNumber('ZF', town.code.slice(0, 9), period, seq);
  const b = proposal.benchmark;
  const proposed: store.ProposedBand = { benchmarkKey: b.key, name: b.name, penalty: b.penalty, description: b.description };
  const id = await store.insertCase(tx, {
    number, town_id: place.townId, grid_id: place.gridId, org_path: place.orgPath, matter_code: matter.code, matter_source: matter.source,
    case_id: place.loopCase?.id ?? null, inspection_id: place.inspection?.id ?? null, status: 'investigating',
    subject: stored, subject_id_hash: idHash, facts: input.facts, description: input.description.trim(),
    lng: place.lng, lat: place.lat, address: place.address, proposed, officer_ids: [p.accountId],
    idempotency_key: key, opened_at: now, opened_by: p.accountId, updated_at: now,
  });
  await store.appendEnforcementEvent(tx, {
    caseId: id, at: now, actor: { id: p.accountId, name: p.name }, action: OPENED, requestKey,
    data: {
      number, matterCode: matter.code, matterName: matter.name, benchmarkKey: b.key, benchmarkName: b.name,
      loopCaseNumber: place.loopCase?.number ?? null, inspectionNumber: place.inspection?.number ?? null,
    },
  });
  await appendAudit(tx, {
    at: now, actorId: p.accountId, actorName: p.name, ip: null, action: 'enforcement.case.open', targetType: 'enforcement_case', targetId: id,
    success: true, detail: { number, matterCode: matter.code, caseId: place.loopCase?.id ?? null, inspectionId: place.inspection?.id ?? null, proposed: b.key },
  });
  return { id, created: true };
}

interface Place {
  townId: string;
  gridId: string;
  orgPath: string;
  lng: number;
  lat: number;
  address: string | null;
  loopCase: { id: string; number: string } | null;
  inspection: { id: string; number: string } | null;
}

async function placeOf(tx: Tx, services: EnforcementServicesIn, p: Principal, input: OpenCaseInput, loopCategories: readonly string[]): Promise<Place> {
  const scope = p.scopePath!;
  if (input.caseId) {
    const c = await findLoopCase(tx, input.caseId, viewerOf(p));
    if (!c) throw notFound('case');
    if (!loopCategories.includes(c.category_code)) {
      throw enforcementInvalid(`The matter does not enforce case category ${c.category_code}.`,
        `该执法事项不适用于「${c.category_name}」类案件，请选择对应的执法事项。`, { field: 'caseId', categoryCode: c.category_code });
    }
    if (c.status === 'rejected') throw stateConflict('The case was rejected in the loop.', '该案件已被退回或作废，不能立案执法。');
    const existing = await store.findAnyCaseOfLoopCase(tx, c.id);
    if (existing) {
      throw stateConflict(`The case has an enforcement case already: ${existing.number}.`, `该案件已立案执法：${existing.number}。`,
        { existingId: existing.id, number: existing.number });
    }
    return {
      townId: c.town_id, gridId: c.grid_id, orgPath: c.org_path, lng: input.location?.lng ?? c.lng, lat: input.location?.lat ?? c.lat,
      address: input.address?.trim() || c.address, loopCase: { id: c.id, number: c.number }, inspection: null,
    };
  }
  const inspection = input.inspectionId ? await store.findInspectionInScope(tx, input.inspectionId, scope) : null;
  if (input.inspectionId && !inspection) throw notFound('inspection');
  const lng = input.location?.lng ?? inspection?.lng ?? null;
  const lat = input.location?.lat ?? inspection?.lat ?? null;
  if (lng === null || lat === null) {
    throw enforcementInvalid('Say where it was found: location is required without a case of the loop.', '请在地图上标出违法行为发生的位置。', { field: 'location' });
  }
  const gridId = (input.location ? null : inspection?.grid_id) ?? services.locator.locate(lng, lat);
  if (!gridId) throw outsideGrids();
  const grid = await store.gridWithTown(tx, gridId);
  if (!grid) throw outsideGrids();
  if (!grid.grid_path.startsWith(scope)) {
    throw new AppError('FORBIDDEN', 'The place lies outside your scope.', '该位置不在您的管辖范围内。');
  }
  return {
    townId: grid.town_id, gridId, orgPath: grid.grid_path, lng, lat,
    address: input.address?.trim() || inspection?.address || null, loopCase: null, inspection: inspection ? { id: inspection.id, number: inspection.number } : null,
  };
}
