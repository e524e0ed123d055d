import type { DemoContext } from '../../platform/capability.ts';
import type { Tx } from '../../platform/db/db.ts';
import { PiiCipher, loadPiiKey } from '../../platform/pii-cipher.ts';
import { appendAudit } from '../../audit/audit-log.ts';
import { demoPrincipal } from '../../disputes/demo/demo-store.ts';
import { personOfAccount } from '../../participation/person.ts';
import { readerOf, type PointsReader } from '../supermarket-store.ts';
import { cancelRedemption, expireReservations, pickUp, redeem } from '../redemption-commands.ts';
import { deriveMarks, lastMonthOf } from '../civility.ts';
import { monthBounds } from '../statements.ts';

/*
 * 积分超市's demo (issue 16, H5): 春晖社区's supermarket with its goods, six weeks of redemptions at the desk by households
 * of its grids that had the points then (most handed over a day or two later, one cancelled, one left to expire), a
 * reservation of 周淑芬's household waiting for pickup, and last month's 红黑榜/文明户 derived on the 1st. Made through
 * the supermarket's own commands with the clock of each day; runs after the ledger's demo (whose awards it spends), and
 * does nothing when the supermarket has goods already.
 */

const DAY = 86_400_000;
const GOODS: [string, string, number, number][] = [
  ['大米 5kg', '东北珍珠米，每户每月限兑 2 袋', 60, 40], ['食用油 1.8L', '非转基因压榨菜籽油', 50, 30], ['土鸡蛋（10 枚）', '本地农户散养', 20, 60],
  ['洗衣液 2kg', '', 35, 30], ['香皂（3 块装）', '', 10, 80], ['纯棉毛巾', '', 15, 50], ['抽纸（6 包）', '', 12, 60], ['牙膏', '', 18, 40],
  ['酱油 500ml', '', 15, 40], ['折叠雨伞', '', 45, 20],
];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The household's balance at `at` and its lowest balance from then on (a redemption then must leave neither below zero). */
async function spendable(tx: Tx, householdId: string, at: Date): Promise<number> {
  const r = await tx.query<{ then: string | null; low: string | null }>(
    `with e as (select e.at, e.amount from point_entries e join point_accounts a on a.id = e.account_id
                 where a.household_id = $1 and a.kind = 'household'),
          running as (select at, sum(amount) over (order by at rows unbounded preceding) as bal from e)
     select (select coalesce(sum(amount), 0) from e where at <= $2) as then,
            (select min(bal) from running where at > $2) as low`, [householdId, at]);
  const then = Number(r.rows[0]?.then ?? 0);
  const low = r.rows[0]?.low === null || r.rows[0]?.low === undefined ? then : Math.min(then, Number(r.rows[0].low));
  return low;
}

export async function demoSupermarket(ctx: DemoContext): Promise<string | null> {
  const pii = new PiiCipher(loadPiiKey(ctx.config.dataDir));
  const keeper = await demoPrincipal(ctx.db, 'community');
  if (!keeper?.scopeOrgUnitId) return null;
  const community = (await ctx.db.query<{ id: string; path: string; name: string; level: string }>(
    'select id, path, name, level from org_units where id = $1', [keeper.scopeOrgUnitId])).rows[0];
  if (!community || community.level !== 'community') return null;
  if ((await ctx.db.query('select 1 from point_goods where org_unit_id = $1 limit 1', [community.id])).rows.length) return null;

  const rand = rng(ctx.seed ^ 0x5eed16);
  const start = new Date(ctx.now.getTime() - 42 * DAY);
  const goods = await ctx.db.transaction(async (tx) => {
    const ids: { id: string; name: string; price: number }[] = [];
    for (const [name, description, price, stock] of GOODS) {
      const g = await tx.query<{ id: string }>(
        `insert into point_goods (org_unit_id, org_path, name, description, price_points, stock, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $7) returning id`, [community.id, community.path, name, description || null, price, stock, start]);
      ids.push({ id: g.rows[0]!.id, name, price });
      await appendAudit(tx, {
        at: start, actorId: keeper.accountId, actorName: keeper.name, ip: '127.0.0.1', action: 'points.goods.create', targetType: 'point_goods',
        targetId: g.rows[0]!.id, success: true, detail: { name, pricePoints: price, stock, orgUnit: community.name },
      });
    }
    return ids;
  });

  const households = (await ctx.db.query<{ id: string }>(
    `select h.id from registry_households h join point_accounts a on a.household_id = h.id and a.kind = 'household'
      where h.org_path like $1 and h.retired_at is null and a.balance > 0 order by a.balance desc, h.id limit 40`, [`${community.path}%`])).rows.map((r) => r.id);
  const resident = await demoPrincipal(ctx.db, 'resident');
  const her = resident ? await personOfAccount(ctx.db, pii, resident.accountId) : null;

  let made = 0;
  let expired = 0;
  // six weeks of the desk: a few redemptions on most days, handed over a day or two later
  for (let day = 40; day >= 2; day--) {
    const n = Math.floor(rand() * 3);
    if (n === 0 || households.length === 0) continue;
    await ctx.db.transaction(async (tx) => {
      const r: PointsReader = await readerOf(tx, pii, keeper);
      for (let i = 0; i < n; i++) {
        const householdId = households[Math.floor(rand() * households.length)]!;
        if (householdId === her?.householdId) continue;
        const g = goods[Math.floor(rand() * goods.length)]!;
        const qty = g.price <= 20 && rand() < 0.4 ? 2 : 1;
        const at = new Date(ctx.now.getTime() - day * DAY + (9 + Math.floor(rand() * 8)) * 3_600_000);
        if (await spendable(tx, householdId, at) < g.price * qty) continue;
        const rd = await redeem(tx, pii, r, { goodsId: g.id, qty, householdId }, { now: at, requestKey: null, ip: '127.0.0.1' });
        made++;
        const fate = rand();
        if (fate < 0.06 && day > 9 && expired === 0) {
          expired += await expireReservations(tx, new Date(at.getTime() + 8 * DAY));
        } else if (fate < 0.12) {
          await cancelRedemption(tx, r, rd.id, '居民改兑其他商品', { now: new Date(at.getTime() + 3_600_000), requestKey: null, ip: '127.0.0.1' });
        } else if (day > 1) {
          const code = (await tx.query<{ pickup_code: string }>('select pickup_code from point_redemptions where id = $1', [rd.id])).rows[0]!.pickup_code;
          const pickAt = new Date(Math.min(at.getTime() + (1 + Math.floor(rand() * 2)) * DAY, ctx.now.getTime() - 3_600_000));
          await pickUp(tx, r, { pickupCode: code, orgUnitId: community.id }, { now: pickAt, requestKey: null, ip: '127.0.0.1' });
        }
      }
    });
  }

  // 周淑芬's household: a bag of rice reserved yesterday, waiting for pickup
  if (her?.householdId && resident) {
    await ctx.db.transaction(async (tx) => {
      const at = new Date(ctx.now.getTime() - DAY + 2 * 3_600_000);
      const rice = goods[0]!;
      if (await spendable(tx, her.householdId!, at) < rice.price) return;
      await redeem(tx, pii, await readerOf(tx, pii, resident), { goodsId: rice.id, qty: 1 }, { now: at, requestKey: null, ip: '127.0.0.1' });
      made++;
    });
  }

  // last month's 红黑榜 and 文明户, derived by the monthly job on the 1st at 03:00
  const thisMonth = new Date(ctx.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
  const derivedAt = new Date(monthBounds(thisMonth).from.getTime() + 3 * 3_600_000);
  const marks = derivedAt < ctx.now
    ? await ctx.db.transaction((tx) => deriveMarks(tx, community, lastMonthOf(derivedAt), derivedAt, { id: null, name: null, ip: null }))
    : null;
  return `${community.name}积分超市: ${goods.length} goods, ${made} redemptions (${expired} expired)`
    + (marks ? `, ${marks.red} on the red list, ${marks.black} on the black list, ${marks.civilized} 文明户` : '');
}
