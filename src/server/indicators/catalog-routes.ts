import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { INDICATOR_EDITORS, INDICATOR_READERS } from '../../shared/indicators.ts';
import { definitionsFor, definitionFor } from './values.ts';
import { catalogTown, readableTown, type UnitRow } from './catalog-reach.ts';
import { createDefinition, updateDefinition, archiveDefinition } from './definition-commands.ts';
import { setTarget } from './target-commands.ts';
import { isEditor, presentDefinition, presentMeasures } from './presenters.ts';
import * as s from './schemas.ts';
import type { Tx } from '../platform/db/db.ts';
import type { Principal } from '../platform/auth.ts';

const TAGS = ['indicators'];
/** Territorial staff read the catalog; a district department reads nothing of territories here (its own reverse evaluations are in ratings). */
export const CATALOG_READERS = INDICATOR_READERS.filter((r) => r !== 'department');

async function unitNames(tx: Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const { rows } = await tx.query<{ id: string; name: string }>('select id, name from org_units where id = any($1::text[])', [wanted]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The catalog's town for a request: the one named (404 when out of reach), else the caller's own (null above the towns). */
async function townOf(tx: Tx, p: Principal, townId: string | undefined): Promise<UnitRow | null> {
  const town = await catalogTown(tx, p, townId);
  if (town === 'unreachable') throw notFound('town');
  return town;
}

/** The catalog of indicators (the standard ones and a town's own) and a town's targets. */
export async function catalogRoutes(app: FastifyInstance): Promise<void> {
  const detail = async (code: string, p: Principal, townId: string | undefined) => {
    const town = await townOf(app.db, p, townId);
    const d = await definitionFor(app.db, code, town?.id ?? null);
    if (!d) throw notFound('indicator');
    return presentDefinition(d, p, town, await unitNames(app.db, [d.orgUnitId]));
  };

  app.get('/api/indicators', {
    config: { access: CATALOG_READERS },
    schema: {
      summary: 'The catalog of indicators', tags: TAGS, querystring: s.IndicatorListQuery, response: { 200: s.IndicatorList },
      description: 'The standard indicators and the own indicators of a town (`townId`, in the caller\'s scope or holding it; default the caller\'s town; above the towns the standard ones alone), in catalog order, each with its formula (and in words), the target in force for the town (its own, else the catalog\'s) and `policies` (update, archive, setTarget); and the measures a town defines its own from. A town out of reach → 404. No personal data.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as { townId?: string; board?: string; includeArchived?: boolean };
    const town = await townOf(app.db, p, q.townId);
    const defs = (await definitionsFor(app.db, town?.id ?? null, { includeArchived: q.includeArchived === true }))
      .filter((d) => q.board === undefined || d.board === q.board);
    const names = await unitNames(app.db, defs.map((d) => d.orgUnitId));
    return {
      items: defs.map((d) => presentDefinition(d, p, town, names)),
      measures: presentMeasures(),
      townId: town?.id ?? null,
      policies: isEditor(p) && p.scopePath !== null ? ['create' as const] : [],
    };
  });

  app.get('/api/indicators/:code', {
    config: { access: CATALOG_READERS },
    schema: {
      summary: 'An indicator', tags: TAGS, params: s.CodeParams, querystring: s.CodeQuery, response: { 200: s.IndicatorView },
      description: 'One indicator of the catalog as a town (`townId`, default the caller\'s) sees it: its definition, formula in words, the target in force and `policies`. Another town\'s own indicator, or a town out of reach → 404.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    return detail((req.params as { code: string }).code, p, (req.query as { townId?: string }).townId);
  });

  app.post('/api/indicators', {
    config: { access: INDICATOR_EDITORS },
    schema: {
      summary: 'Define a town\'s own indicator', tags: TAGS, body: s.NewIndicatorBody, response: { 200: s.IndicatorView, 201: s.IndicatorView },
      description: 'A town\'s own indicator from the measures (count, ratio, average or per capita), with its unit, direction, board, target and warning band. The town: `townId` in the caller\'s scope (a leader: their own town by default; an admin names it). Code in use anywhere in the catalog → 409 INDICATOR_CODE_TAKEN; a formula refused → 422 INDICATOR_INVALID with `details.reasons`; not a town → 422; out of scope → 404. 201; 200 with the first one for a repeated Idempotency-Key. Audited (indicator.create).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const body = req.body as s.NewIndicatorBodyT;
    const r = await createDefinition(app.db, { principal: p, ip: req.ip }, body, idempotencyKeyOf(req), app.clock());
    const { rows } = await app.db.query<{ org_unit_id: string }>('select org_unit_id from indicator_definitions where code = $1', [r.code]);
    return reply.status(r.created ? 201 : 200).send(await detail(r.code, p, rows[0]?.org_unit_id));
  });

  app.put('/api/indicators/:code', {
    config: { access: INDICATOR_EDITORS },
    schema: {
      summary: 'Change a town\'s own indicator', tags: TAGS, params: s.CodeParams, body: s.UpdateIndicatorBody, response: { 200: s.IndicatorView },
      description: 'Name, description, board, unit, direction, formula, target and band of a town\'s own indicator (the caller\'s scope holds the town). `version` as read, else 409 CONFLICT; a standard indicator, an archived one or a formula refused → 422 INDICATOR_INVALID; another town\'s → 404. Audited (indicator.update), version + 1.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { code } = req.params as { code: string };
    await updateDefinition(app.db, { principal: p, ip: req.ip }, code, req.body as s.UpdateIndicatorBodyT, app.clock());
    const { rows } = await app.db.query<{ org_unit_id: string }>('select org_unit_id from indicator_definitions where code = $1', [code]);
    return detail(code, p, rows[0]?.org_unit_id);
  });

  app.post('/api/indicators/:code/archive', {
    config: { access: INDICATOR_EDITORS },
    schema: {
      summary: 'Archive a town\'s own indicator', tags: TAGS, params: s.CodeParams, body: s.ArchiveBody, response: { 200: s.IndicatorView },
      description: 'The indicator leaves the catalog and the values (its definition and audit trail stay). `version` as read, else 409 CONFLICT; archived already 409; a standard indicator 422 INDICATOR_INVALID; another town\'s → 404. Audited (indicator.archive).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { code } = req.params as { code: string };
    await archiveDefinition(app.db, { principal: p, ip: req.ip }, code, (req.body as { version: number }).version, app.clock());
    const { rows } = await app.db.query<{ org_unit_id: string }>('select org_unit_id from indicator_definitions where code = $1', [code]);
    const town = rows[0]?.org_unit_id ? await readableTown(app.db, p, rows[0].org_unit_id) : null;
    const d = await definitionFor(app.db, code, town?.id ?? null);
    if (!d) throw notFound('indicator');
    return presentDefinition(d, p, town, await unitNames(app.db, [d.orgUnitId]));
  });

  app.put('/api/indicators/:code/target', {
    config: { access: INDICATOR_EDITORS },
    schema: {
      summary: 'Set a town\'s target for an indicator', tags: TAGS, params: s.CodeParams, body: s.TargetBody, response: { 200: s.IndicatorView },
      description: 'A town\'s own target and warning band for an indicator of its catalog (a standard one or its own); `target: null` removes it, and the catalog\'s is in force again. `orgUnitId`: a town in the caller\'s scope (else 404; not a town 422 INDICATOR_INVALID); an indicator not in the town\'s catalog → 404. Audited (indicator.target) with the target before and after.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { code } = req.params as { code: string };
    const body = req.body as s.TargetBodyT;
    await setTarget(app.db, { principal: p, ip: req.ip }, code, body, app.clock());
    return detail(code, p, body.orgUnitId);
  });
}
