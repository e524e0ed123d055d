import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { AppError, forbidden, outsideGrids } from '../platform/errors.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { nextDocumentSeq, printDailyNumber } from '../platform/db/document-numbers.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { openWorkOrders } from '../cases/open-work-orders.ts';
import { toMatter } from '../cases/case-mapping.ts';
import { findCurrentMatter, type MatterRow } from '../matters/store.ts';
import type { GridLocatorCache } from '../org/locator-cache.ts';
import type { WorkingCalendarCache } from '../calendar/calendar-cache.ts';
import { clockLimits } from '../../domain/matters/routing.ts';
import { deadline } from '../../domain/sla/clocks.ts';
import type { WorkingCalendar } from '../../domain/sla/working-calendar.ts';
import { assessRisk } from '../../domain/disputes/risk.ts';
import { handlingUnitOf, suggestTier, tierRefusal } from '../../domain/disputes/tier.ts';
import type { DisputeSource, DisputeTier, PartyInput, RiskFactors } from '../../shared/disputes.ts';
import { isHandler } from './scope.ts';
import { disputeInvalid, sealParties, type NewParty } from './parties.ts';
import { factorsOf } from './presenters.ts';
import * as store from './store.ts';

/** What registering a dispute needs besides the database: the app satisfies it (app.pii, app.locator, app.calendar). */
export interface DisputeServices {
  pii: PiiCipher;
  locator: Pick<GridLocatorCache, 'current'>;
  calendar: Pick<WorkingCalendarCache, 'current'>;
}

export interface RegisterInput {
  classCode: string;
  subclassCode?: string | null | undefined;
  parties: PartyInput[];
  description: string;
  location: { lng: number; lat: number };
  address?: string | null | undefined;
  source?: DisputeSource | undefined;
  tier?: DisputeTier | undefined;
  tierReason?: string | null | undefined;
  riskFactors?: RiskFactors | undefined;
  caseId?: string | undefined;
}

/** The matter of a dispute's work order: 矛盾纠纷 of the town's catalog. */
export const DISPUTE_MATTER = 'D0000';
/** The town's post of dispute mediation (矛盾调解岗). */
export const DISPUTE_POST = 'PA-MDTJ';

export const classUnknown = (en: string, zh: string, details?: unknown) => new AppError('DISPUTE_CLASS_UNKNOWN', en, zh, details);
export const tierReasonRequired = () => new AppError('DISPUTE_TIER_REASON_REQUIRED',
  'A tier below the suggested one needs a reason.', '选择低于建议层级的化解层级时，须填写理由。', { field: 'tierReason' });

export interface Place {
  gridId: string; gridPath: string; townId: string; townCode: string; communityId: string;
}

/** The grid (by id) with its town and the unit above it that handles joint disputes (its community, else the town). */
export async function placeOfGrid(tx: Tx, gridId: string): Promise<Place | null> {
  const r = await tx.query<{ id: string; path: string; parent_id: string | null; parent_level: string | null; town_id: string; town_code: string }>(
    `select g.id, g.path, g.parent_id, p.level as parent_level, t.id as town_id, t.code as town_code
       from org_units g left join org_units p on p.id = g.parent_id
       join org_units t on t.level = 'town' and g.path like t.path || '%'
      where g.id = $1 and g.level in ('grid', 'dedicatedGrid', 'microGrid')`, [gridId]);
  const g = r.rows[0];
  if (!g) return null;
  return {
    gridId: g.id, gridPath: g.path, townId: g.town_id, townCode: g.town_code,
    communityId: g.parent_level === 'community' && g.parent_id ? g.parent_id : g.town_id,
  };
}

/** A class of the catalog (not retired) and, when named, one of its active subclasses; else 422 DISPUTE_CLASS_UNKNOWN. */
export async function checkClass(tx: Tx, classCode: string, subclassCode: string | null): Promise<void> {
  const c = await store.findClass(tx, classCode);
  if (!c || c.retired) throw classUnknown(`No dispute class ${classCode}.`, `纠纷类别 ${classCode} 不存在或已停用。`, { field: 'classCode' });
  if (subclassCode !== null && !c.subclasses.some((x) => x.code === subclassCode && !x.retired)) {
    throw classUnknown(`${subclassCode} is not a subclass of ${c.name}.`, `${subclassCode} 不是「${c.name}」的子类。`, { field: 'subclassCode' });
  }
}

/** The dispute's readable number: JF + the town's code + the Shanghai day + the day's sequence. */
export async function disputeNumber(tx: Tx, place: Place, now: Date): Promise<string> {
  const { period, seq } = await nextDocumentSeq(tx, 'dispute', place.townId, now);
  return printDailyNumber('JF', place.townCode.slice(0, 9), period, seq);
}

/**
 * The work order of a new dispute in the case loop (matter D0000 of the town, source `dispute`, dispatched): onSpot to
 * the grid's full-time grid worker when it has one, else (and for joint or escalated) to the town's 矛盾调解岗; due at
 * the matter's handle limit on the working calendar.
 */
export async function openDisputeWorkOrder(tx: Tx, place: Place, tier: DisputeTier, d: {
  description: string; lng: number; lat: number; address: string | null; number: string;
}, actor: { id: string; name: string }, calendar: WorkingCalendar, now: Date): Promise<{ id: string; number: string }> {
  const matter: MatterRow | null = await findCurrentMatter(tx, place.townId, DISPUTE_MATTER);
  if (!matter || matter.retired_at !== null) {
    throw disputeInvalid('The town\'s catalog has no current matter 矛盾纠纷 (D0000) for the work order.', '本镇街事项清单中没有「矛盾纠纷」（D0000）事项，无法生成工单。');
  }
  const worker = tier !== 'onSpot' ? null : (await tx.query<{ account_id: string }>(
    `select m.account_id from grid_team_members m join accounts a on a.id = m.account_id
      where m.grid_id = $1 and m.team_role = 'fullTime' and a.disabled_at is null order by m.sort, m.name limit 1`, [place.gridId])).rows[0];
  let assignee: { staffId: string } | { postId: string };
  if (worker) assignee = { staffId: worker.account_id };
  else {
    const post = (await tx.query<{ id: string }>('select id from posts where town_id = $1 and code = $2 and retired_at is null for share', [place.townId, DISPUTE_POST])).rows[0];
    if (!post) throw disputeInvalid('The town has no post 矛盾调解岗 (PA-MDTJ) to send the work order to.', '本镇街没有矛盾调解岗（PA-MDTJ），无法派发工单。');
    assignee = { postId: post.id };
  }
  const limit = clockLimits(toMatter(matter)).handle ?? { unit: 'wd' as const, amount: 15 };
  const [opened] = await openWorkOrders(tx, [{
    townId: place.townId, townCode: place.townCode, gridId: place.gridId, orgPath: place.gridPath, matter,
    description: d.description, lng: d.lng, lat: d.lat, address: d.address, assignee, dueAt: deadline(limit, now, calendar),
    source: 'dispute', actor, data: { dispute: d.number },
  }], calendar, now);
  return { id: opened!.id, number: opened!.number };
}

interface AttachedCase { id: string; number: string; grid_id: string; lng: number; lat: number; address: string | null }

/** An existing case of the caller's scope whose matter is a dispute matter and that has no dispute yet; else 422. */
async function attachableCase(tx: Tx, p: Principal, caseId: string): Promise<AttachedCase> {
  const r = await tx.query<AttachedCase & { category_code: string; matter_class: string | null; status: string; taken: boolean }>(
    `select c.id, c.number, c.grid_id, c.lng, c.lat, c.address, c.category_code, c.status, m.class as matter_class,
            exists (select 1 from disputes d where d.case_id = c.id) as taken
       from cases c left join matters m on m.id = c.matter_id
      where c.id = $1 and c.org_path like $2 for update of c`, [caseId, likePrefix(p.scopePath!)]);
  const c = r.rows[0];
  if (!c) throw disputeInvalid('No case of your scope with this id.', '您的数据范围内没有该事件。', { field: 'caseId' });
  if (c.category_code !== DISPUTE_MATTER && c.matter_class !== '矛盾纠纷') {
    throw disputeInvalid(`Case ${c.number} is not a dispute (its matter is not 矛盾纠纷).`, `事件 ${c.number} 不属于矛盾纠纷事项，不能登记为纠纷。`, { field: 'caseId' });
  }
  if (c.taken) throw disputeInvalid(`Case ${c.number} has a dispute already.`, `事件 ${c.number} 已登记过纠纷。`, { field: 'caseId' });
  if (c.status === 'closed' || c.status === 'rejected') {
    throw disputeInvalid(`Case ${c.number} is closed.`, `事件 ${c.number} 已结案或已退回。`, { field: 'caseId' });
  }
  return c;
}

/**
 * Registers a dispute in one transaction: its parties sealed, its risk and suggested tier by the rules (a tier chosen
 * below the suggested one needs a reason), its handling unit, its JF number and its work order (opened in the loop, or
 * the case named by `caseId` attached), the `registered` event and the audit row. `requestKey` (the caller's
 * Idempotency-Key, already scoped to the caller): a repeat answers the first dispute with `created: false`.
 */
export async function registerDispute(db: Db, services: DisputeServices, p: Principal, input: RegisterInput, now: Date,
  o: { requestKey: string | null; ip: string | null }): Promise<{ id: string; created: boolean }> {
  if (!isHandler(p)) throw forbidden();
  if (o.requestKey) {
    const first = await store.findByIdempotencyKey(db, o.requestKey);
    if (first) return { id: first.id, created: false };
  }
  const locator = await services.locator.current();
  const calendar = await services.calendar.current();
  try {
    return await db.transaction(async (tx) => {
      const subclass = input.subclassCode ?? null;
      await checkClass(tx, input.classCode, subclass);
      const attached = input.caseId ? await attachableCase(tx, p, input.caseId) : null;
      const point = attached ? { lng: Number(attached.lng), lat: Number(attached.lat) } : input.location;
      const gridId = attached ? attached.grid_id : locator.locate(point.lng, point.lat);
      if (!gridId) throw outsideGrids();
      const place = await placeOfGrid(tx, gridId);
      if (!place) throw outsideGrids();
      if (!place.gridPath.startsWith(p.scopePath!)) {
        throw disputeInvalid('The place lies in a grid outside your scope.', '该位置所在网格不在您的数据范围内。', { field: 'location' });
      }
      const parties = await sealParties(tx, services.pii, p.scopePath!, input.parties, now);
      const factors = factorsOf(input.riskFactors);
      const risk = assessRisk({ factors, flareUps: 0, parties: parties.rows, classCode: input.classCode });
      const suggested = suggestTier({ risk: risk.level, groupSize: factors.groupSize, gridsOfParties: parties.grids, classCode: input.classCode });
      const tier = input.tier ?? suggested.tier;
      if (tierRefusal(tier, suggested.tier, input.tierReason) !== null) throw tierReasonRequired();
      const address = input.address?.trim() || attached?.address || null;
      const description = input.description.trim();
      const id = randomUUID();
      const number = await disputeNumber(tx, place, now);
      const actor = { id: p.accountId, name: p.name };
      const workOrder = attached ?? await openDisputeWorkOrder(tx, place, tier, { description, lng: point.lng, lat: point.lat, address, number }, actor, calendar, now);
      await store.insertDispute(tx, {
        id, number, caseId: workOrder.id, townId: place.townId, gridId: place.gridId, orgPath: place.gridPath,
        classCode: input.classCode, subclassCode: subclass, description, lng: point.lng, lat: point.lat, address,
        source: input.source ?? (attached ? 'case' : p.roles.includes('gridWorker') ? 'gridWorker' : 'visit'), riskLevel: risk.level, riskReasons: risk.reasons, riskFactors: factors,
        tier, tierReason: input.tierReason?.trim() || null, handlingUnitId: handlingUnitOf(tier, place),
        reopenedFrom: null, flareUps: 0, idempotencyKey: o.requestKey, createdBy: p.accountId, now,
      });
      await store.insertParties(tx, id, parties.rows);
      await recordRegistered(tx, { id, number, workOrder, risk, tier, suggested: suggested.tier, parties: parties.rows, attached: attached !== null }, p, o.ip, now, o.requestKey, 'dispute.register', {});
      return { id, created: true };
    });
  } catch (e) {
    // the same request twice at once: the one that lost the race answers the dispute the other made
    if (o.requestKey && (e as { code?: string }).code === '23505') {
      const first = await store.findByIdempotencyKey(db, o.requestKey);
      if (first) return { id: first.id, created: false };
    }
    throw e;
  }
}

/** The `registered` event and the audit row of a new dispute (registration and reopening alike). */
export async function recordRegistered(tx: Tx, d: {
  id: string; number: string; workOrder: { id: string; number: string }; risk: { level: string; reasons: string[] }; tier: DisputeTier;
  suggested: DisputeTier; parties: readonly NewParty[]; attached: boolean;
}, p: Principal, ip: string | null, now: Date, requestKey: string | null, action: 'dispute.register' | 'dispute.reopen', extra: Record<string, unknown>): Promise<void> {
  await store.appendDisputeEvent(tx, {
    disputeId: d.id, at: now, action: 'registered', actor: { id: p.accountId, name: p.name }, requestKey,
    data: {
      workOrderId: d.workOrder.id, workOrderNumber: d.workOrder.number, attachedCase: d.attached, risk: d.risk.level, riskReasons: d.risk.reasons,
      tier: d.tier, suggestedTier: d.suggested, parties: d.parties.length, ...extra,
    },
  });
  await appendAudit(tx, {
    at: now, actorId: p.accountId, actorName: p.name, ip, action, targetType: 'dispute', targetId: d.id, success: true,
    detail: { number: d.number, workOrder: d.workOrder.number, risk: d.risk.level, tier: d.tier, parties: d.parties.length, ...extra },
  });
}
