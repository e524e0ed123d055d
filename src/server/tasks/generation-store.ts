import type { Tx } from '../platform/db/db.ts';
import type { Role } from '../../shared/roles.ts';
import type { TeamRole } from '../../shared/org-levels.ts';
import { shanghaiDate } from '../../domain/sla/working-calendar.ts';
import type { Absence, TeamMemberInput } from '../../domain/tasks/assignment.ts';
import type { BuildingRecord, CampaignRecord, CaseRecord, GeneratedTask, ResidentRecord, ThingRecord } from '../../domain/tasks/generation.ts';

/*
 * SQL of the daily task generation: a town's grids in keyset batches, and for a batch its teams, absences, open loads
 * and the records the rules read, each page bounded, so a town of any size is walked with flat memory. Reads select
 * the living registry (not moved away, not retired) and may narrow by a safe bound (residents visited more recently
 * than the most frequent tag asks for cannot be due); which record is due is the domain's to say.
 */

export interface GridRow { id: string; path: string; created_at: Date }

const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

export async function listTowns(tx: Tx): Promise<{ id: string; path: string }[]> {
  return (await tx.query<{ id: string; path: string }>(`select id, path from org_units where level = 'town' order by id`)).rows;
}

/** The town holding a unit (the unit itself when it is a town); null when there is none. */
export async function townOfUnit(tx: Tx, unitId: string): Promise<{ id: string; path: string; name: string } | null> {
  const r = await tx.query<{ id: string; path: string; name: string }>(
    `select t.id, t.path, t.name from org_units u join org_units t on t.level = 'town' and u.path like t.path || '%'
      where u.id = $1`, [unitId]);
  return r.rows[0] ?? null;
}

/** The next batch of a town's grids (and dedicated grids), by id after `after`. */
export async function gridBatch(tx: Tx, townPath: string, after: string, limit: number): Promise<GridRow[]> {
  return (await tx.query<GridRow>(
    `select id, path, created_at from org_units where path like $1 and level in ('grid', 'dedicatedGrid') and id > $2 order by id limit $3`,
    [`${townPath}%`, after, limit])).rows;
}

/** The members of the batch's teams who may take tasks (leader, full-time, part-time), with their accounts. */
export async function teamsOf(tx: Tx, gridIds: readonly string[]): Promise<(TeamMemberInput & { gridId: string })[]> {
  const r = await tx.query<{ grid_id: string; account_id: string | null; team_role: TeamRole; name: string; roles: Role[] | null; active: boolean }>(
    `select m.grid_id, m.account_id, m.team_role, coalesce(a.name, m.name) as name, a.roles,
            (a.id is not null and a.disabled_at is null) as active
       from grid_team_members m left join accounts a on a.id = m.account_id
      where m.grid_id = any($1::text[]) and m.team_role in ('gridLeader', 'fullTime', 'partTime')
      order by m.grid_id, m.sort, m.id`, [gridIds]);
  return r.rows.map((m) => ({ gridId: m.grid_id, accountId: m.account_id, teamRole: m.team_role, name: m.name, roles: m.roles ?? [], active: m.active }));
}

/** Absences of these accounts that end on or after `from`. */
export async function absencesOf(tx: Tx, accountIds: readonly string[], from: string): Promise<Absence[]> {
  if (accountIds.length === 0) return [];
  return (await tx.query<Absence>(
    `select account_id as "accountId", ${day('from_on')} as "from", ${day('to_on')} as "to"
       from staff_absences where account_id = any($1::text[]) and to_on >= $2::date`, [accountIds, from])).rows;
}

/** Open tasks per account. */
export async function openLoads(tx: Tx, accountIds: readonly string[]): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map();
  const r = await tx.query<{ assignee_id: string; n: number }>(
    `select assignee_id, count(*)::int as n from tasks where status = 'open' and assignee_id = any($1::text[]) group by assignee_id`, [accountIds]);
  return new Map(r.rows.map((x) => [x.assignee_id, Number(x.n)]));
}

export type PagedResident = ResidentRecord & { gridId: string; gridPath: string };

/**
 * A page of the batch's residents never visited or visited on or before the cutoff of one of their tags (visitCutoffs),
 * in (grid path, id) order after `after`: the others cannot be due.
 */
export async function residentsPage(
  tx: Tx, gridPaths: readonly string[], cutoffs: readonly { code: string; cutoff: string }[], after: { path: string; id: string } | null, limit: number,
): Promise<PagedResident[]> {
  const r = await tx.query<{ id: string; name: string; household_id: string | null; tags: string[]; last: string | null; created_at: Date; grid_id: string; org_path: string; lng: number | null; lat: number | null }>(
    `select r.id, r.name, r.household_id, r.tags, ${day('r.last_visited_on')} as last, r.created_at, r.grid_id, r.org_path,
            coalesce(h.lng, b.lng) as lng, coalesce(h.lat, b.lat) as lat
       from registry_residents r
       left join registry_households h on h.id = r.household_id
       left join registry_buildings b on b.id = h.building_id
      where r.org_path = any($1::text[]) and r.left_at is null and r.tags && $2::text[]
        and (r.last_visited_on is null
             or exists (select 1 from unnest($2::text[], $3::date[]) c(code, cutoff) where c.code = any(r.tags) and r.last_visited_on <= c.cutoff))
        and ($4::text is null or (r.org_path, r.id) > ($4::text, $5::text))
      order by r.org_path, r.id limit $6`,
    [gridPaths, cutoffs.map((c) => c.code), cutoffs.map((c) => c.cutoff), after?.path ?? null, after?.id ?? null, limit]);
  return r.rows.map((x) => ({
    id: x.id, name: x.name, householdId: x.household_id, tags: x.tags, lastVisitedOn: x.last, arrivedOn: shanghaiDate(new Date(x.created_at)),
    lng: x.lng, lat: x.lat, gridId: x.grid_id, gridPath: x.org_path,
  }));
}

export type PagedThing = ThingRecord & { gridId: string; gridPath: string };

/** A page of the batch's risk points with an inspection interval, in (grid path, id) order after `after`. */
export async function thingsPage(tx: Tx, gridPaths: readonly string[], after: { path: string; id: string } | null, limit: number): Promise<PagedThing[]> {
  const r = await tx.query<{ id: string; name: string; every: number; last: string | null; created_at: Date; grid_id: string; org_path: string; lng: number; lat: number }>(
    `select t.id, t.name, t.inspection_every_days as every, ${day('t.last_inspected_on')} as last, t.created_at, t.grid_id, t.org_path, t.lng, t.lat
       from registry_things t
      where t.org_path = any($1::text[]) and t.retired_at is null and t.inspection_every_days is not null
        and ($2::text is null or (t.org_path, t.id) > ($2::text, $3::text))
      order by t.org_path, t.id limit $4`,
    [gridPaths, after?.path ?? null, after?.id ?? null, limit]);
  return r.rows.map((x) => ({
    id: x.id, name: x.name, inspectionEveryDays: x.every, lastInspectedOn: x.last, createdOn: shanghaiDate(new Date(x.created_at)),
    lng: x.lng, lat: x.lat, gridId: x.grid_id, gridPath: x.org_path,
  }));
}

/** A page of the batch's buildings in use (entered since `since`, when given), in (grid, id) order after `after`. */
export async function buildingsPage(
  tx: Tx, gridIds: readonly string[], after: { gridId: string; id: string } | null, limit: number, since: Date | null,
): Promise<(BuildingRecord & { gridId: string })[]> {
  return (await tx.query<BuildingRecord & { gridId: string }>(
    `select id, name, lng, lat, grid_id as "gridId" from registry_buildings
      where grid_id = any($1::text[]) and retired_at is null and ($2::text is null or (grid_id, id) > ($2::text, $3::text))
        and ($5::timestamptz is null or created_at >= $5::timestamptz)
      order by grid_id, id limit $4`,
    [gridIds, after?.gridId ?? null, after?.id ?? null, limit, since])).rows;
}

/** The grids' cases handled and waiting for their check, as they stood at `asOf` (a day generated later reads that day's state). */
export async function handledCases(tx: Tx, gridIds: readonly string[], asOf: Date): Promise<(CaseRecord & { gridId: string })[]> {
  return (await tx.query<CaseRecord & { gridId: string }>(
    `select id, number, status, resolved_on_spot as "resolvedOnSpot", handled_by as "handledBy", reporter_kind as "reporterKind",
            reporter_account_id as "reporterAccountId", lng, lat, grid_id as "gridId"
       from cases where status = 'handled' and grid_id = any($1::text[]) and updated_at <= $2 order by grid_id, id`, [gridIds, asOf])).rows;
}

/** The town's campaigns running on the day. */
export async function activeCampaigns(tx: Tx, townId: string, on: string): Promise<CampaignRecord[]> {
  return (await tx.query<CampaignRecord>(
    `select id, title, ${day('starts_on')} as "startsOn", ${day('due_on')} as "dueOn", grid_ids as "gridIds"
       from task_campaigns where town_id = $1 and starts_on <= $2::date and due_on >= $2::date`, [townId, on])).rows;
}

/**
 * Inserts generated tasks; a task whose (town, dedupe key) is there already is left as it is. Answers how many were
 * new and how many of those nobody took.
 */
export async function insertTasks(
  tx: Tx, townId: string, tasks: readonly (GeneratedTask & { gridId: string; gridPath: string })[], now: Date,
): Promise<{ created: number; unassigned: number }> {
  if (tasks.length === 0) return { created: 0, unassigned: 0 };
  const col = <K extends keyof (GeneratedTask & { gridId: string; gridPath: string })>(k: K) => tasks.map((t) => t[k]);
  const r = await tx.query<{ assignee_id: string | null }>(
    `insert into tasks (town_id, grid_id, org_path, kind, duty_code, subject_kind, subject_id, title, detail, campaign_id,
                        assignee_id, assignee_name, lng, lat, starts_on, due_on, dedupe_key, created_at, updated_at)
     select $1, x.grid_id, x.org_path, x.kind, x.duty_code, x.subject_kind, x.subject_id, x.title, x.detail, x.campaign_id,
            x.assignee_id, x.assignee_name, x.lng, x.lat, x.starts_on, x.due_on, x.dedupe_key, $2, $2
       from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                   $12::text[], $13::text[], $14::float8[], $15::float8[], $16::date[], $17::date[], $18::text[])
            as x(grid_id, org_path, kind, duty_code, subject_kind, subject_id, title, detail, campaign_id,
                 assignee_id, assignee_name, lng, lat, starts_on, due_on, dedupe_key)
     on conflict (town_id, dedupe_key) do nothing
     returning assignee_id`,
    [townId, now, col('gridId'), col('gridPath'), col('kind'), col('dutyCode'), col('subjectKind'), col('subjectId'), col('title'), col('detail'),
      col('campaignId'), col('assigneeId'), col('assigneeName'), col('lng'), col('lat'), col('startsOn'), col('dueOn'), col('dedupeKey')]);
  return { created: r.rows.length, unassigned: r.rows.filter((x) => x.assignee_id === null).length };
}

/** The town's latest run that went to its end, on `onOrBefore` or earlier: its day and when it started. */
export async function lastFinishedRun(tx: Tx, townId: string, onOrBefore: string): Promise<{ day: string; startedAt: Date } | null> {
  const r = await tx.query<{ day: string; started_at: Date }>(
    `select to_char(day, 'YYYY-MM-DD') as day, started_at from task_generation_runs
      where town_id = $1 and day <= $2::date and finished_at is not null order by day desc limit 1`, [townId, onOrBefore]);
  const row = r.rows[0];
  return row ? { day: row.day, startedAt: new Date(row.started_at) } : null;
}

/** Whether the day's generation of the town has run to its end already. */
export async function finishedRun(tx: Tx, townId: string, on: string): Promise<boolean> {
  const r = await tx.query(`select 1 from task_generation_runs where town_id = $1 and day = $2::date and finished_at is not null`, [townId, on]);
  return r.rows.length > 0;
}

export async function startRun(tx: Tx, townId: string, on: string, at: Date): Promise<void> {
  await tx.query(
    `insert into task_generation_runs (town_id, day, started_at) values ($1, $2::date, $3)
     on conflict (town_id, day) do update set started_at = excluded.started_at`, [townId, on, at]);
}

export async function finishRun(tx: Tx, townId: string, on: string, at: Date, made: { created: number; unassigned: number }): Promise<void> {
  await tx.query(
    `update task_generation_runs set finished_at = $3, created = created + $4, unassigned = unassigned + $5, runs = runs + 1
      where town_id = $1 and day = $2::date`, [townId, on, at, made.created, made.unassigned]);
}

/** The day's runs of a town so far. */
export async function runOf(tx: Tx, townId: string, on: string): Promise<{ runs: number; created: number; unassigned: number } | null> {
  const r = await tx.query<{ runs: number; created: number; unassigned: number }>(
    `select runs, created, unassigned from task_generation_runs where town_id = $1 and day = $2::date`, [townId, on]);
  return r.rows[0] ?? null;
}
