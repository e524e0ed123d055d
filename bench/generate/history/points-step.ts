// 微积分 over the history: a share of the communities publish the demo's 积分细则 at the start (through the app's own
// saveRules and publishRules write them), then month by month their households earn points for courtyards and sorting (within the
// rules' monthly caps), now and then a good deed, and lose a few for litter (never below zero). Written as the ledger
// writes them: one transaction per award or deduction, two entries summing to zero (the household's, the community's
// issuing account's), and every account's balance the sum of its entries.
import type pg from 'pg';
import type { GenerateContext, GenerateStep } from '../context.ts';
import { Random } from '../../../src/server/cases/demo/random.ts';
import { DEMO_POINT_RULES } from '../../../src/server/points/demo/ledger-demo.ts';
import { copyLines, copyTogether, line } from '../copy.ts';
import { uuidFrom } from './ids.ts';
import { shanghaiMidnight } from './rhythm.ts';

const DAY = 86_400_000;
/** the share of communities that keep 微积分 books, and of their households that take part */
const COMMUNITY_SHARE = 0.3;
const HOUSEHOLD_SHARE = 0.7;

interface MonthlyRule { code: string; points: number; chance: number; kind: 'award' | 'deduction' }
/** what a household of a community with books earns or loses in a month (each at most once a month, under its cap) */
const MONTHLY: MonthlyRule[] = [
  { code: 'courtyardClean', points: 10, chance: 0.6, kind: 'award' },
  { code: 'garbageSorting', points: 5, chance: 0.7, kind: 'award' },
  { code: 'goodDeed', points: 30, chance: 0.03, kind: 'award' },
  { code: 'filialPiety', points: 20, chance: 0.03, kind: 'award' },
  { code: 'litter', points: 5, chance: 0.04, kind: 'deduction' },
  { code: 'corridorClutter', points: 5, chance: 0.03, kind: 'deduction' },
];

export const pointsStep: GenerateStep = {
  name: 'points',
  async run(ctx) {
    const s = await generatePoints(ctx);
    ctx.log(`  points: ${s.communities} communities with books, ${s.accounts.toLocaleString('en-US')} accounts, ${s.transactions.toLocaleString('en-US')} transactions`);
  },
};

export async function generatePoints(ctx: GenerateContext): Promise<{ communities: number; accounts: number; transactions: number }> {
  const { pool } = ctx;
  const r = new Random(Math.floor(ctx.random('points')() * 2 ** 32));
  const ids = ctx.random('point ids');
  const now = ctx.now.getTime();
  const start = shanghaiMidnight(now) - (ctx.scale.historyDays - 1) * DAY + 9 * 3_600_000;
  const communities = (await pool.query<{ id: string; path: string; name: string; level: string; staff_id: string | null; staff_name: string | null }>(
    `select c.id, c.path, c.name, c.level, a.id as staff_id, a.name as staff_name from org_units c
       left join lateral (select id, name from accounts where scope_org_unit_id = c.id and 'communityStaff' = any(roles) and disabled_at is null
                          order by username limit 1) a on true
      where c.level = 'community' and exists (select 1 from registry_households h join org_units g on g.id = h.grid_id where g.parent_id = c.id)
        and not exists (select 1 from point_rule_publications p where p.org_unit_id = c.id)
      order by c.path`)).rows.filter(() => r.chance(COMMUNITY_SHARE));
  const summary = { communities: communities.length, accounts: 0, transactions: 0 };
  const rules: string[] = [];
  const publications: string[] = [];
  const accounts: string[] = [];
  const transactions: string[] = [];
  const entries: string[] = [];
  const flush = async () => {
    await copyLines(pool, 'point_rules', ['org_unit_id', 'org_path', 'code', 'name', 'kind', 'points', 'subject_kind', 'cap_points', 'cap_period',
      'veto_months', 'auto_event', 'sort', 'retired_at', 'version', 'updated_at', 'updated_by'], rules.splice(0));
    await copyLines(pool, 'point_rule_publications', ['org_unit_id', 'version', 'published_at', 'published_by', 'rules'], publications.splice(0));
    await copyLines(pool, 'point_accounts', ['id', 'kind', 'org_unit_id', 'org_path', 'household_id', 'balance', 'created_at'], accounts.splice(0));
    await copyTransactions(pool, transactions.splice(0), entries.splice(0));
  };

  for (const c of communities) {
    // the rules as saveRules writes them and their publication as publishRules snapshots them (version 1)
    rules.push(...DEMO_POINT_RULES.map((x, i) => line([
      c.id, c.path, x.code, x.name, x.kind, x.points, x.subjectKind, x.capPoints ?? null, x.capPeriod ?? null, x.vetoMonths ?? null,
      x.autoEvent ?? null, i, null, 1, new Date(start), c.staff_id])));
    publications.push(line([c.id, 1, new Date(start + 3_600_000), c.staff_id, JSON.stringify(DEMO_POINT_RULES.map((x, i) => ({
      code: x.code, name: x.name, kind: x.kind, points: x.points, subjectKind: x.subjectKind, capPoints: x.capPoints ?? null,
      capPeriod: x.capPeriod ?? null, vetoMonths: x.vetoMonths ?? null, autoEvent: x.autoEvent ?? null, sort: i,
    })))]));
    const households = (await pool.query<{ id: string }>(
      `select h.id from registry_households h join org_units g on g.id = h.grid_id where g.parent_id = $1 and h.retired_at is null order by h.id`, [c.id])).rows
      .filter(() => r.chance(HOUSEHOLD_SHARE));
    const issuer = uuidFrom(ids);
    let issuerBalance = 0;
    const opened = new Date(start + 2 * 3_600_000);
    for (const h of households) {
      const account = uuidFrom(ids);
      let balance = 0;
      for (let month = start + 5 * DAY; month < now; month += 30 * DAY) {
        for (const rule of MONTHLY) {
          if (!r.chance(rule.chance)) continue;
          if (rule.kind === 'deduction' && balance < rule.points) continue;
          const at = month + r.int(0, 27) * DAY + r.int(0, 9 * 60) * 60_000;
          if (at >= now) continue;
          const amount = rule.kind === 'award' ? rule.points : -rule.points;
          const t = uuidFrom(ids);
          const when = new Date(at);
          transactions.push(line([t, rule.kind, rule.code, rule.code, c.id, c.path, account, null, null, null, when, c.staff_id]));
          entries.push(line([t, account, amount, when]), line([t, issuer, -amount, when]));
          balance += amount;
          issuerBalance -= amount;
          summary.transactions++;
        }
      }
      accounts.push(line([account, 'household', c.id, c.path, h.id, balance, opened]));
      summary.accounts++;
    }
    accounts.push(line([issuer, 'issuer', c.id, c.path, null, issuerBalance, opened]));
    summary.accounts++;
    if (transactions.length > 50_000) await flush();
    ctx.progress('points', summary.transactions, summary.transactions);
  }
  await flush();
  return summary;
}

/** The transactions and their entries in one database transaction: the balance check (deferred to commit) sees both. */
async function copyTransactions(pool: pg.Pool, transactions: string[], entries: string[]): Promise<void> {
  if (transactions.length === 0) return;
  await copyTogether(pool, [
    { table: 'point_transactions', columns: ['id', 'kind', 'reason_code', 'rule_code', 'org_unit_id', 'org_path', 'subject_id', 'event_ref', 'reverses_id', 'note', 'at', 'created_by'], lines: transactions },
    { table: 'point_entries', columns: ['transaction_id', 'account_id', 'amount', 'at'], lines: entries },
  ]);
}
