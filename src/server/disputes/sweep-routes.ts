import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { DISPUTE_HANDLERS, SWEEP_ORGANISERS } from '../../shared/disputes.ts';
import {
  CreateSweepBody, MySweeps, SweepDetail, SweepIdParams, SweepList, SweepListQuery, SweepReportBody,
  type CreateSweepInput, type SweepReportInput,
} from './mediation-schemas.ts';
import { createSweep, listSweepsFor, loadSweep, mySweeps, reportSweep, SWEEP_READERS } from './sweeps.ts';

const TAGS = ['disputes'];

/** 矛盾纠纷大排查: sweeps of a town, each grid's answer, and a grid worker's open sweeps. Static paths beat /api/disputes/:id. */
export async function sweepRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/disputes/sweeps', {
    config: { access: SWEEP_READERS },
    schema: {
      summary: 'Sweeps (大排查)', tags: TAGS, querystring: SweepListQuery, response: { 200: SweepList },
      description: 'The sweeps of the towns inside the caller\'s scope or holding it (a grid worker sees their town\'s), latest due first, each with how many grids answered, the disputes found and whether it is overdue (past its due day with grids missing).',
    },
  }, async (req) => listSweepsFor(app.db, requirePrincipal(req), (req.query as Static<typeof SweepListQuery>).townId ?? null, app.clock()));

  app.post('/api/disputes/sweeps', {
    config: { access: SWEEP_ORGANISERS },
    schema: {
      summary: 'Start a sweep', tags: TAGS, body: CreateSweepBody, response: { 201: SweepDetail, 200: SweepDetail },
      description: 'Asks every grid of a town to report its disputes, or that it found none, by `dueOn` (today or later, within a year: 422 DISPUTE_INVALID otherwise). `townId`: a town inside the caller\'s scope (404 outside); by default the town holding the scope (422 when the scope holds several towns). Honours Idempotency-Key (a retry answers 200 with the same sweep).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const r = await createSweep(app.db, p, req.body as CreateSweepInput, app.clock(), idempotencyKeyOf(req), req.ip);
    return reply.status(r.created ? 201 : 200).send(await loadSweep(app.db, p, r.id, app.clock()));
  });

  app.get('/api/disputes/sweeps/mine', {
    config: { access: ['gridWorker'] },
    schema: {
      summary: 'My open sweeps', tags: TAGS, response: { 200: MySweeps },
      description: 'For a grid worker\'s phone: the sweeps of the towns of their grids due today or later (answered or not), and those past due their grid has not answered yet (30 days), one row per sweep and grid.',
    },
  }, async (req) => mySweeps(app.db, requirePrincipal(req), app.clock()));

  app.get('/api/disputes/sweeps/:id', {
    config: { access: SWEEP_READERS },
    schema: {
      summary: 'A sweep with each grid\'s answer', tags: TAGS, params: SweepIdParams, response: { 200: SweepDetail },
      description: 'Every grid of the sweep\'s town: answered or not, none found or the disputes named (with their numbers), the note, who reported and when, and whether the caller may report for it; the grids still missing.',
    },
  }, async (req) => loadSweep(app.db, requirePrincipal(req), (req.params as Static<typeof SweepIdParams>).id, app.clock()));

  app.post('/api/disputes/sweeps/:id/reports', {
    config: { access: [...new Set([...DISPUTE_HANDLERS, ...SWEEP_ORGANISERS])] },
    schema: {
      summary: 'A grid\'s answer to a sweep', tags: TAGS, params: SweepIdParams, body: SweepReportBody, response: { 200: SweepDetail },
      description: 'By a grid worker of the grid, or staff whose scope holds it (403 otherwise): `noneFound`, or the disputes found (`disputeIds`: disputes of that grid, registered first; others 422 DISPUTE_INVALID with `details.notOfGrid`). A grid answers once: a later report replaces the earlier, and the audit trail keeps both. Reports after the due day are taken. Repeating the same report changes nothing but its time.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof SweepIdParams>;
    await reportSweep(app.db, p, id, req.body as SweepReportInput, app.clock(), req.ip);
    return loadSweep(app.db, p, id, app.clock());
  });
}
