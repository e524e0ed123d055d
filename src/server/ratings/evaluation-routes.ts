import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import type { Tx } from '../platform/db/db.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { DEPARTMENT_EVALUATORS, EVALUATION_CRITERIA } from '../../shared/ratings.ts';
import { parsePeriod } from '../../domain/indicators/periods.ts';
import { evaluationMean, evaluationRefusals } from '../../domain/ratings/rules.ts';
import { periodInvalid } from '../indicators/values.ts';
import { isDepartmentMember, isEvaluator, oneTown, type Town } from './scope.ts';
import * as s from './schemas.ts';

const TAGS = ['ratings'];
const READERS = [...DEPARTMENT_EVALUATORS, 'admin', 'department'] as const;

interface Row {
  department_id: string; department_name: string; town_id: string; town_name: string; cases_count: number;
  id: string | null; scores: unknown; mean: number | null; comment: string | null; at: Date | string | null; by_name: string | null;
}

const monthRange = (period: string) => {
  const pp = parsePeriod(period);
  if (pp?.kind !== 'month') throw periodInvalid(period);
  return pp;
};

/**
 * The departments the town sent cases to in the month (a case reported in the month whose department_ids name the
 * department), with the case count and the town's review when written.
 */
async function townRows(tx: Tx, town: Town, period: string): Promise<Row[]> {
  const pp = monthRange(period);
  const { rows } = await tx.query<Row>(
    `with sent as (
       select d, count(*)::int as n from cases c, unnest(c.department_ids) d
        where c.town_id = $1 and c.department_ids <> '{}'
          and c.created_at >= ($2::date::timestamp at time zone 'Asia/Shanghai')
          and c.created_at < (($3::date + 1)::timestamp at time zone 'Asia/Shanghai')
        group by d)
     select dep.id as department_id, dep.name as department_name, $1 as town_id, $4 as town_name,
            coalesce(sent.n, e.cases_count, 0) as cases_count, e.id, e.scores, e.mean, e.comment, e.at, ac.name as by_name
       from departments dep
       left join sent on sent.d = dep.id
       left join department_evaluations e on e.department_id = dep.id and e.town_id = $1 and e.period = $5
       left join accounts ac on ac.id = e.by_account
      where sent.n is not null or e.id is not null
      order by dep.name`,
    [town.id, pp.from, pp.to, town.name, period]);
  return rows;
}

/** The departments the town sent cases to in the month (ids). */
export async function departmentsSent(tx: Tx, town: Town, period: string): Promise<string[]> {
  return (await townRows(tx, town, period)).filter((r) => Number(r.cases_count) > 0).map((r) => r.department_id);
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

function present(r: Row, period: string, view: 'town' | 'department', mayEvaluate: boolean): s.DepartmentRowT {
  return {
    departmentId: r.department_id, departmentName: r.department_name, townId: r.town_id, townName: r.town_name, period,
    casesCount: Number(r.cases_count),
    evaluation: r.id
      ? { id: r.id, scores: json(r.scores), mean: Number(r.mean), comment: r.comment ?? '', at: new Date(r.at!).toISOString(), byName: view === 'town' ? r.by_name : null }
      : null,
    policies: mayEvaluate && Number(r.cases_count) > 0 ? ['evaluate'] : [],
  };
}

/** A town's review of a department it sent cases to in the month (replaces the town's earlier one), audited. */
export async function reviewDepartment(
  tx: Tx, p: Principal, town: Town, b: { period: string; departmentId: string; scores: Record<string, number>; comment: string }, now: Date, ip: string | null,
): Promise<void> {
  const row = (await townRows(tx, town, b.period)).find((r) => r.department_id === b.departmentId);
  if (!row) {
    const exists = await tx.query('select 1 from departments where id = $1', [b.departmentId]);
    if (exists.rowCount === 0) throw notFound('department');
  }
  const reasons = evaluationRefusals(b.scores, EVALUATION_CRITERIA, row ? Number(row.cases_count) : 0);
  if (reasons.length > 0) throw new AppError('EVALUATION_INVALID', `The review cannot be saved: ${reasons.join('; ')}`, `评价无法保存：${reasons.join('；')}`, { reasons });
  const mean = evaluationMean(b.scores);
  const saved = await tx.query<{ id: string; version: number }>(
    `insert into department_evaluations (town_id, department_id, period, scores, mean, comment, cases_count, by_account, at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (town_id, department_id, period) do update
       set scores = excluded.scores, mean = excluded.mean, comment = excluded.comment, cases_count = excluded.cases_count,
           by_account = excluded.by_account, at = excluded.at, version = department_evaluations.version + 1
     returning id, version`,
    [town.id, b.departmentId, b.period, JSON.stringify(b.scores), mean, b.comment.trim(), Number(row!.cases_count), p.accountId, now]);
  await appendAudit(tx, { at: now, actorId: p.accountId, actorName: p.name, ip, action: 'ratings.department.evaluate', targetType: 'department', targetId: b.departmentId, success: true,
    detail: { townId: town.id, period: b.period, mean, evaluationId: saved.rows[0]!.id, version: saved.rows[0]!.version } });
}

/** 反向评价: towns rate the district departments they sent cases to; a department reads its own reviews. */
export async function evaluationRoutes(app: FastifyInstance): Promise<void> {
  const townView = async (tx: Tx, p: Principal, townId: string | undefined, period: string) => {
    const town = await oneTown(tx, p, townId);
    const rows = await townRows(tx, town, period);
    return { period, view: 'town' as const, items: rows.map((r) => present(r, period, 'town', isEvaluator(p))), summary: null };
  };

  app.get('/api/ratings/departments', {
    config: { access: READERS },
    schema: {
      summary: 'Reviews of district departments (反向评价)', tags: TAGS, querystring: s.EvaluationQuery, response: { 200: s.EvaluationList },
      description: 'For a town\'s leaders and dispatchers (and an administrator naming `townId`): the district departments the town sent cases to in the month, with the number of cases and the town\'s review (响应及时, 办理质量, 沟通配合, 1–5 each, and a comment). For a department account: its own departments\' reviews from every town in the month with the towns\' comments — never who wrote them. A period that is not a month → 422 PERIOD_INVALID.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.EvaluationQuery>;
    monthRange(q.period);
    if (p.scopePath !== null && (isEvaluator(p) || p.roles.includes('admin'))) return townView(app.db, p, q.townId, q.period);
    if (!isDepartmentMember(p)) throw forbidden();
    const { rows } = await app.db.query<Row>(
      `select e.department_id, dep.name as department_name, e.town_id, t.name as town_name, e.cases_count, e.id, e.scores, e.mean,
              e.comment, e.at, null as by_name
         from department_evaluations e join departments dep on dep.id = e.department_id join org_units t on t.id = e.town_id
        where e.department_id = any($1::text[]) and e.period = $2 order by t.path, dep.name`,
      [p.departmentIds, q.period]);
    const means = rows.map((r) => Number(r.mean));
    return {
      period: q.period, view: 'department' as const, items: rows.map((r) => present(r, q.period, 'department', false)),
      summary: { count: rows.length, mean: means.length ? Math.round((means.reduce((a, b) => a + b, 0) / means.length) * 10) / 10 : null },
    };
  });

  app.post('/api/ratings/departments', {
    config: { access: DEPARTMENT_EVALUATORS },
    schema: {
      summary: 'Review a district department (反向评价)', tags: TAGS, body: s.EvaluationBody, response: { 200: s.EvaluationList },
      description: 'A town\'s leader or dispatcher rates a district department the town sent cases to in the month: 响应及时 (timeliness), 办理质量 (quality), 沟通配合 (cooperation), whole scores 1–5, and a comment. One review per town, department and month: sending it again replaces it (version + 1). No case sent, a score out of range or an unknown criterion → 422 EVALUATION_INVALID with `details.reasons`; a month not yet begun → 422 PERIOD_INVALID. Audited (ratings.department.evaluate). Returns the town\'s list.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const b = req.body as Static<typeof s.EvaluationBody>;
    const pp = monthRange(b.period);
    const now = app.clock();
    if (pp.from > now.toISOString().slice(0, 10)) throw periodInvalid(b.period);
    return app.db.transaction(async (tx) => {
      const town = await oneTown(tx, p, b.townId);
      await reviewDepartment(tx, p, town, b, now, req.ip);
      return townView(tx, p, town.id, b.period);
    });
  });
}
