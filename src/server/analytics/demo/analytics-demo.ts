import type { DemoContext } from '../../platform/capability.ts';
import { demoPrincipal } from '../../disputes/demo/demo-store.ts';
import { shanghaiDate } from '../../../domain/sla/working-calendar.ts';
import { hotspots } from '../hotspots.ts';
import { actOnProject, createProject } from '../project-commands.ts';

/*
 * 高频诉求's demo (issue 17, H8): 春晖社区's staff turn three of its hot spots into 15-minute circle projects, each made
 * at its own moment from the hot spots of the 30 days before it (the cell's cases of that span linked): one made 50
 * days ago, started and done; one made 20 days ago and underway; one made 3 days ago and planned. Through the
 * projects' own commands with the clock of each step; nothing the second time.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;

const PLAN: { daysAgo: number; due: number; steps: { action: 'start' | 'finish'; daysAgo: number; note?: string }[]; description: string }[] = [
  { daysAgo: 50, due: 15, steps: [{ action: 'start', daysAgo: 46 }, { action: 'finish', daysAgo: 12, note: '问题点位已整治，增设便民设施，近两周同类诉求明显下降' }],
    description: '针对该点位集中反映的问题，联合物业和网格员排查整治，完善便民服务设施，纳入15分钟便民生活圈建设。' },
  { daysAgo: 20, due: -25, steps: [{ action: 'start', daysAgo: 16 }],
    description: '梳理近期高频诉求，制定整治方案，分步实施并向居民公示进度。' },
  { daysAgo: 3, due: -40, steps: [],
    description: '根据高频诉求热点立项，待社区议事会讨论后实施。' },
];

export async function demoAnalytics(ctx: DemoContext): Promise<string | null> {
  const community = (await ctx.db.query<{ id: string }>(`select id from org_units where level = 'community' and name = '春晖社区' order by code limit 1`)).rows[0];
  if (!community) return null;
  const done = await ctx.db.query('select 1 from circle_projects where community_id = $1 limit 1', [community.id]);
  if (done.rows.length > 0) return null;
  const p = await demoPrincipal(ctx.db, 'community');
  if (!p) return null;
  const started = Date.now();
  const used = new Set<string>();
  let made = 0;
  let linked = 0;
  for (const plan of PLAN) {
    const at = new Date(ctx.now.getTime() - plan.daysAgo * DAY - 2 * HOUR);
    const spots = await hotspots(ctx.db, p, { orgUnitId: community.id, limit: 20 }, at);
    const cell = spots.cells.find((c) => c.communityId === community.id && !used.has(c.key) && c.current >= 2);
    if (!cell) continue;
    used.add(cell.key);
    const id = await ctx.db.transaction((tx) => createProject(tx, p, {
      communityId: community.id, name: `${cell.gridName}${cell.topCategoryName}专项整治`.slice(0, 60), categoryCode: cell.topCategoryCode,
      description: plan.description, dueOn: shanghaiDate(new Date(ctx.now.getTime() - plan.due * DAY)), cells: [cell.key], from: spots.from, to: spots.to,
    }, `demo-circle-${plan.daysAgo}`, { now: at, ip: null }));
    for (const s of plan.steps) {
      const when = new Date(ctx.now.getTime() - s.daysAgo * DAY - 3 * HOUR);
      await ctx.db.transaction((tx) => actOnProject(tx, p, id, s.action, { note: s.note }, { now: when, ip: null }));
    }
    made++;
    linked += (await ctx.db.query<{ n: number }>('select count(*)::int as n from circle_project_cases where project_id = $1', [id])).rows[0]!.n;
  }
  return made === 0 ? null : `春晖社区 15-minute circle projects from its hot spots: ${made} (one done, one underway, one planned), ${linked} cases linked, ${((Date.now() - started) / 1000).toFixed(1)} s`;
}
