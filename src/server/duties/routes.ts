import type { FastifyInstance, FastifyRequest } from 'fastify';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { notFound } from '../platform/errors.ts';
import { ADMISSION_REQUESTERS, DUTY_EDITORS, DUTY_READERS } from '../../shared/duties.ts';
import type { Tx } from '../platform/db/db.ts';
import { dutyActorOf, resolveDutyTown, type DutyActor } from './duty-reach.ts';
import { readAdmission, readAdmissions, readCatalog } from './read-catalog.ts';
import { requestAdmission } from './request-admission.ts';
import { decideAdmission } from './decide-admission.ts';
import { editItem, retireItem } from './edit-item.ts';
import * as store from './store.ts';
import { presentItem } from './presenters.ts';
import * as s from './schemas.ts';

const TAGS = ['duties'];

/** Changes the item named in the path in one transaction (the command audits it), then answers the item as it is now. */
async function changeItem(app: FastifyInstance, req: FastifyRequest, change: (tx: Tx, a: DutyActor, id: string) => Promise<void>): Promise<s.DutyItemViewT> {
  const a = await dutyActorOf(app, req);
  const { id } = req.params as { id: string };
  await app.db.transaction((tx) => change(tx, a, id));
  return presentItem((await store.findItem(app.db, id))!, true);
}

/** 三张清单 and 清单准入: the catalogs of a town, the requests for new duties and their decisions, the items' upkeep. */
export async function dutyCatalogRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/duty-catalog', {
    config: { access: DUTY_READERS },
    schema: {
      summary: 'A town\'s duty catalogs', tags: TAGS, querystring: s.CatalogQuery, response: { 200: s.Catalog },
      description: 'The items of the town\'s three catalogs (镇街, 村社区, 网格 事项清单; `level` narrows to one) with list type (基本履职, 配合履职, 部门收回) and basis, the counts per level and list type now and at each of the last 12 month ends, and the estimated hours a month for one doer of each level (a grid worker: the catalog plus the registry\'s key-person visits, risk-point inspections and building checks). `orgUnitId`: any unit in the caller\'s scope; outside 404.',
    },
  }, async (req) => {
    const q = req.query as { level?: s.CatalogT['level'] & string; orgUnitId?: string; retired?: boolean };
    const a = await dutyActorOf(app, req);
    return readCatalog(app.db, a, await resolveDutyTown(app.db, a, q.orgUnitId, { firstTown: true }), q);
  });

  app.patch('/api/duty-catalog/items/:id', {
    config: { access: DUTY_EDITORS },
    schema: {
      summary: 'Correct a duty item\'s text', tags: TAGS, params: s.IdParams, body: s.ItemPatch, response: { 200: s.DutyItemView },
      description: 'The town\'s office corrects an item\'s name, description, basis or department (a blank basis 422 DUTY_INVALID). Level, list type and burden do not change here: more work at a level is a new admission. Stale version 409.',
    },
  }, async (req) => changeItem(app, req, (tx, a, id) => editItem(tx, a, id, req.body as s.ItemPatchT)));

  app.post('/api/duty-catalog/items/:id/retire', {
    config: { access: DUTY_EDITORS },
    schema: {
      summary: 'Take a duty item out of the catalog', tags: TAGS, params: s.IdParams, body: s.RetireBody, response: { 200: s.DutyItemView },
      description: 'The town\'s office retires an item with its reason; it stays in the history and the trend. Stale version 409.',
    },
  }, async (req) => {
    const body = req.body as { version: number; reason: string };
    return changeItem(app, req, (tx, a, id) => retireItem(tx, a, id, body.version, body.reason));
  });

  app.get('/api/duty-catalog/admissions', {
    config: { access: DUTY_READERS },
    schema: {
      summary: 'Requests for new duties', tags: TAGS, querystring: s.AdmissionQuery, response: { 200: s.AdmissionList },
      description: 'The town\'s admission requests (清单准入), pending first, each with the hours a month it adds to one doer of its level (and, pending, the level\'s hours before and after); filtered by status. `orgUnitId`: any unit in the caller\'s scope; outside 404.',
    },
  }, async (req) => {
    const q = req.query as { status?: s.AdmissionViewT['status']; orgUnitId?: string };
    const a = await dutyActorOf(app, req);
    return readAdmissions(app.db, a, await resolveDutyTown(app.db, a, q.orgUnitId, { firstTown: true }), q.status);
  });

  app.post('/api/duty-catalog/admissions', {
    config: { access: ADMISSION_REQUESTERS },
    schema: {
      summary: 'Ask for a new duty', tags: TAGS, body: s.AdmissionBody, response: { 201: s.AdmissionView },
      description: 'Files a request for a new duty at a level of the town (pending until the town\'s office decides): the item with its basis (required: missing 400, blank 422 DUTY_INVALID), the reason and the expected visits a month. Only at the requester\'s level or below (a community cannot add to the town\'s list: 403). Honours Idempotency-Key.',
    },
  }, async (req, reply) => {
    const a = await dutyActorOf(app, req);
    const body = req.body as s.AdmissionBodyT;
    const town = await resolveDutyTown(app.db, a, body.orgUnitId);
    const key = idempotencyKeyOf(req);
    let id: string;
    try {
      id = await app.db.transaction((tx) => requestAdmission(tx, a, town, body, key));
    } catch (e) {
      // the same request sent twice at once: the loser answers what the winner made
      const first = key === null ? null : await store.findAdmissionByKey(app.db, a.accountId, key);
      if (!first) throw e;
      id = first;
    }
    reply.code(201);
    return (await readAdmission(app.db, a, id))!;
  });

  for (const decision of ['approve', 'refuse'] as const) {
    app.post(`/api/duty-catalog/admissions/:id/${decision}`, {
      config: { access: DUTY_EDITORS },
      schema: {
        summary: decision === 'approve' ? 'Approve a request for a new duty' : 'Refuse a request for a new duty',
        tags: TAGS, params: s.IdParams, body: decision === 'approve' ? s.ApproveBody : s.RefuseBody, response: { 200: s.AdmissionView },
        description: decision === 'approve'
          ? 'The town\'s office approves a pending request: the item enters the catalog at its level with a new code, who approved it and when, and the admission it came through. Decided already: 409 ADMISSION_DECIDED.'
          : 'The town\'s office refuses a pending request, saying why (required). Decided already: 409 ADMISSION_DECIDED.',
      },
    }, async (req) => {
      const a = await dutyActorOf(app, req);
      const { id } = req.params as { id: string };
      const note = (req.body as { note?: string } | undefined)?.note ?? null;
      await app.db.transaction((tx) => decideAdmission(tx, a, id, decision, note));
      const view = await readAdmission(app.db, a, id);
      if (!view) throw notFound('admission');
      return view;
    });
  }
}

