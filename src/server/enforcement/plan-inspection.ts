import { randomUUID } from 'node:crypto';
import type { Db } from '../platform/db/db.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { nextDocumentSeq, printDailyNumber } from '../platform/db/document-numbers.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { GridLocatorCache } from '../org/locator-cache.ts';
import { dateOfDayNumber, dayNumberOfDate, shanghaiDayNumber } from '../../domain/sla/working-calendar.ts';
import type { PlanInspectionBody } from './inspection-schemas.ts';
import { departmentsOf } from './inspection-presenters.ts';
import * as store from './inspection-store.ts';

export interface InspectionActor { accountId: string; name: string; scopePath: string | null; ip: string | null }

const invalid = (en: string, zh: string, details?: Record<string, unknown>) => new AppError('INSPECTION_INVALID', en, zh, details);

/** how far from today a joint inspection may be planned (either way: one recorded afterwards is planned in the past) */
const PLAN_WINDOW_DAYS = 366;

/**
 * Plans a joint inspection (执法监管一件事): one visit to one firm or place that answers the checklists of at least two
 * departments, so the firm is visited once instead of once per department. The place is a registry place of the
 * caller's scope, or a name and a point inside the scope's grids; the inspection is numbered JC + town + day + seq,
 * copies the checklists (a later edit of a checklist changes no record) and names its inspectors (the planner and
 * staff of the town). One transaction with its audit row; the same Idempotency-Key answers the first inspection.
 */
export async function planInspection(
  db: Db, services: { locator: GridLocatorCache }, actor: InspectionActor, body: PlanInspectionBody, now: Date, idempotencyKey: string | null,
): Promise<{ inspectionId: string; created: boolean }> {
  const scopePath = actor.scopePath;
  if (scopePath === null) throw notFound('place');
  const locator = await services.locator.current();
  const today = shanghaiDayNumber(now);
  const planned = /^\d{4}-\d{2}-\d{2}$/.test(body.plannedOn) && dateOfDayNumber(dayNumberOfDate(body.plannedOn)) === body.plannedOn
    ? dayNumberOfDate(body.plannedOn) : Number.NaN;
  if (!Number.isFinite(planned) || Math.abs(planned - today) > PLAN_WINDOW_DAYS) {
    throw invalid('plannedOn must be a date within a year of today.', '计划检查日期须为一年以内的有效日期。');
  }
  try {
    return await db.transaction(async (tx) => {
      if (idempotencyKey) {
        const earlier = await store.findInspectionIdByKey(tx, idempotencyKey);
        if (earlier) return { inspectionId: earlier, created: false };
      }
      // where: a registry place, or a name and a point
      let where: { townId: string; gridId: string | null; orgPath: string; placeId: string | null; name: string; address: string | null; lng: number; lat: number };
      if (body.placeId) {
        const place = await store.findPlace(tx, body.placeId, scopePath);
        if (!place) throw invalid('No such place in your area.', '所选场所不存在或不在本辖区。', { field: 'placeId' });
        where = {
          townId: place.town_id, gridId: place.grid_id, orgPath: place.org_path, placeId: place.id, name: body.subjectName?.trim() || place.name,
          address: body.address?.trim() || place.address, lng: place.lng, lat: place.lat,
        };
      } else {
        if (!body.subjectName?.trim() || !body.location) {
          throw invalid('Name the firm or place and mark it on the map (or pick a registry place).', '请填写被检查单位名称并在地图上标出位置（或选择台账中的场所）。');
        }
        const gridId = locator.locate(body.location.lng, body.location.lat);
        const grid = gridId ? await store.findUnit(tx, gridId) : null;
        if (!grid || !grid.path.startsWith(scopePath)) {
          throw new AppError('LOCATION_OUTSIDE_GRIDS', 'The point is outside every grid of your area.', '该位置不在本辖区的网格内。');
        }
        const town = await store.findTownOver(tx, grid.path);
        if (!town) throw new AppError('LOCATION_OUTSIDE_GRIDS', 'The point is in no town.', '该位置不属于任何镇街。');
        where = {
          townId: town.id, gridId: grid.id, orgPath: grid.path, placeId: null, name: body.subjectName.trim(), address: body.address?.trim() || null,
          lng: body.location.lng, lat: body.location.lat,
        };
      }
      const town = await store.findUnit(tx, where.townId);
      if (!town) throw notFound('town');

      // which checklists: at least two departments
      const found = await store.findChecklists(tx, body.checklistIds);
      const byId = new Map(found.map((c) => [c.id, c]));
      const unknown = body.checklistIds.filter((id) => !byId.has(id));
      if (unknown.length > 0) throw invalid(`Unknown checklists: ${unknown.join(', ')}.`, '所选检查表不存在。', { unknown });
      const checklists: store.HeldChecklist[] = body.checklistIds.map((id) => {
        const c = byId.get(id)!;
        return { checklistId: c.id, department: c.department, title: c.title, items: c.items.map((text) => ({ text, result: null, note: null })) };
      });
      if (departmentsOf(checklists).length < 2) {
        throw invalid('A joint inspection answers the checklists of at least two departments (one department is a plain inspection).',
          '联合检查须包含至少两个部门的检查表（只有一个部门的属于日常检查）。');
      }

      // who goes: the planner and staff of the town
      const wanted = [...new Set([actor.accountId, ...(body.inspectorIds ?? [])])];
      const staff = await store.findStaff(tx, wanted);
      const ok = new Set(staff.filter((s) => s.scope_path !== null && (s.scope_path.startsWith(town.path) || town.path.startsWith(s.scope_path))).map((s) => s.id));
      const refused = wanted.filter((id) => id !== actor.accountId && !ok.has(id));
      if (refused.length > 0) throw invalid('Inspectors must be staff of the town.', '检查人员须为本镇街工作人员。', { refused });

      const { period, seq } = await nextDocumentSeq(tx, 'inspection', town.id, now);
      const number = printDailyNumber('JC', town.code.slice(0, 9), period, seq);
      const id = randomUUID();
      await store.insertInspection(tx, {
        id, number, town_id: town.id, grid_id: where.gridId, org_path: where.orgPath, place_id: where.placeId, subject_name: where.name,
        address: where.address, lng: where.lng, lat: where.lat, planned_on: body.plannedOn, checklists, inspector_ids: wanted,
        idempotency_key: idempotencyKey, created_at: now, created_by: actor.accountId,
      });
      await appendAudit(tx, {
        at: now, actorId: actor.accountId, actorName: actor.name, ip: actor.ip, action: 'inspection.plan', targetType: 'joint_inspection', targetId: id,
        success: true, detail: { number, subject: where.name, plannedOn: body.plannedOn, departments: departmentsOf(checklists) },
      });
      return { inspectionId: id, created: true };
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505' && idempotencyKey) {
      const first = await store.findInspectionIdByKey(db, idempotencyKey);
      if (first) return { inspectionId: first, created: false };
    }
    throw err;
  }
}
