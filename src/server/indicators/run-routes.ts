import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { lit, Nullable } from '../platform/schema-helpers.ts';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { holdsAnyRole } from '../../shared/roles.ts';
import { INDICATOR_EDITORS } from '../../shared/indicators.ts';
import { parsePeriod, shanghaiDay } from '../../domain/indicators/periods.ts';
import { countDays, dayCount, startRun } from './facts-job.ts';

const TAGS = ['indicators'];
/** who reads the job's runs: the editors, and the dispatchers who watch the center's figures */
export const RUN_READERS = [...INDICATOR_EDITORS, 'dispatcher'] as const;
/** a recompute of at most this many days is counted in the request; a longer one in the background */
export const INLINE_RECOMPUTE_DAYS = 31;
/** the longest range a recompute takes */
export const MAX_RECOMPUTE_DAYS = 366;

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, Asia/Shanghai' });
const Run = Type.Object({
  id: Type.Integer(),
  kind: lit(['full', 'incremental'] as const),
  from: Day,
  to: Day,
  days: Type.Integer(),
  factRows: Type.Integer(),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  /** ms the run took; null while it runs */
  tookMs: Nullable(Type.Integer()),
  state: lit(['running', 'done', 'failed'] as const),
  error: Nullable(Type.String()),
});
const RunList = Type.Object({
  items: Type.Array(Run),
  /** days a correction marked to be counted again by the next run */
  dirtyDays: Type.Array(Day),
  policies: Type.Array(lit(['recompute'] as const)),
});
const RunsQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }, { additionalProperties: false });
const RecomputeBody = Type.Object({ from: Day, to: Day }, { additionalProperties: false });
const RecomputeAnswer = Type.Object({ run: Run, background: Type.Boolean() });

interface RunRow {
  id: string; kind: 'full' | 'incremental'; from_day: string; to_day: string; days: number; fact_rows: number;
  started_at: Date; finished_at: Date | null; error: string | null;
}
const RUN_COLUMNS = `id, kind, to_char(from_day, 'YYYY-MM-DD') as from_day, to_char(to_day, 'YYYY-MM-DD') as to_day, days, fact_rows, started_at, finished_at, error`;

function presentRun(r: RunRow) {
  return {
    id: Number(r.id), kind: r.kind, from: r.from_day, to: r.to_day, days: r.days, factRows: r.fact_rows,
    startedAt: r.started_at.toISOString(), finishedAt: r.finished_at?.toISOString() ?? null,
    tookMs: r.finished_at ? Math.max(0, r.finished_at.getTime() - r.started_at.getTime()) : null,
    state: r.error ? 'failed' as const : r.finished_at ? 'done' as const : 'running' as const,
    error: r.error,
  };
}
const policiesOf = (p: Principal) => (holdsAnyRole(p.roles, INDICATOR_EDITORS) ? ['recompute' as const] : []);

/** The indicators job's runs, and a recompute of a range of days. */
export async function runRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/indicators/runs', {
    config: { access: RUN_READERS },
    schema: {
      summary: 'The indicators job\'s runs', tags: TAGS, querystring: RunsQuery, response: { 200: RunList },
      description: 'The latest runs of the job that counts the measures per grid and day (newest first): the 10-minute incremental runs (today, yesterday and days marked dirty), the nightly recount of yesterday and recomputes, each with its days, the facts they hold, how long it took and its error if it failed; and the days still marked dirty. The job counts the whole platform: the runs name no territory.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { limit = 50 } = req.query as Static<typeof RunsQuery>;
    const runs = await app.db.query<RunRow>(`select ${RUN_COLUMNS} from indicator_runs order by id desc limit $1`, [limit]);
    const dirty = await app.db.query<{ day: string }>(`select to_char(day, 'YYYY-MM-DD') as day from indicator_dirty_days order by day`);
    return { items: runs.rows.map(presentRun), dirtyDays: dirty.rows.map((r) => r.day), policies: policiesOf(p) };
  });

  app.post('/api/indicators/recompute', {
    config: { access: INDICATOR_EDITORS },
    schema: {
      summary: 'Recount the indicators of a range of days', tags: TAGS, body: RecomputeBody, response: { 200: RecomputeAnswer, 202: RecomputeAnswer },
      description: `Counts every measure of the days from..to (inclusive, up to today, at most ${MAX_RECOMPUTE_DAYS} days; 422 PERIOD_INVALID otherwise) afresh and corrects the facts and roll-ups where they differ — after records were corrected in a way the job does not see by itself. A range of up to ${INLINE_RECOMPUTE_DAYS} days is counted before the answer (200, the finished run); a longer one in the background (202, the run just started: follow it in GET /api/indicators/runs). Counting is the same whoever asks, for the whole platform. Audited.`,
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { from, to } = req.body as Static<typeof RecomputeBody>;
    const now = app.clock();
    const today = shanghaiDay(now);
    if (!parsePeriod(from) || !parsePeriod(to) || from > to || to > today || dayCount(from, to) > MAX_RECOMPUTE_DAYS) {
      throw new AppError('PERIOD_INVALID',
        `A recompute takes real days from..to, from not after to, up to today (${today}), at most ${MAX_RECOMPUTE_DAYS} days.`,
        `重新统计的日期范围无效：起止须为真实日期，开始不晚于结束，结束不晚于今天（${today}），最多 ${MAX_RECOMPUTE_DAYS} 天。`,
        { from, to, today });
    }
    const days = dayCount(from, to);
    const runId = await app.db.transaction(async (tx) => {
      const id = await startRun(tx, 'full', from, to, days, now);
      await appendAudit(tx, {
        at: now, actorId: p.accountId, actorName: p.name, ip: req.ip, action: 'indicator.recompute', targetType: 'indicator_run',
        targetId: String(id), success: true, detail: { from, to, days },
      });
      return id;
    });
    const background = days > INLINE_RECOMPUTE_DAYS;
    const counting = countDays(app.db, { from, to, kind: 'full', runId }, now);
    if (background) counting.catch((err: Error) => req.log.error({ err }, 'indicators recompute'));
    else await counting;
    const run = (await app.db.query<RunRow>(`select ${RUN_COLUMNS} from indicator_runs where id = $1`, [runId])).rows[0]!;
    return reply.status(background ? 202 : 200).send({ run: presentRun(run), background });
  });
}
