// The grid workers' duties over the history, as the daily task generation would have made them and the workers done
// them: a weekly dispute sweep (矛盾纠纷排查) of every grid, a monthly check of every building's people and rooms, and
// monthly visits (走访) to the key people of the registry (a few in a hundred residents), each done with a visit near
// the person's building. Past periods' tasks are done (a few left undone, some cancelled), the current ones open.
// Each town-day's generation run is recorded, so the real job goes on from the end of the history.
import type pg from 'pg';
import type { GenerateContext, GenerateStep } from '../context.ts';
import { Random } from '../../../src/server/cases/demo/random.ts';
import { copyLines, line } from '../copy.ts';
import { uuidFrom } from './ids.ts';
import { shanghaiMidnight } from './rhythm.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const SHANGHAI = 8 * HOUR;
/** the share of residents the town visits monthly (key people: the elderly living alone, the disabled, …) */
const KEY_SHARE = 0.03;
const FINDINGS = ['情况正常，生活稳定。', '身体状况良好，已提醒注意用电安全。', '家中无异常，已留联系方式。', '反映楼道灯不亮，已记录跟进。', '子女近期探望，情况良好。'];

const TASK_COLUMNS = ['id', 'town_id', 'grid_id', 'org_path', 'kind', 'duty_code', 'subject_kind', 'subject_id', 'title', 'detail', 'assignee_id',
  'assignee_name', 'lng', 'lat', 'starts_on', 'due_on', 'dedupe_key', 'status', 'done_at', 'done_by', 'done_by_name', 'note', 'visit_id',
  'created_by_name', 'created_at', 'updated_at'] as const;
const VISIT_COLUMNS = ['id', 'town_id', 'grid_id', 'org_path', 'subject_kind', 'subject_id', 'subject_name', 'household_id', 'visitor_id',
  'visitor_name', 'at', 'lng', 'lat', 'accuracy_m', 'distance_m', 'target_lng', 'target_lat', 'subject_address', 'far', 'findings', 'task_id',
  'created_at'] as const;

const localDate = (t: number) => new Date(t + SHANGHAI).toISOString().slice(0, 10);

/** ISO week key (2026-W47) of a Shanghai day start */
function isoWeek(dayStart: number): string {
  const d = new Date(dayStart + SHANGHAI);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((d.getTime() - firstThursday.getTime()) / DAY - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export const tasksStep: GenerateStep = {
  name: 'tasks and visits',
  async run(ctx) {
    const s = await generateTasks(ctx);
    ctx.log(`  tasks: ${s.tasks.toLocaleString('en-US')}, visits: ${s.visits.toLocaleString('en-US')}`);
  },
};

interface Worker { id: string; name: string }

export async function generateTasks(ctx: GenerateContext): Promise<{ tasks: number; visits: number }> {
  const { pool } = ctx;
  const r = new Random(Math.floor(ctx.random('tasks')() * 2 ** 32));
  const ids = ctx.random('task ids');
  const now = ctx.now.getTime();
  const today = shanghaiMidnight(now);
  const first = today - (ctx.scale.historyDays - 1) * DAY;
  const towns = (await pool.query<{ id: string; path: string }>(`select id, path from org_units where level = 'town' order by path`)).rows;
  const summary = { tasks: 0, visits: 0 };
  let tasks: string[] = [];
  let visits: string[] = [];
  let visitIds: string[] = [];
  const flush = async () => {
    // visits first (a done visit task names its visit), then each visit the task it was made for
    summary.visits += await copyLines(pool, 'visits', VISIT_COLUMNS, visits);
    summary.tasks += await copyLines(pool, 'tasks', TASK_COLUMNS, tasks);
    await pool.query(`update visits v set task_id = t.id from tasks t where v.id = any($1::text[]) and t.visit_id = v.id`, [visitIds]);
    visitIds = [];
    tasks = [];
    visits = [];
  };
  const duty = async (townId: string, kind: string) =>
    (await pool.query<{ code: string }>(`select code from standing_duties where town_id = $1 and kind = $2 and enabled order by sort limit 1`, [townId, kind])).rows[0]?.code ?? null;

  for (const town of towns) {
    const grids = await workersOf(pool, town.path);
    if (grids.size === 0) continue;
    const sweepDuty = await duty(town.id, 'disputeSweep');
    const checkDuty = await duty(town.id, 'buildingCheck');
    const visitDuty = await duty(town.id, 'keyVisit');
    const task = (o: {
      grid: { id: string; path: string; worker: Worker | null }; kind: string; dutyCode: string | null; subjectKind: string; subjectId: string;
      title: string; detail: string | null; lng: number | null; lat: number | null; starts: number; due: number; key: string; visitId?: string | null; doneAt?: number | null;
      id?: string;
    }) => {
      const created = o.starts + 60_000 * r.int(1, 20); // the 00:05 daily run
      const past = o.due < today;
      const current = !past && o.starts <= today;
      const worker = o.grid.worker;
      let status: 'open' | 'done' | 'cancelled' = 'open';
      let doneAt: number | null = null;
      if (o.doneAt != null) {
        status = 'done';
        doneAt = o.doneAt;
      } else if (past) {
        status = r.chance(0.9) ? 'done' : r.chance(0.5) ? 'cancelled' : 'open';
      } else if (current && r.chance(0.4)) {
        status = 'done';
      }
      if (status === 'done' && doneAt === null) doneAt = Math.min(now - 60_000, o.starts + r.int(1, Math.max(1, Math.round((o.due - o.starts) / DAY))) * DAY - r.int(4, 14) * HOUR);
      if (status === 'done' && !worker) status = 'open';
      const id = o.id ?? uuidFrom(ids);
      tasks.push(line([
        id, town.id, o.grid.id, o.grid.path, o.kind, o.dutyCode, o.subjectKind, o.subjectId, o.title, o.detail, worker?.id ?? null, worker?.name ?? null,
        o.lng, o.lat, localDate(o.starts), localDate(o.due), o.key, status, status === 'done' ? new Date(doneAt!) : null,
        status === 'done' ? worker!.id : null, status === 'done' ? worker!.name : null, null, status === 'done' ? o.visitId ?? null : null,
        '系统', new Date(created), new Date(status === 'done' ? doneAt! : created),
      ]));
      return id;
    };

    // the weekly dispute sweep of each grid
    for (let day = first; day <= today; day += DAY) {
      if (new Date(day + SHANGHAI).getUTCDay() !== 1) continue;
      const week = isoWeek(day);
      for (const grid of grids.values()) {
        task({ grid, kind: 'disputeSweep', dutyCode: sweepDuty, subjectKind: 'grid', subjectId: grid.id, title: `矛盾纠纷排查（${week}）`, detail: null,
          lng: null, lat: null, starts: day, due: day + 6 * DAY, key: `sweep:${grid.id}:${week}` });
      }
    }
    // the monthly check of each building
    const buildings = (await pool.query<{ id: string; grid_id: string; name: string; lng: number; lat: number }>(
      `select id, grid_id, name, lng, lat from registry_buildings where town_id = $1 and retired_at is null order by id`, [town.id])).rows;
    for (let month = monthStart(first); month <= today; month = monthStart(month + 32 * DAY)) {
      const key = new Date(month + SHANGHAI).toISOString().slice(0, 7);
      const end = monthStart(month + 32 * DAY) - DAY;
      for (const b of buildings) {
        const grid = grids.get(b.grid_id);
        if (!grid) continue;
        task({ grid, kind: 'buildingCheck', dutyCode: checkDuty, subjectKind: 'building', subjectId: b.id, title: `核查 ${b.name} 人房信息`,
          detail: `${key} 楼栋信息核查`, lng: b.lng, lat: b.lat, starts: Math.max(month, first), due: end, key: `check:${b.id}:${key}` });
      }
    }
    // monthly visits to the key people, each done with a visit near their building
    const residents = (await pool.query<{ id: string; grid_id: string; name: string; household_id: string | null; address: string | null; lng: number | null; lat: number | null }>(
      `select r.id, r.grid_id, r.name, r.household_id, h.address, b.lng, b.lat from registry_residents r
         left join registry_households h on h.id = r.household_id left join registry_buildings b on b.id = h.building_id
        where r.town_id = $1 and r.left_at is null order by r.id`, [town.id])).rows.filter(() => r.chance(KEY_SHARE));
    for (let month = monthStart(first); month <= today; month = monthStart(month + 32 * DAY)) {
      const end = monthStart(month + 32 * DAY) - DAY;
      for (const p of residents) {
        const grid = grids.get(p.grid_id);
        if (!grid) continue;
        const due = localDate(end);
        const starts = Math.max(month, first);
        const done = grid.worker && (end < today ? r.chance(0.93) : r.chance(0.45));
        let visitId: string | null = null;
        let at: number | null = null;
        const taskId = uuidFrom(ids);
        if (done) {
          at = Math.min(now - 60_000, starts + r.int(0, Math.max(0, Math.round((Math.min(end, today) - starts) / DAY))) * DAY + r.int(9, 17) * HOUR + r.int(0, 59) * 60_000);
          visitId = uuidFrom(ids);
          visitIds.push(visitId);
          const far = r.chance(0.03);
          const distance = far ? r.int(600, 3000) : r.int(3, 80);
          const off = distance / 111_000;
          visits.push(line([
            visitId, town.id, grid.id, grid.path, 'resident', p.id, p.name, p.household_id, grid.worker!.id, grid.worker!.name, new Date(at),
            p.lng === null ? null : p.lng + off * 0.7, p.lat === null ? null : p.lat + off * 0.7, r.int(5, 30), p.lng === null ? null : distance,
            p.lng, p.lat, p.address, far, r.pick(FINDINGS), null, new Date(at),
          ]));
        }
        task({ id: taskId, grid, kind: 'keyVisit', dutyCode: visitDuty, subjectKind: 'resident', subjectId: p.id, title: `走访 ${p.name}`, detail: null,
          lng: p.lng, lat: p.lat, starts, due: end, key: `visit:${p.id}:${due}`, visitId, doneAt: at });
      }
    }
    // the town's daily generation runs, so the job goes on from the end of the history
    const runs: string[] = [];
    for (let day = first; day <= today; day += DAY) {
      const at = new Date(Math.min(now - 60_000, day + 5 * 60_000));
      runs.push(line([town.id, localDate(day), at, at, 0, 0, 1]));
    }
    await copyLines(pool, 'task_generation_runs', ['town_id', 'day', 'started_at', 'finished_at', 'created', 'unassigned', 'runs'], runs);
    if (tasks.length > 20_000) await flush();
    ctx.progress('tasks', summary.tasks + tasks.length, summary.tasks + tasks.length);
  }
  await flush();
  // the last visit of each visited resident, as the visit command keeps it for the daily generation
  await pool.query(`update registry_residents r set last_visited_on = v.d from (
      select subject_id, max((at at time zone 'Asia/Shanghai')::date) as d from visits where subject_kind = 'resident' group by 1) v
     where v.subject_id = r.id`);
  return summary;
}

/** 00:00 Shanghai of the first day of the month holding `t` */
function monthStart(t: number): number {
  const d = new Date(t + SHANGHAI);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - SHANGHAI;
}

/** The town's grids with their worker (the team rule: full-time first, then the leader, then the others). */
async function workersOf(pool: pg.Pool, townPath: string): Promise<Map<string, { id: string; path: string; worker: Worker | null }>> {
  const rows = (await pool.query<{ id: string; path: string; worker_id: string | null; worker_name: string | null }>(
    `select g.id, g.path, w.id as worker_id, w.name as worker_name from org_units g
       left join lateral (select a.id, a.name from grid_team_members m join accounts a on a.id = m.account_id
                           where m.grid_id = g.id and a.disabled_at is null and a.kind = 'staff'
                           order by case m.team_role when 'fullTime' then 0 when 'gridLeader' then 1 else 2 end, m.sort, m.name limit 1) w on true
      where g.level = 'grid' and g.path like $1 order by g.path`, [`${townPath}%`])).rows;
  return new Map(rows.map((g) => [g.id, { id: g.id, path: g.path, worker: g.worker_id ? { id: g.worker_id, name: g.worker_name! } : null }]));
}
