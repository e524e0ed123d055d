// The cases of the history with their timelines: day by day, each report drawn (case-plan.ts), its life simulated with
// the app's own rules (case-life.ts), then written with COPY: the cases of a batch of days, then their events (which
// point at them), while the next batch is drawn. Case numbers follow the town's daily sequence in report order, and
// case_number_counters ends at each town-day's last number, as intake would have left it.
import type pg from 'pg';
import type { GenerateContext, GenerateStep } from '../context.ts';
import { loadWorkingCalendar } from '../../../src/server/calendar/calendar-cache.ts';
import { ensureMonthlyPartitions } from '../../../src/server/platform/db/partitions.ts';
import { loadConfig } from '../../../src/server/platform/config.ts';
import { loadPiiKey, PiiCipher } from '../../../src/server/platform/pii-cipher.ts';
import { caseNumberDay } from '../../../src/domain/cases/case-number.ts';
import { Random } from '../../../src/server/cases/demo/random.ts';
import { inTransaction } from '../ground/tx.ts';
import { loadGround } from './ground.ts';
import { HOUR_WEIGHTS, WORK_HOUR_WEIGHTS, instantIn, openShare, planDays } from './rhythm.ts';
import { callerPool, drawCase, onFoot, pickCumulative, SOURCE_WEIGHTS, townDraw, type Channel } from './case-plan.ts';
import { liveCase } from './case-life.ts';
import { deferIndexes } from './bulk.ts';
import { uuidFrom } from './ids.ts';
import { copyLines, line } from '../copy.ts';

const CASE_COLUMNS = [
  'id', 'number', 'version', 'status', 'town_id', 'grid_id', 'org_path', 'matter_id', 'category_code', 'tier', 'description', 'lng', 'lat',
  'address', 'source', 'reporter_kind', 'reporter_account_id', 'reporter_name', 'reporter_phone', 'reporter_phone_hash', 'assignee',
  'routed_assignee', 'clocks', 'next_check_at', 'suspension', 'escalated_at', 'satisfaction', 'created_at', 'updated_at', 'closed_at',
  'department_ids', 'handled_by', 'resolved_on_spot', 'plans_checked_at',
] as const;
const EVENT_COLUMNS = ['case_id', 'at', 'action', 'actor_id', 'actor_name', 'from_status', 'to_status', 'reason', 'data'] as const;

/** cases a COPY batch holds at most (whole days) */
const BATCH_CASES = 20_000;

export interface CasesSummary { cases: number; events: number; open: number; refused: number }

export const casesStep: GenerateStep = {
  name: 'cases',
  async run(ctx) {
    const s = await generateCases(ctx);
    ctx.log(`  cases: ${s.cases.toLocaleString('en-US')} (${s.open.toLocaleString('en-US')} open), events: ${s.events.toLocaleString('en-US')}${s.refused ? `, ${s.refused} steps refused by the lifecycle` : ''}`);
  },
};

const poolTx = (pool: pg.Pool) => ({
  query: async <T>(sql: string, params: readonly unknown[] = []) => {
    const r = await pool.query(sql, params as unknown[]);
    return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
  },
  exec: async (sql: string) => { await pool.query(sql); },
});

export async function generateCases(ctx: GenerateContext): Promise<CasesSummary> {
  const { pool, scale } = ctx;
  const now = ctx.now.getTime();
  const ground = await loadGround(pool);
  if (ground.towns.length === 0 || scale.cases === 0) return { cases: 0, events: 0, open: 0, refused: 0 };
  const calendar = await loadWorkingCalendar(poolTx(pool));
  const pii = new PiiCipher(loadPiiKey(loadConfig().dataDir));
  const random = new Random(Math.floor(ctx.random('cases')() * 2 ** 32));
  const days = planDays(now, scale.historyDays, scale.cases, ctx.random('case days'));
  const openAt = openShare(days, now, scale.openCases);
  // personal data is sealed as intake seals it; a name or phone met again (callers call again) reuses its sealed value
  const sealedNames = new Map<string, string>();
  const sealName = (n: string) => {
    let v = sealedNames.get(n);
    if (v === undefined) sealedNames.set(n, (v = pii.encrypt(n)));
    return v;
  };
  const sealedPhones = new Map<string, { sealed: string; hash: string }>();
  const sealPhone = (p: string) => {
    let v = sealedPhones.get(p);
    if (v === undefined) {
      if (sealedPhones.size > 500_000) sealedPhones.clear();
      sealedPhones.set(p, (v = { sealed: pii.encrypt(p), hash: pii.lookupHash(p) }));
    }
    return v;
  };

  // the timeline's partitions (migration 039: by the month of the case's creation) exist before the rows come
  const eventColumns: string[] = [...EVENT_COLUMNS];
  const partitioned = (await pool.query(`select 1 from information_schema.columns where table_name = 'case_events' and column_name = 'case_created_at'`)).rowCount! > 0;
  if (partitioned) {
    eventColumns.push('case_created_at');
    await inTransaction(pool, (tx) => ensureMonthlyPartitions(tx, 'case_events', new Date(days[0]!.start), ctx.now));
  }

  const towns = ground.towns;
  const draws = towns.map(townDraw);
  const callers = callerPool(new Random(Math.floor(ctx.random('callers')() * 2 ** 32)), Math.min(300_000, Math.round(scale.cases / 4)));
  const townCumulative: number[] = [];
  let sum = 0;
  for (const t of towns) townCumulative.push((sum += t.grids.length));
  const sourceItems = SOURCE_WEIGHTS.map(([c]) => c);
  const sourceCumulative: number[] = [];
  sum = 0;
  for (const [, w] of SOURCE_WEIGHTS) sourceCumulative.push((sum += w));
  const townIndex = new Map(towns.map((t, i) => [t.id, i]));
  const townIndexes = towns.map((_, i) => i);
  const counters = new Map<string, number>();

  const summary: CasesSummary = { cases: 0, events: 0, open: 0, refused: 0 };
  const restore = scale.cases >= 100_000 ? await deferIndexes(pool, ['cases', 'case_events']) : null;
  let pending: Promise<void> = Promise.resolve();
  let batchCases: string[] = [];
  let batchEvents: string[] = [];
  let idSeq = 0;
  const idRandom = ctx.random('case ids');

  const flush = async () => {
    const cases = batchCases;
    const events = batchEvents;
    batchCases = [];
    batchEvents = [];
    await pending;
    pending = (async () => {
      await copyLines(pool, 'cases', CASE_COLUMNS, cases);
      await copyLines(pool, 'case_events', eventColumns, events);
    })();
  };

  try {
    for (const day of days) {
      const reports: { at: number; town: number; channel: Channel; open: boolean }[] = [];
      for (let i = 0; i < day.cases; i++) {
        const channel = pickCumulative(sourceItems, sourceCumulative, random.next());
        const at = instantIn(day, onFoot(channel) ? WORK_HOUR_WEIGHTS : HOUR_WEIGHTS, () => random.next());
        const town = pickCumulative(townIndexes, townCumulative, random.next());
        reports.push({ at, town, channel, open: random.next() < openAt(now - at) });
      }
      reports.sort((a, b) => a.at - b.at);
      const dayKey = caseNumberDay(new Date(day.start + 12 * 3_600_000));
      for (const rep of reports) {
        const town = towns[rep.town]!;
        const r = random.fork(`case ${idSeq}`);
        const drawn = drawCase(r, town, draws[rep.town]!, rep.at, rep.channel, rep.open, now, callers);
        if (!drawn) continue;
        const id = uuidFrom(idRandom);
        idSeq++;
        const key = `${town.id}|${dayKey}`;
        const seq = (counters.get(key) ?? 0) + 1;
        counters.set(key, seq);
        const number = `${town.code.slice(0, 9)}-${dayKey}-${String(seq).padStart(4, '0')}`;
        const life = liveCase({ ...drawn.input, id }, ground, calendar, now, r);
        summary.refused += life.refused;
        const st = life.state;
        if (st.status !== 'closed' && st.status !== 'rejected') summary.open++;
        const created = new Date(rep.at);
        const { name, phone } = drawn.contact;
        const sealedPhone = phone ? sealPhone(phone) : null;
        batchCases.push(line([
          id, number, st.version,
          st.status, town.id, drawn.input.grid.id, drawn.input.grid.path, drawn.input.matter.row.id, drawn.input.matter.row.code, st.tier,
          drawn.description, drawn.location.lng, drawn.location.lat, drawn.address, drawn.input.source, drawn.input.reporterKind,
          drawn.input.reporter?.id ?? null, name ? sealName(name) : null, sealedPhone?.sealed ?? null, sealedPhone?.hash ?? null,
          st.assignee, st.routedAssignee, life.clocks, life.nextCheckAt === null ? null : new Date(life.nextCheckAt), st.suspension,
          st.escalatedAt, st.satisfaction, created, new Date(life.updatedAt), life.closedAt === null ? null : new Date(life.closedAt),
          [...st.departmentsReached], st.handledBy, st.resolvedOnSpot, created,
        ]));
        for (const e of life.events) {
          const row: unknown[] = [id, new Date(e.at), e.action, e.actorId, e.actorName, e.from, e.to, e.reason, e.data];
          if (partitioned) row.push(created);
          batchEvents.push(line(row));
        }
        summary.cases++;
        summary.events += life.events.length;
        if (summary.cases % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      if (batchCases.length >= BATCH_CASES) await flush();
      ctx.progress('cases', summary.cases, scale.cases);
    }
    await flush();
    await pending;
    ctx.progress('cases', summary.cases, scale.cases);
    await ctx.copy('case_number_counters', ['town_id', 'day', 'seq'], (function* () {
      for (const [key, seq] of counters) {
        const [townId, day] = key.split('|');
        if (townIndex.has(townId!)) yield [townId, day, seq];
      }
    })());
  } finally {
    await pending.catch(() => undefined);
    if (restore) await restore();
  }
  return summary;
}
