import type { DemoContext } from '../../platform/capability.ts';
import { demoPrincipal } from '../../disputes/demo/demo-store.ts';
import { RATING_LEVELS } from '../../../shared/ratings.ts';
import { periodOf, previousPeriod } from '../../../domain/indicators/periods.ts';
import { computeRatings } from '../compute-ratings.ts';
import { cityRule } from '../rules-store.ts';
import { answerAppeal, fileAppeal, publishRatings } from '../commands.ts';
import { departmentsSent, reviewDepartment } from '../evaluation-routes.ts';

const HOUR = 3_600_000;

/**
 * 三级五星评价's demo: the city's default rules; the last two months' ratings of every grid, community and town computed
 * from the roll-ups the indicators step counted and published by the demo town's leader on the 2nd of the month after;
 * the demo grid worker's appeal of the month before last upheld by the leader with a reason (one star more), and an
 * appeal of last month still open; the demo town's reviews of the departments it sent cases to last month. Made through
 * the ratings' own commands at instants before `ctx.now`; nothing when ratings are there.
 */
export async function demoRatings(ctx: DemoContext): Promise<string | null> {
  const there = await ctx.db.query('select 1 from ratings limit 1');
  if (there.rows.length > 0) return null;
  const leader = await demoPrincipal(ctx.db, 'leader');
  const worker = await demoPrincipal(ctx.db, 'gridworker');
  const admin = await demoPrincipal(ctx.db, 'admin');
  if (!leader?.scopeOrgUnitId || !worker || !admin) return null;
  const last = previousPeriod(periodOf('month', ctx.now));
  const before = previousPeriod(last);
  // the 2nd of the month after, 09:00, or an hour before the end of the history when that is later
  const secondAfter = (month: string) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const at = new Date(`${next}-02T09:00:00+08:00`);
    return at.getTime() < ctx.now.getTime() - 4 * HOUR ? at : new Date(ctx.now.getTime() - 4 * HOUR);
  };
  const towns = (await ctx.db.query<{ id: string; name: string; path: string }>(`select id, name, path from org_units where level = 'town' order by path`)).rows;
  let computed = 0;
  let appeals = 0;
  let reviews = 0;
  await ctx.db.transaction(async (tx) => {
    for (const level of RATING_LEVELS) await cityRule(tx, level, new Date(ctx.now.getTime() - 90 * 24 * HOUR));
    for (const month of [before, last]) {
      const at = secondAfter(month);
      for (const t of towns) for (const level of RATING_LEVELS) computed += (await computeRatings(tx, { level, period: month, townId: t.id }, at)).computed;
      // a town's own rating is published from above (the administrator here); grids and communities by the town's leader
      for (const level of RATING_LEVELS) await publishRatings(tx, level === 'town' ? admin : leader, towns, level, month, new Date(at.getTime() + HOUR), null);
    }
    const gridId = worker.grids[0]?.grid_id ?? worker.scopeOrgUnitId;
    const ratingOf = async (month: string) =>
      (await tx.query<{ id: string; stars: number }>(`select id, stars from ratings where level = 'grid' and org_unit_id = $1 and period = $2`, [gridId, month])).rows[0];
    const older = await ratingOf(before);
    if (older) {
      const at = new Date(secondAfter(before).getTime() + 26 * HOUR);
      const id = await fileAppeal(tx, worker, older.id, '本月有3件案件因区级部门处置原因超期，非本网格责任，申请复核结案率和按期结案率的得分。', null, at, null);
      await answerAppeal(tx, leader, id, { decision: 'upheld', answer: '经核实，3件案件超期系区城市管理局处置原因，已与部门确认；调整为高一星级，原始得分保留备查。', stars: Math.min(5, older.stars + 1) }, new Date(at.getTime() + 20 * HOUR), null);
      appeals++;
    }
    const newer = await ratingOf(last);
    if (newer) {
      const at = new Date(Math.min(secondAfter(last).getTime() + 5 * HOUR, ctx.now.getTime() - HOUR));
      await fileAppeal(tx, worker, newer.id, '网格员活跃度按应在岗人日计算，本月有2天为区里统一安排的培训，申请扣除。', null, at, null);
      appeals++;
    }
    const town = towns.find((t) => t.id === leader.scopeOrgUnitId);
    if (town) {
      const sent = await departmentsSent(tx, town, last);
      const at = new Date(secondAfter(last).getTime() + 2 * HOUR);
      const comments = ['响应及时，个别案件需返工', '办理质量好，沟通顺畅', '部分案件回复较慢，请加强对接'];
      for (const [i, d] of sent.entries()) {
        const s = [5, 4, 3][i % 3]!;
        await reviewDepartment(tx, leader, town, { period: last, departmentId: d, scores: { timeliness: s, quality: Math.min(5, s + (i % 2)), cooperation: 4 }, comment: comments[i % 3]! }, new Date(at.getTime() + i * 60_000), null);
        reviews++;
      }
    }
  });
  return `ratings: ${computed} ratings of ${before} and ${last} published, ${appeals} appeals (one upheld, one open), ${reviews} department reviews`;
}
