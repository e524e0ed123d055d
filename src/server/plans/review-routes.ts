import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { requirePrincipal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { listUnitsByIds } from '../org/store.ts';
import { HAZARDS, PLAN_LEVELS, PLAN_READERS, type PlanLevel } from '../../shared/plans.ts';
import { incidentFigures } from '../../domain/plans/review.ts';
import { buildReview, IncidentReview, ReviewQuery } from './review-report.ts';
import { reviewPdf } from './review-pdf.ts';
import { reviewWorkbook } from './review-excel.ts';
import * as store from './review-store.ts';
import { listIncidentsForFigures } from './figures-store.ts';

const TAGS = ['incidents'];
const PDF_TYPE = 'application/pdf';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DAY = 86_400_000;
const highest = (levels: readonly PlanLevel[]): PlanLevel => levels.reduce((a, b) => (PLAN_LEVELS.indexOf(b) > PLAN_LEVELS.indexOf(a) ? b : a));

const attachment = (ascii: string, zh: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(zh)}`;

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const FiguresQuery = Type.Object({
  drill: Type.Union([Type.Boolean(), Type.Literal('true'), Type.Literal('false')], {
    description: 'required: drills (true) or real incidents (false) — the two are never counted together',
  }),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'incidents started at or after (default: 365 days before `to`)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'incidents started before (default: now)' })),
  orgUnitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'a unit inside the caller\'s scope, or the town holding it (default: the whole scope)' })),
}, { additionalProperties: false });

export const IncidentFigures = Type.Object({
  drill: Type.Boolean(),
  from: Type.String(),
  to: Type.String(),
  count: Type.Integer(),
  byHazard: Type.Array(Type.Object({ hazard: lit(HAZARDS), count: Type.Integer() })),
  byLevel: Type.Array(Type.Object({ level: lit(PLAN_LEVELS), count: Type.Integer() }), { description: 'by the highest level each incident reached' }),
  medianMinutesToFirstStep: Nullable(Type.Number({ description: 'median over the incidents of the minutes from activation to the first step done' })),
  onTimeRate: Nullable(Type.Number({ description: 'steps done by their due time ÷ steps decided (done, left, or open past due now), 0…1' })),
  stepsDecided: Type.Integer(),
  stepsOnTime: Type.Integer(),
});
export type IncidentFigures = Static<typeof IncidentFigures>;

/**
 * The after-action review of an incident (JSON, PDF, Excel) and the incidents' figures. The figures route is a static
 * segment, so Fastify matches it before `/api/incidents/:id` whichever plugin registers first.
 */
export async function reviewRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/incidents/figures', {
    config: { access: PLAN_READERS },
    schema: {
      summary: 'Incident figures', tags: TAGS, querystring: FiguresQuery, response: { 200: IncidentFigures },
      description: 'Incidents started in [from, to) inside the caller\'s scope (and `orgUnitId`), either drills or real ones (`drill` is required: the two are never mixed): counts by hazard and by level, the median minutes from activation to the first step done, and the share of steps done by their due time.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof FiguresQuery>;
    // no territory (no scope): nothing to count
    const scopePath = p.scopePath ?? '//';
    const to = q.to ? new Date(q.to) : app.clock();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 365 * DAY);
    if (!(from < to)) throw new AppError('VALIDATION_FAILED', '`from` must be before `to`.', '开始时间须早于结束时间。');
    let unitPath: string | null = null;
    if (q.orgUnitId) {
      const [unit] = await listUnitsByIds(app.db, [q.orgUnitId]);
      if (!unit || !(unit.path.startsWith(scopePath) || scopePath.startsWith(unit.path))) throw notFound('organisation unit');
      unitPath = unit.path;
    }
    const drill = q.drill === true || q.drill === 'true';
    const rows = await listIncidentsForFigures(app.db, { scopePath, unitPath, from, to, drill });
    const f = incidentFigures(rows.map((r) => ({
      hazard: r.hazard, level: highest(r.levels), drill, activatedAt: new Date(r.activated_at),
      steps: r.steps.map((s) => ({ dueAt: new Date(s.dueAt), completedAt: s.completedAt ? new Date(s.completedAt) : null, state: s.state })),
    })), app.clock());
    return {
      drill, from: from.toISOString(), to: to.toISOString(), count: f.count, byHazard: f.byHazard, byLevel: f.byLevel,
      medianMinutesToFirstStep: f.medianMinutesToFirstStep, onTimeRate: f.onTimeRate, stepsDecided: f.stepsDecided, stepsOnTime: f.stepsOnTime,
    };
  });

  app.get('/api/incidents/:id/review', {
    config: { access: PLAN_READERS },
    schema: {
      summary: 'After-action review of an incident', tags: TAGS, params: IdParams, querystring: ReviewQuery,
      description: 'What happened against the plan\'s times, once the incident is stood down (before that: 409 INCIDENT_STATE_CONFLICT — the incident page shows its progress): the level history, each step planned against actual (minutes to done, late by), the steps left at stand-down, the CAP alerts sent and the log. `format=pdf` answers an A4 PDF in Chinese, `format=xlsx` a workbook (概况, 步骤, 处置记录), with a Chinese file name.',
      response: {
        200: {
          description: 'the review',
          content: {
            'application/json': { schema: IncidentReview },
            [PDF_TYPE]: { schema: Type.String({ format: 'binary' }) },
            [XLSX_TYPE]: { schema: Type.String({ format: 'binary' }) },
          },
        },
      },
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof IdParams>;
    const { format } = req.query as Static<typeof ReviewQuery>;
    const incident = p.scopePath === null ? null : await store.findIncidentForReview(app.db, id, p.scopePath);
    if (!incident) throw notFound('incident');
    if (incident.status !== 'closed' || !incident.stood_down_at) {
      throw new AppError('INCIDENT_STATE_CONFLICT', 'The review is written once the incident is stood down; its page shows the progress until then.',
        '事件解除响应后才能生成复盘报告；处置中的进展请查看事件页面。');
    }
    const [levels, steps, log] = await Promise.all([
      store.listLevelChanges(app.db, id), store.listReviewSteps(app.db, id), store.listIncidentLog(app.db, id),
    ]);
    const review = buildReview(incident, levels, steps, log);
    const name = `${review.number}${review.drill ? '演练' : ''}复盘报告`;
    if (format === 'pdf') {
      return reply.type(PDF_TYPE).header('content-disposition', attachment(`review-${review.number}.pdf`, `${name}.pdf`))
        .send(await reviewPdf(review, app.clock()));
    }
    if (format === 'xlsx') {
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(`review-${review.number}.xlsx`, `${name}.xlsx`))
        .send(await reviewWorkbook(review, app.clock()));
    }
    return reply.type('application/json').send(review);
  });
}
