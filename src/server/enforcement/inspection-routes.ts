import type { FastifyInstance } from 'fastify';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { ENFORCEMENT_OFFICERS, ENFORCEMENT_READERS } from '../../shared/enforcement.ts';
import { planInspection } from './plan-inspection.ts';
import { recordInspection } from './record-inspection.ts';
import { presentInspectionDetail, presentInspectionSummary } from './inspection-presenters.ts';
import * as store from './inspection-store.ts';
import * as s from './inspection-schemas.ts';

const TAGS = ['enforcement'];

const encodeCursor = (i: { planned_on: string; id: string }) => Buffer.from(`${i.planned_on}|${i.id}`).toString('base64url');
function decodeCursor(cursor: string): { plannedOn: string; id: string } {
  const [plannedOn, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!plannedOn || !/^\d{4}-\d{2}-\d{2}$/.test(plannedOn) || !id || id.length > 64 || !/^[0-9a-f-]+$/.test(id)) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not one this API handed out.', '分页游标无效。');
  }
  return { plannedOn, id };
}

/**
 * Joint inspections (执法监管一件事, issue 15): the departments' checklists, planning an inspection that answers
 * several of them in one visit, its results (with an enforcement case opened from it when something is wrong), the list
 * and the page. Everything inside the caller's scope.
 */
export async function inspectionRoutes(app: FastifyInstance): Promise<void> {
  const detail = async (id: string, p: Principal) => {
    const row = p.scopePath === null ? null : await store.findInspection(app.db, id, p.scopePath);
    if (!row) throw notFound('inspection');
    const [names, cases] = await Promise.all([store.accountNames(app.db, row.inspector_ids), store.listCasesOf(app.db, [row.id])]);
    return presentInspectionDetail(row, names, cases, p);
  };

  app.get('/api/enforcement/checklists', {
    config: { access: ENFORCEMENT_READERS },
    schema: {
      summary: 'Departments\' inspection checklists', tags: TAGS, response: { 200: s.ChecklistListResponse },
      description: 'The checklists a joint inspection can answer, one per department and subject (消防安全 · 区消防救援支队, 食品安全 · 区市场监督管理局 …), with their items and the registry place kinds they are meant for. The city keeps them (seeded from catalog/checklists.json).',
    },
  }, async () => {
    const rows = await store.listChecklists(app.db);
    return { items: rows.map((c) => ({ id: c.id, department: c.department, title: c.title, items: c.items, placeKinds: c.place_kinds })) };
  });

  app.get('/api/enforcement/inspections', {
    config: { access: ENFORCEMENT_READERS },
    schema: {
      summary: 'List joint inspections', tags: TAGS, querystring: s.InspectionListQuery, response: { 200: s.InspectionListResponse },
      description: 'Joint inspections of places inside the caller\'s scope, latest planned date first, with their departments, the items found wrong and the visits saved. Pages by `cursor` (`nextCursor`).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as s.InspectionListQuery;
    if (p.scopePath === null) return { items: [], nextCursor: null };
    const limit = q.limit ?? 50;
    const rows = await store.listInspections(app.db, p.scopePath, q.status ?? null, q.cursor ? decodeCursor(q.cursor) : null, limit + 1);
    const page = rows.slice(0, limit);
    return { items: page.map((r) => presentInspectionSummary(r, p)), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null };
  });

  app.post('/api/enforcement/inspections', {
    config: { access: ENFORCEMENT_OFFICERS },
    schema: {
      summary: 'Plan a joint inspection', tags: TAGS, body: s.PlanInspectionBody, response: { 200: s.InspectionDetail, 201: s.InspectionDetail },
      description: 'One visit to one firm or place (a registry place of the scope, or a name and a point inside the scope\'s grids) that answers the checklists of at least two departments, numbered JC + town + day + sequence, with its inspectors (the planner and staff of the town). 201 with the inspection; 200 with the first one for a repeated Idempotency-Key. 422 INSPECTION_INVALID (checklists of one department only, an unknown checklist, an inspector from elsewhere, a date more than a year away), 422 LOCATION_OUTSIDE_GRIDS; audited.',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const key = idempotencyKeyOf(req);
    const r = await planInspection(app.db, app, { accountId: p.accountId, name: p.name, scopePath: p.scopePath, ip: req.ip },
      req.body as s.PlanInspectionBody, app.clock(), key ? `${p.accountId}:${key}` : null);
    return reply.status(r.created ? 201 : 200).send(await detail(r.inspectionId, p));
  });

  app.get('/api/enforcement/inspections/:id', {
    config: { access: ENFORCEMENT_READERS },
    schema: {
      summary: 'A joint inspection', tags: TAGS, params: s.InspectionIdParams, response: { 200: s.InspectionDetail },
      description: 'The inspection with each department\'s checklist and its answers, the findings, the inspectors, the enforcement cases opened from it, the visits saved and what the caller may do (`policies`).',
    },
  }, async (req) => detail((req.params as { id: string }).id, requirePrincipal(req)));

  app.post('/api/enforcement/inspections/:id/results', {
    config: { access: ENFORCEMENT_OFFICERS },
    schema: {
      summary: 'Record a joint inspection\'s results', tags: TAGS, params: s.InspectionIdParams, body: s.RecordInspectionBody,
      response: { 200: s.RecordInspectionResponse },
      description: 'Answers every item of every checklist (ok / issue / na, with a note) and the findings; the inspection is done and the visits saved count (departments − 1). `openCase` opens an enforcement case from the inspection (the inspected firm as subject unless given) in the same transaction: its refusals (422 ENFORCEMENT_FACT_MISSING naming the fact, ENFORCEMENT_NO_BENCHMARK, ENFORCEMENT_INVALID) leave nothing written. 422 INSPECTION_INVALID when a checklist or an item is left out; 409 INSPECTION_STATE_CONFLICT once done or cancelled (a retry with the same Idempotency-Key answers the first recording). Audited.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const key = idempotencyKeyOf(req);
    const r = await recordInspection(app.db, app, p, (req.params as { id: string }).id, req.body as s.RecordInspectionBody, app.clock(),
      key ? `${p.accountId}:${key}` : null, req.ip);
    return { inspection: await detail(r.inspectionId, p), openedCase: r.openedCase };
  });
}
