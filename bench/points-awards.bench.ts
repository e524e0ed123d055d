// 微积分's ledger under load on PostgreSQL (issue 16: "awards per second through postTransaction with the invariants
// checked at the end, against a bare insert of the same rows; target ≥ 5,000/s and ≥ ×0.3").
// Four communities, each with its households and issuing account; four workers award in parallel (one a community,
// as the closed-case job or a day's assessments would), each database transaction holding 50 awards, every award
// through postTransaction (the transaction, its two entries and both balances in one statement, the unique key of
// (rule, subject, event), the balance checks, the deferred zero-sum trigger). The baseline inserts the same rows,
// batched and run in parallel the same way, into bare copies of the two tables (no keys, checks or triggers), with no
// balance to keep. At the end: the books balance, every balance equals its entries, none below zero but the issuers',
// and repeated awards are answered with the first. Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL).
import { openPostgres, type Db } from '../src/server/platform/db/db.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { issuerAccount, postTransaction, subjectAccount } from '../src/server/points/ledger.ts';
import { createScratchDatabase } from '../test/support/scratch-database.ts';
import type { BenchContext } from './harness.ts';

export const name = 'points-awards';
export const description = 'points awards through postTransaction (double entry, balances, idempotency) vs a bare insert of the same rows, PostgreSQL; target ≥ 5,000/s and ≥ ×0.3';

const COMMUNITIES = 4;
const BATCH = 50;
const TARGET = 5_000;

interface Community { id: string; path: string; issuer: string; accounts: string[] }

async function load(db: Db, households: number): Promise<Community[]> {
  const now = new Date('2026-11-23T09:00:00+08:00');
  await db.exec(`
    insert into org_units (id, parent_id, level, code, name, path) values ('bc', null, 'city', 'PB0', '压测市', '/bc/');
    insert into org_units (id, parent_id, level, code, name, path) values ('bt', 'bc', 'town', 'PB1', '压测街道', '/bc/bt/');
    insert into org_units (id, parent_id, level, code, name, path)
      select 'cm' || c, 'bt', 'community', 'PBC' || c, '压测社区' || c, '/bc/bt/cm' || c || '/' from generate_series(1, ${COMMUNITIES}) c;
    insert into org_units (id, parent_id, level, code, name, path)
      select 'gd' || c, 'cm' || c, 'grid', 'PBG' || c, '压测社区' || c || '第1网格', '/bc/bt/cm' || c || '/gd' || c || '/' from generate_series(1, ${COMMUNITIES}) c;
    insert into registry_households (id, town_id, grid_id, org_path, address, created_at, updated_at)
      select 'h' || i, 'bt', 'gd' || (1 + i % ${COMMUNITIES}), '/bc/bt/cm' || (1 + i % ${COMMUNITIES}) || '/gd' || (1 + i % ${COMMUNITIES}) || '/',
             '压测路' || i || '号', now(), now()
        from generate_series(1, ${households}) i;
  `);
  const out: Community[] = [];
  for (let c = 1; c <= COMMUNITIES; c++) {
    const community: Community = { id: `cm${c}`, path: `/bc/bt/cm${c}/`, issuer: '', accounts: [] };
    await db.transaction(async (tx) => {
      community.issuer = (await issuerAccount(tx, community.id, now)).id;
      const ids = (await tx.query<{ id: string }>(`select id from registry_households where grid_id = $1 order by id`, [`gd${c}`])).rows;
      for (const h of ids) community.accounts.push((await subjectAccount(tx, { householdId: h.id }, now)).id);
    });
    out.push(community);
  }
  await db.exec(`
    create table bench_bare_transactions (like point_transactions including defaults);
    create table bench_bare_entries (like point_entries);
    alter table bench_bare_entries alter column id add generated always as identity;
    analyze;
  `);
  return out;
}

const BARE_SQL = `
with t as (
  insert into bench_bare_transactions (kind, reason_code, rule_code, org_unit_id, org_path, subject_id, event_ref, note, at, created_by)
  values ('award', $1, $1, $2, $3, $4, $5, null, $6, null)
  returning id, at
)
insert into bench_bare_entries (transaction_id, account_id, amount, at)
select t.id, v.account_id, v.amount, t.at from t, unnest($7::text[], $8::bigint[]) v(account_id, amount)`;

export async function run(ctx: BenchContext): Promise<void> {
  const server = ctx.env.BENCH_DATABASE_URL ?? ctx.env.TEST_DATABASE_URL;
  if (!server) {
    ctx.skip('points awards (PostgreSQL)', 'set BENCH_DATABASE_URL=postgres://user:pass@host/db (a role that may create databases)');
    return;
  }
  const households = Math.max(2_000, Math.round(20_000 * ctx.scale));
  const batchesPerWorker = Math.max(2, Math.round(10 * ctx.scale));
  const perRound = COMMUNITIES * batchesPerWorker * BATCH;
  const scratch = await createScratchDatabase(server, 'zhizhi_bench');
  const db = await openPostgres(scratch.url, COMMUNITIES + 1);
  try {
    await migrate(db);
    const communities = await load(db, households);
    ctx.log(`${households} households in ${COMMUNITIES} communities; ${COMMUNITIES} workers × ${batchesPerWorker} transactions × ${BATCH} awards a round`);
    const at = new Date('2026-11-23T10:00:00+08:00');
    let awardsMade = 0;

    /** one round: every worker its community, `batchesPerWorker` database transactions of BATCH awards each */
    const round = (tag: string, one: (tx: Parameters<Parameters<Db['transaction']>[0]>[0], c: Community, account: string, eventRef: string) => Promise<unknown>) =>
      Promise.all(communities.map(async (c, w) => {
        for (let b = 0; b < batchesPerWorker; b++) {
          await db.transaction(async (tx) => {
            for (let i = 0; i < BATCH; i++) {
              const n = (b * BATCH + i) % c.accounts.length;
              await one(tx, c, c.accounts[n]!, `${tag}:${w}:${b}:${i}`);
            }
          });
        }
      }));

    await ctx.measure('bare insert (transaction + 2 entries)', { ops: perRound, unit: 'awards', rounds: 5, warmup: 1 }, (r) =>
      round(`bare${r}`, (tx, c, account, eventRef) => tx.query(BARE_SQL, ['clean', c.id, c.path, account, eventRef, at, [account, c.issuer], [10, -10]])));

    await ctx.measure('postTransaction (award)', { ops: perRound, unit: 'awards', rounds: 5, warmup: 1, vs: 'bare insert (transaction + 2 entries)', target: TARGET }, async (r) => {
      await round(`award${r}`, (tx, c, account, eventRef) => postTransaction(tx, {
        kind: 'award', reasonCode: 'clean', ruleCode: 'clean', subjectAccountId: account, orgUnitId: c.id, eventRef, at, by: null,
        entries: [{ accountId: account, amount: 10 }, { accountId: c.issuer, amount: -10 }],
      }));
      awardsMade += perRound;
    });
    ctx.compare('postTransaction / bare insert', 'postTransaction (award)', 'bare insert (transaction + 2 entries)', { target: 0.3 });

    // the invariants, on the books the run left
    const repeats = await db.transaction(async (tx) => {
      const c = communities[0]!;
      const again = await postTransaction(tx, {
        kind: 'award', reasonCode: 'clean', ruleCode: 'clean', subjectAccountId: c.accounts[0]!, orgUnitId: c.id, eventRef: 'award0:0:0:0', at, by: null,
        entries: [{ accountId: c.accounts[0]!, amount: 10 }, { accountId: c.issuer, amount: -10 }],
      });
      return again;
    });
    ctx.check('a repeated award answers the first', repeats.created === false, `created: ${repeats.created}`);
    const books = (await db.query<{ total: number; txs: number; unbalanced: number; mismatched: number; negative: number }>(`
      select (select coalesce(sum(amount), 0)::bigint from point_entries) as total,
             (select count(*)::int from point_transactions) as txs,
             (select count(*)::int from (select transaction_id from point_entries group by transaction_id having sum(amount) <> 0) x) as unbalanced,
             (select count(*)::int from point_accounts a left join (select account_id, sum(amount) s from point_entries group by account_id) e on e.account_id = a.id
               where a.balance <> coalesce(e.s, 0)) as mismatched,
             (select count(*)::int from point_accounts where kind <> 'issuer' and balance < 0) as negative`)).rows[0]!;
    ctx.check('the books balance (all entries sum to 0, each transaction too)', Number(books.total) === 0 && books.unbalanced === 0, `sum ${books.total}, ${books.unbalanced} unbalanced`);
    ctx.check('every stored balance equals the sum of its entries', books.mismatched === 0, `${books.mismatched} accounts differ`);
    ctx.check('no balance below zero but the issuers\'', books.negative === 0, `${books.negative} negative`);
    ctx.check('one transaction per award made', books.txs >= awardsMade && books.txs <= awardsMade + perRound, `${books.txs} transactions for ${awardsMade} timed awards (+ the warm-up round)`);
  } finally {
    await db.close();
    await scratch.drop();
  }
}
