// 积分细则 (issue 16): a community's rules — the draft staff edit (point_rules, one set version per community: every
// rule of the set carries it) and the published snapshot residents read and awards follow (point_rule_publications).
import type { CapPeriod, PointRuleInput } from '../../shared/points.ts';
import type { Tx } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { ruleSetRefusals } from '../../domain/points/rules.ts';
import { pointsInvalid, type PublishedRule } from './ledger.ts';
import type { Actor, Unit } from './ledger-store.ts';
import type { PointRuleViewT } from './rule-schemas.ts';

const SHANGHAI_MS = 8 * 3600_000;

/** The first instant of the cap period holding `at`, in Asia/Shanghai (UTC+8, no daylight saving). */
export function periodStart(period: CapPeriod, at: Date): Date {
  const local = new Date(at.getTime() + SHANGHAI_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const month = period === 'month' ? m : period === 'quarter' ? m - (m % 3) : 0;
  return new Date(Date.UTC(y, month, 1) - SHANGHAI_MS);
}

interface RuleRow {
  code: string; name: string; kind: PointRuleInput['kind']; points: number; subject_kind: 'household' | 'person';
  cap_points: number | null; cap_period: CapPeriod | null; veto_months: number | null; auto_event: PointRuleInput['autoEvent'];
  sort: number; retired_at: Date | null; version: number;
}

const toView = (r: RuleRow): PointRuleViewT => ({
  code: r.code, name: r.name, kind: r.kind, points: r.points, subjectKind: r.subject_kind, capPoints: r.cap_points,
  capPeriod: r.cap_period, vetoMonths: r.veto_months, autoEvent: r.auto_event ?? null, sort: r.sort, retired: r.retired_at !== null,
});

export const publishedView = (r: PublishedRule, i: number): PointRuleViewT => ({
  code: r.code, name: r.name, kind: r.kind, points: r.points, subjectKind: r.subjectKind, capPoints: r.capPoints ?? null,
  capPeriod: r.capPeriod ?? null, vetoMonths: r.vetoMonths ?? null, autoEvent: r.autoEvent ?? null, sort: r.sort ?? i, retired: false,
});

export interface RuleSet {
  version: number;
  rules: PointRuleViewT[];
  published: { version: number; publishedAt: Date; publishedByName: string | null; rules: PublishedRule[] } | null;
}

/** A community's draft rules (active first by sort, then retired), the set's version and the publication. */
export async function loadRuleSet(tx: Tx, unitId: string): Promise<RuleSet> {
  const rows = (await tx.query<RuleRow>(
    `select code, name, kind, points, subject_kind, cap_points, cap_period, veto_months, auto_event, sort, retired_at, version
       from point_rules where org_unit_id = $1 order by (retired_at is not null), sort, code`, [unitId],
  )).rows;
  const pub = (await tx.query<{ version: number; published_at: Date; name: string | null; rules: PublishedRule[] }>(
    `select p.version, p.published_at, a.name, p.rules from point_rule_publications p left join accounts a on a.id = p.published_by
      where p.org_unit_id = $1`, [unitId],
  )).rows[0];
  return {
    version: rows.reduce((m, r) => Math.max(m, r.version), 0),
    rules: rows.map(toView),
    published: pub ? { version: pub.version, publishedAt: new Date(pub.published_at), publishedByName: pub.name, rules: pub.rules } : null,
  };
}

const stale = () => new AppError('CONFLICT', 'The rules were changed by someone else: reload and edit again.', '积分细则已被他人修改：请刷新后重新编辑。');

/**
 * Saves a community's whole rule set: every rule sent is written with the set's next version (new or changed), codes
 * left out are retired (kept: entries name them), never deleted. Refused by H1's ruleSetRefusals → 422 POINTS_INVALID
 * with the reasons; a version read before someone else's save → 409 CONFLICT. Audited (points.rules.save).
 */
export async function saveRules(tx: Tx, unit: Unit, body: { version: number; rules: PointRuleInput[] }, who: Actor): Promise<void> {
  await tx.query(`select id from org_units where id = $1 for update`, [unit.id]);
  const current = await loadRuleSet(tx, unit.id);
  if (current.version !== body.version) throw stale();
  const refusals = ruleSetRefusals(body.rules);
  if (refusals.length) throw pointsInvalid(refusals);
  const next = current.version + 1;
  const rows = body.rules.map((r, i) => ({
    code: r.code, name: r.name.trim(), kind: r.kind, points: r.points, subject_kind: r.subjectKind, cap_points: r.capPoints ?? null,
    cap_period: r.capPeriod ?? null, veto_months: r.vetoMonths ?? null, auto_event: r.autoEvent ?? null, sort: i,
  }));
  await tx.query(
    `insert into point_rules (org_unit_id, org_path, code, name, kind, points, subject_kind, cap_points, cap_period, veto_months,
                              auto_event, sort, retired_at, version, updated_at, updated_by)
     select $1, $2, x.code, x.name, x.kind, x.points, x.subject_kind, x.cap_points, x.cap_period, x.veto_months, x.auto_event, x.sort,
            null, $3, $4, $5
       from jsonb_to_recordset($6::jsonb) as x(code text, name text, kind text, points int, subject_kind text, cap_points int,
                                              cap_period text, veto_months int, auto_event text, sort int)
     on conflict (org_unit_id, code) do update set name = excluded.name, kind = excluded.kind, points = excluded.points,
        subject_kind = excluded.subject_kind, cap_points = excluded.cap_points, cap_period = excluded.cap_period,
        veto_months = excluded.veto_months, auto_event = excluded.auto_event, sort = excluded.sort, retired_at = null,
        version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [unit.id, unit.path, next, who.at, who.accountId, JSON.stringify(rows)],
  );
  const retired = await tx.query<{ code: string }>(
    `update point_rules set retired_at = $3, version = $4, updated_at = $3, updated_by = $5
      where org_unit_id = $1 and retired_at is null and not (code = any($2::text[])) returning code`,
    [unit.id, body.rules.map((r) => r.code), who.at, next, who.accountId],
  );
  await appendAudit(tx, {
    at: who.at, actorId: who.accountId, actorName: who.name, ip: who.ip, action: 'points.rules.save', targetType: 'org_unit',
    targetId: unit.id, success: true, detail: { version: next, rules: body.rules.length, retired: retired.rows.map((r) => r.code) },
  });
}

/** Publishes the community's active rules: residents read them, awards follow them. Audited (points.rules.publish). */
export async function publishRules(tx: Tx, unit: Unit, who: Actor): Promise<void> {
  await tx.query(`select id from org_units where id = $1 for update`, [unit.id]);
  const set = await loadRuleSet(tx, unit.id);
  const active: PublishedRule[] = set.rules.filter((r) => !r.retired).map((r) => ({
    code: r.code, name: r.name, kind: r.kind, points: r.points, subjectKind: r.subjectKind, capPoints: r.capPoints,
    capPeriod: r.capPeriod, vetoMonths: r.vetoMonths, autoEvent: r.autoEvent, sort: r.sort,
  }));
  if (active.length === 0) throw pointsInvalid(['没有可发布的积分细则']);
  await tx.query(
    `insert into point_rule_publications (org_unit_id, version, published_at, published_by, rules) values ($1, $2, $3, $4, $5::jsonb)
     on conflict (org_unit_id) do update set version = excluded.version, published_at = excluded.published_at,
        published_by = excluded.published_by, rules = excluded.rules`,
    [unit.id, set.version, who.at, who.accountId, JSON.stringify(active)],
  );
  await appendAudit(tx, {
    at: who.at, actorId: who.accountId, actorName: who.name, ip: who.ip, action: 'points.rules.publish', targetType: 'org_unit',
    targetId: unit.id, success: true, detail: { version: set.version, rules: active.length },
  });
}

/** Whether the draft differs from the published snapshot. */
export function unpublishedChanges(set: RuleSet): boolean {
  if (!set.published) return set.rules.some((r) => !r.retired);
  return set.published.version !== set.version;
}
