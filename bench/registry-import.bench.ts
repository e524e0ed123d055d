// Registry import (issue 11): residents from a generated .xlsx through the import job's own path — the upload stored
// sealed, the shared strings read, every row checked (domain checkRow), placed, matched against the file and the
// registry, sealed (ID number, phone), hashed and written in batches of 1,000 with a history row each — in rows per
// second at 10,000 and 100,000 rows, against two baselines measured in the same run on the same file and database:
// reading the file alone (what streaming an .xlsx costs at best) and a bare multi-row insert of the same rows into a
// plain table (what the database takes at best). Memory is sampled every 20 ms during each import: the JS heap's peak
// above what it was before, and the process RSS, at both sizes — flat means the 100,000-row peak is not ~10× the
// 10,000-row one. PostgreSQL with BENCH_DATABASE_URL, else PGlite (whose in-memory store grows the RSS with the rows
// written: there only the heap says whether the import's own memory is flat).
import { mkdtempSync, rmSync, createReadStream, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { createScratchDatabase } from '../test/support/scratch-database.ts';
import { openPglite, openPostgres, type Db } from '../src/server/platform/db/db.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { loadPiiKey } from '../src/server/platform/pii-cipher.ts';
import { buildApp, type App } from '../src/server/app.ts';
import { seedDemo } from '../src/server/platform/seed/seed-demo.ts';
import { idNumberCheckDigit } from '../src/domain/registry/id-number.ts';
import { ImportFiles } from '../src/server/registry/import-file.ts';
import { readRows, readSharedStrings } from '../src/server/registry/import-reader.ts';
import { importerReach, runImport, type ImportServices } from '../src/server/registry/run-import.ts';
import { startImport } from '../src/server/registry/start-import.ts';
import { findImporter, getImport } from '../src/server/registry/import-store.ts';
import { fmt, type BenchContext } from './harness.ts';

export const name = 'registry-import';
export const description = 'residents from .xlsx through the import job (check, place, seal, write) vs reading the file alone and a bare multi-row insert; peak memory at 10k and 100k rows';

const HEADER = ['姓名', '身份证号', '性别', '出生日期', '手机号', '住址', '与户主关系', '人员标签', '是否党员', '经度', '纬度', '备注'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '秀英建国桂兰志强淑芬海燕明辉晓燕国华玉梅德胜春花';
const TAGS = ['', '', '', '独居老人', '高龄老人', '党员', '退役军人', '空巢老人、高龄老人'];
const DAY = 86_400_000;

function idNumber(i: number): string {
  const birth = new Date(Date.UTC(1940, 0, 1) + (i % 25_000) * DAY).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `500103${birth}${String(Math.floor(i / 25_000) % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckDigit(first17);
}

/** A file of `n` residents from sequence `from`, written by ExcelJS with shared strings (as Excel writes them). */
async function writeFile(file: string, n: number, from: number, at: { lng: number; lat: number }): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = wb.addWorksheet('居民');
  sheet.addRow(HEADER).commit();
  for (let k = 0; k < n; k++) {
    const i = from + k;
    const name = SURNAMES[i % SURNAMES.length]! + GIVEN.slice((i * 2) % (GIVEN.length - 1), ((i * 2) % (GIVEN.length - 1)) + 2);
    const located = k % 2 === 0;
    sheet.addRow([
      name, idNumber(i), '', '', `139${String(i).padStart(8, '0')}`, `春晖路${(i % 300) + 1}号${(i % 12) + 1}栋${(i % 40) + 101}`,
      '', TAGS[i % TAGS.length], '', located ? at.lng + ((k % 7) - 3) * 0.0002 : null, located ? at.lat + ((k % 5) - 2) * 0.0002 : null, '',
    ]).commit();
  }
  sheet.commit();
  await wb.commit();
}

interface Peak { heapMb: number; liveMb: number; rssMb: number; heapBaseMb: number }

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Runs `fn` while sampling memory: the heap and RSS every 20 ms (their peaks hold garbage not yet collected), and every
 * 2 s after a full collection — what the import keeps alive (`liveMb`), the figure that says whether it grows.
 */
async function sampled<T>(fn: () => Promise<T>): Promise<{ result: T; peak: Peak }> {
  gc();
  const base = process.memoryUsage();
  let heap = base.heapUsed, rss = base.rss, live = base.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    rss = Math.max(rss, m.rss);
  }, 20);
  const collect = setInterval(() => {
    gc();
    live = Math.max(live, process.memoryUsage().heapUsed);
  }, 2000);
  try {
    const result = await fn();
    return { result, peak: { heapMb: (heap - base.heapUsed) / 1e6, liveMb: (live - base.heapUsed) / 1e6, rssMb: rss / 1e6, heapBaseMb: base.heapUsed / 1e6 } };
  } finally {
    clearInterval(timer);
    clearInterval(collect);
  }
}

export async function run(ctx: BenchContext): Promise<void> {
  const url = ctx.env.BENCH_DATABASE_URL;
  const scratch = url ? await createScratchDatabase(url, 'zhizhi_bench') : null;
  const db: Db = scratch ? await openPostgres(scratch.url, 4) : await openPglite(undefined);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhizhi-bench-import-'));
  let app: App | null = null;
  try {
    await migrate(db);
    await seedDemo(db);
    app = await buildApp({ db, config: { ...loadConfig({ DATA_DIR: dataDir }), webDist: '/nonexistent' } });
    await app.ready();
    const files = new ImportFiles(dataDir, loadPiiKey(dataDir));
    const svc: ImportServices = { db, pii: app.pii, locator: app.locator, files, clock: () => new Date() };
    const account = (await db.query<{ id: string }>(`select id from accounts where username = 'gridworker'`)).rows[0]!.id;
    const reach = importerReach((await findImporter(db, account))!)!;
    const scope = (await db.query<{ scope_org_unit_id: string }>('select scope_org_unit_id from accounts where id = $1', [account])).rows[0]!.scope_org_unit_id;
    const grid = (await db.query<{ geometry: { coordinates: number[][][] } }>(`select geometry from org_units where code = '500199001001001'`)).rows[0]!.geometry;
    const ring = grid.coordinates[0]!.slice(0, -1);
    const at = { lng: ring.reduce((s, p) => s + p[0]!, 0) / ring.length, lat: ring.reduce((s, p) => s + p[1]!, 0) / ring.length };
    ctx.log(`store: ${db.kind}; importer: the demo grid worker (half the rows by coordinates, half by address into its grid)`);

    let next = 0;
    const importFile = async (file: string) => {
      const started = await startImport(db, files, { ...reach, scopeOrgUnitId: scope }, {
        kind: 'residents', mode: 'allValid', fileName: path.basename(file), idempotencyKey: null, body: createReadStream(file), now: new Date(),
      });
      await runImport(svc, started.id);
      return (await getImport(db, started.id))!;
    };
    // warm-up: JIT, the locator, the tag catalog
    const warm = path.join(dataDir, 'warm.xlsx');
    await writeFile(warm, 1000, next, at);
    next += 1000;
    await importFile(warm);

    await db.exec(`create table bench_bare (id text primary key, name text, id_number text, phone text, address text, tags text[], lng double precision, lat double precision)`);
    const peaks = new Map<number, Peak>();
    const sizes = [Math.max(1000, Math.round(10_000 * ctx.scale)), Math.max(10_000, Math.round(100_000 * ctx.scale))];
    for (const n of sizes) {
      const file = path.join(dataDir, `residents-${n}.xlsx`);
      const from = next;
      await writeFile(file, n, from, at);
      next += n;
      ctx.log(`${fmt(n)} rows: ${(statSync(file).size / 1e6).toFixed(1)} MB .xlsx with shared strings`);
      const label = `${fmt(n)} rows`;

      // baseline 1: the same file read alone (its shared strings, then every row), from the same sealed store
      const readId = '00000000-0000-4000-8000-' + String(n).padStart(12, '0');
      await files.save(readId, createReadStream(file), 1e9);
      await ctx.measure(`read the .xlsx alone, ${label}`, { ops: n, unit: 'rows', rounds: 1, warmup: 0 }, async () => {
        const strings = await readSharedStrings(await files.open(readId));
        let rows = 0;
        for await (const _ of readRows(await files.open(readId), 'xlsx', strings)) rows++;
        if (rows !== n + 1) throw new Error(`read ${rows} rows of ${n + 1}`);
      });

      // baseline 2: a bare multi-row insert of the same rows (1,000 a statement, one transaction each), no checks
      await ctx.measure(`bare multi-row insert, ${label}`, { ops: n, unit: 'rows', rounds: 1, warmup: 0 }, async () => {
        for (let k = 0; k < n; k += 1000) {
          const batch = Array.from({ length: Math.min(1000, n - k) }, (_, j) => {
            const i = from + k + j;
            return { id: `${n}-${i}`, name: `居民${i}`, id_number: idNumber(i), phone: `139${String(i).padStart(8, '0')}`, address: `春晖路${i % 300}号`, tags: [], lng: at.lng, lat: at.lat };
          });
          await db.transaction((tx) => tx.query(
            `insert into bench_bare select * from jsonb_to_recordset($1::jsonb) as x(id text, name text, id_number text, phone text, address text, tags text[], lng double precision, lat double precision)`,
            [JSON.stringify(batch)]));
        }
      });

      let imported: Awaited<ReturnType<typeof importFile>> | null = null;
      let peak: Peak | null = null;
      await ctx.measure(`import (upload → job → written), ${label}`, { ops: n, unit: 'rows', rounds: 1, warmup: 0, vs: `read the .xlsx alone, ${label}`, target: 5000 }, async () => {
        const s = await sampled(() => importFile(file));
        imported = s.result;
        peak = s.peak;
      });
      const done = imported as unknown as { status: string; accepted: number; rejected_count: number };
      ctx.check(`every row written, ${label}`, done.status === 'done' && done.accepted === n && done.rejected_count === 0,
        `${done.status}: ${fmt(done.accepted)} written, ${fmt(done.rejected_count)} refused`);
      ctx.compare(`import ÷ bare insert, ${label}`, `import (upload → job → written), ${label}`, `bare multi-row insert, ${label}`);
      const p = peak as unknown as Peak;
      peaks.set(n, p);
      ctx.log(`memory during the import of ${label}: live heap (after GC) +${p.liveMb.toFixed(1)} MB, heap peak +${p.heapMb.toFixed(0)} MB over ${p.heapBaseMb.toFixed(0)} MB before; process RSS peak ${p.rssMb.toFixed(0)} MB`);
    }
    const [small, large] = sizes.map((n) => peaks.get(n)!);
    // flat: what the import keeps alive may grow by its per-row keys (the duplicate check, ~50 bytes a row, and the
    // shared strings, ~30), not by the rows themselves
    const allowance = (sizes[1]! - sizes[0]!) * 100 / 1e6;
    const grew = large!.liveMb - small!.liveMb;
    ctx.check(`memory flat: live heap at ${fmt(sizes[1]!)} rows within ${allowance.toFixed(0)} MB of ${fmt(sizes[0]!)}`, grew <= allowance + 8,
      `live heap +${large!.liveMb.toFixed(1)} MB at ${fmt(sizes[1]!)} rows vs +${small!.liveMb.toFixed(1)} MB at ${fmt(sizes[0]!)}; heap peak +${large!.heapMb.toFixed(0)} vs +${small!.heapMb.toFixed(0)} MB; RSS peak ${small!.rssMb.toFixed(0)} → ${large!.rssMb.toFixed(0)} MB`);
  } finally {
    await app?.close();
    await db.close();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
