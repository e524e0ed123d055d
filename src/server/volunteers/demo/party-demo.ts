import type { DemoContext } from '../../platform/capability.ts';
import type { Principal } from '../../platform/auth.ts';
import { Random } from '../../cases/demo/random.ts';
import { demoPrincipal } from '../../disputes/demo/demo-store.ts';
import { beijingAt } from '../../disputes/demo/demo-step.ts';
import { createPost, partyYearOf, rateMember, saveCommitments } from '../party.ts';

/*
 * 党员亮身份、践承诺、评星级's demo, in 春晖社区 (the demo registry's community), through the party members' own commands
 * as its community staff (`community`) would have entered them over the last six weeks: four 微阵地 (the community's
 * 党群服务中心, a post in each demo grid, the square's service point) five weeks ago; last year's commitments of every
 * party member of the registry there, entered then, and their stars for last year a few days later; this year's
 * commitments (2–3 each, from the community's list) with the post where each serves, two to four weeks ago. Idempotent:
 * nothing is done when the community already has a 微阵地.
 */

const COMMUNITY = '春晖社区';

/** The community's list of commitments party members choose from (践承诺). */
export const DEMO_COMMITMENTS = [
  '每月走访结对的独居老人不少于2次',
  '带头做好垃圾分类，每周参与1次桶边督导',
  '参与小区平安巡逻，每月不少于4小时',
  '帮助邻里调解矛盾纠纷，做到小事不出楼栋',
  '为行动不便的老人代买代办',
  '带头文明养犬、文明停车',
  '每季度参加1次微讲堂，宣讲政策',
  '参与楼道清理和环境整治',
  '结对帮扶1户困难家庭',
  '收集居民意见，每月向社区反映',
  '参与加装电梯等议题的协商议事',
  '疫情防控和应急时听从召唤、冲锋在前',
] as const;

const STAR_NOTES: Record<number, string> = {
  5: '承诺全部兑现，群众评价好',
  4: '承诺基本兑现，积极参加活动',
  3: '承诺部分兑现，参加活动次数偏少',
  2: '承诺兑现较差，已谈心谈话',
};

interface Unit { id: string; name: string; path: string; geometry: { type: string; coordinates: unknown } | null }

/** A point inside a unit's area, roughly: the mean of its outer ring's corners. */
function centreOf(u: Unit): { lng: number; lat: number } | null {
  const g = u.geometry;
  if (!g) return null;
  const ring = (g.type === 'Polygon' ? (g.coordinates as number[][][])[0] : g.type === 'MultiPolygon' ? (g.coordinates as number[][][][])[0]?.[0] : null) ?? [];
  const pts = ring.slice(0, Math.max(1, ring.length - 1));
  if (pts.length === 0) return null;
  const lng = pts.reduce((s, p) => s + p[0]!, 0) / pts.length;
  const lat = pts.reduce((s, p) => s + p[1]!, 0) / pts.length;
  return { lng: Math.round(lng * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 };
}

function starsOf(r: Random): number {
  const x = r.next();
  return x < 0.3 ? 5 : x < 0.7 ? 4 : x < 0.95 ? 3 : 2;
}

function commitmentsOf(r: Random, n: number): string[] {
  const pool = [...DEMO_COMMITMENTS];
  const out: string[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(r.int(0, pool.length - 1), 1)[0]!);
  return out;
}

export async function demoParty(ctx: DemoContext): Promise<string | null> {
  const { db, now } = ctx;
  const community = (await db.query<Unit>(
    `select id, name, path, geometry from org_units where level = 'community' and name = $1 order by path limit 1`, [COMMUNITY])).rows[0];
  if (!community) return null;
  if ((await db.query('select 1 from party_posts where org_path like $1 limit 1', [`${community.path}%`])).rows.length) return null;
  const staff: Principal | null = await demoPrincipal(db, 'community');
  if (!staff || staff.scopePath === null || !community.path.startsWith(staff.scopePath)) return null;
  const grids = (await db.query<Unit>(
    `select id, name, path, geometry from org_units where parent_id = $1 and level = 'grid' order by sort, name`, [community.id])).rows;
  const members = (await db.query<{ id: string; grid_id: string }>(
    `select id, grid_id from registry_residents where party_member and left_at is null and org_path like $1 order by org_path, name_pinyin, id`,
    [`${community.path}%`])).rows;
  const r = new Random(ctx.seed ^ 0x9a27);
  const thisYear = partyYearOf(now);
  const ip = null;

  // 微阵地, five weeks ago
  const postsAt = beijingAt(now, 35, [9, 30]);
  const posts = new Map<string, string>();
  let centre: string | null = null;
  await db.transaction(async (tx) => {
    const made = async (unit: Unit, name: string, address: string) =>
      (await createPost(tx, staff, { orgUnitId: unit.id, name, address, location: centreOf(unit) }, postsAt, `demo-party-post:${unit.id}:${name}`, ip)).post.id;
    centre = await made(community, `${COMMUNITY}党群服务中心`, '春晖路 18 号');
    await made(community, '春晖广场党员志愿服务点', '春晖广场东侧');
    for (const [i, g] of grids.slice(0, 2).entries()) {
      posts.set(g.id, await made(g, i === 0 ? '春晖苑党员先锋岗' : `${g.name}红色驿站`, i === 0 ? '春晖苑 3 栋架空层' : `${g.name}网格服务站`));
    }
  });

  // last year's commitments (entered when the platform started) and their stars; this year's commitments with the post
  let rated = 0;
  let committed = 0;
  const lastYearAt = beijingAt(now, 34, [10, 0]);
  const starsAt = beijingAt(now, 31, [15, 0]);
  await db.transaction(async (tx) => {
    for (const [i, m] of members.entries()) {
      const at = new Date(lastYearAt.getTime() + i * 60_000);
      await saveCommitments(tx, staff, m.id, { year: thisYear - 1, postId: posts.get(m.grid_id) ?? centre, commitments: commitmentsOf(r, r.int(2, 3)) }, at, ip);
    }
    for (const [i, m] of members.entries()) {
      const stars = starsOf(r);
      await rateMember(tx, staff, m.id, { year: thisYear - 1, stars, note: STAR_NOTES[stars] ?? null }, new Date(starsAt.getTime() + i * 60_000), ip);
      rated++;
    }
  });
  await db.transaction(async (tx) => {
    for (const [i, m] of members.entries()) {
      // most this year's commitments came in during the first week, a few later
      const daysAgo = i % 5 === 4 ? 14 : r.int(22, 28);
      const at = new Date(beijingAt(now, daysAgo, [9, 0]).getTime() + i * 5 * 60_000);
      await saveCommitments(tx, staff, m.id, { year: thisYear, postId: posts.get(m.grid_id) ?? centre, commitments: commitmentsOf(r, r.int(2, 3)) }, at, ip);
      committed++;
    }
  });
  return `${posts.size + 2} 微阵地, ${committed} party members' commitments for ${thisYear}, ${rated} rated for ${thisYear - 1}`;
}
