import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPglite, openPostgres, type Db } from '../../src/server/platform/db/db.ts';
import { migrate } from '../../src/server/platform/db/migrate.ts';
import { seedDemo, DEMO_PASSWORD } from '../../src/server/platform/seed/seed-demo.ts';
import { phoneNumber } from '../../src/server/platform/seed/demo-town.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { isLocalClient, tokensMatch } from '../../src/server/platform/backup/token.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { createScratchDatabase } from '../support/scratch-database.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { makeJpeg } from '../support/images.ts';

/**
 * Backup and restore, end to end: data created through the API, `npm run backup` while the server runs,
 * `npm run restore` into an empty data folder (or an empty database), and everything found again.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const temps: string[] = [];
const tempDir = (label: string) => {
  const d = mkdtempSync(path.join(tmpdir(), `zhizhi-${label}-`));
  temps.push(d);
  return d;
};
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

const freePort = () => new Promise<number>((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => {
    const port = (s.address() as { port: number }).port;
    s.close(() => resolve(port));
  });
});

/** The environment of a child: this one without any store settings, plus `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const k of ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'NODE_ENV', 'JOBS', 'LOG_REQUESTS']) delete base[k];
  return { ...base, ...env };
}

/** Runs `node scripts/<script>.ts args` to completion (bounded), returning exit code and output. */
function runScript(script: string, args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', `${script}.ts`), ...args], { cwd: ROOT, env: childEnv(env) });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d; });
    child.stderr.on('data', (d: Buffer) => { err += d; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${script} timed out:\n${out}\n${err}`)); }, timeoutMs);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, out, err }); });
  });
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const shard = (dataDir: string, hash: string, suffix = '') => path.join(dataDir, 'files', hash.slice(0, 2), `${hash}${suffix}`);

/** A 12345 call with the caller's name and phone: a reporter's name and phone, sealed in the store. */
const CALLER = { name: '备份测试张三', phone: '13800009999' };
const hotlineCall = (here: { lng: number; lat: number }) => ({ categoryCode: 'C0101', description: '备份测试：来电反映井盖缺失', location: here, source: 'hotline', reporter: CALLER });
/** the demo seed gives each account a phone from its username */
const DISPATCHER_PHONE = phoneNumber('dispatcher'.length * 97);

/**
 * The restored store served by an app whose data folder holds `dataDir`'s key (or none): what a dispatcher sees of the
 * caller, what community staff see of the demo grid's team, and the dispatcher's own phone opened with that key.
 */
async function sealedFieldsThrough(db: Db, dataDir: string, caseId: string) {
  const app = await buildApp({ db, config: { ...loadConfig({ DATA_DIR: dataDir }), webDist: '/nonexistent' } });
  try {
    const token = async (username: string) => (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } })).json().token as string;
    const gridId = (await db.query<{ id: string }>('select id from org_units where code = $1', [DEMO_GRID])).rows[0]!.id;
    const detail = await app.inject({ url: `/api/cases/${caseId}`, headers: bearer(await token('dispatcher')) });
    const team = await app.inject({ url: `/api/org-units/${gridId}/team`, headers: bearer(await token('community')) });
    const list = await app.inject({ url: '/api/cases?limit=5', headers: bearer(await token('dispatcher')) });
    const stored = (await db.query<{ phone: string }>(`select phone from accounts where username = 'dispatcher'`)).rows[0]!.phone;
    return {
      statuses: [detail.statusCode, team.statusCode, list.statusCode],
      reporter: detail.json().reporter,
      team: (team.json().members as { phone: string | null; phoneUnavailable: boolean }[]).map((m) => m.phone ?? (m.phoneUnavailable ? 'unavailable' : null)),
      accountPhone: { sealed: stored.startsWith('v1.'), opened: app.pii.tryDecrypt(stored) },
    };
  } finally {
    await app.close();
  }
}

describe('PGlite: backup while the server runs, restore into an empty data folder', () => {
  let server: ChildProcess | null = null;
  let serverLog = '';
  let dataDir: string;
  let base: string;
  let port: number;
  let here: { lng: number; lat: number };
  let jpeg: Buffer;
  let photo: string;
  let theCase: { id: string; number: string };
  let call: { id: string };
  let teamPhones: string[];
  let backupDir: string;
  let restoredDir: string;
  /** cases reported while the backup was being taken */
  let duringBackup = 0;

  const api = async (method: string, url: string, o: { token?: string; body?: unknown; raw?: Buffer; type?: string; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...(o.token ? bearer(o.token) : {}), ...(o.headers ?? {}) };
    let body: BodyInit | undefined;
    if (o.raw) { headers['content-type'] = o.type ?? 'application/octet-stream'; body = new Uint8Array(o.raw); }
    else if (o.body !== undefined) { headers['content-type'] = 'application/json'; body = JSON.stringify(o.body); }
    const res = await fetch(`${base}${url}`, { method, headers, body, signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    let json: any = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, json, text };
  };

  beforeAll(async () => {
    dataDir = tempDir('data');
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [path.join(ROOT, 'src/server/main.ts')], {
      cwd: ROOT, env: childEnv({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', JOBS: 'off', WEB_DIST: '/nonexistent' }),
    });
    server.stdout!.on('data', (d: Buffer) => { serverLog += d; });
    server.stderr!.on('data', (d: Buffer) => { serverLog += d; });
    // meanwhile: where to report, from a seeded reference database (the seed is the same everywhere)
    const ref = await openPglite(undefined);
    await migrate(ref);
    await seedDemo(ref);
    here = await gridCentre(ref, DEMO_GRID);
    await ref.close();
    const deadline = Date.now() + 90_000;
    while (!serverLog.includes('is running at')) {
      if (server.exitCode !== null) throw new Error(`the server exited:\n${serverLog}`);
      if (Date.now() > deadline) throw new Error(`the server did not start in 90 s:\n${serverLog}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 150_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGKILL');
      await new Promise((r) => server!.once('exit', r));
    }
  });

  it('writes a private backup token at start', () => {
    const file = path.join(dataDir, 'backup.token');
    expect(existsSync(file), serverLog).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('creates a case with a photo through the API', async () => {
    const login = await api('POST', '/api/auth/login', { body: { username: 'gridworker', password: DEMO_PASSWORD } });
    expect(login.status, login.text).toBe(200);
    const token = login.json.token as string;
    jpeg = await makeJpeg(800, 600, '#c0392b');
    const up = await api('POST', '/api/files', { token, raw: jpeg, type: 'image/jpeg' });
    expect(up.status, up.text).toBe(201);
    photo = up.json.hash;
    expect(photo).toBe(sha(jpeg));
    const c = await api('POST', '/api/cases', { token, body: { categoryCode: 'C0101', description: '备份测试：春晖路井盖缺失', location: here, photos: [photo] } });
    expect(c.status, c.text).toBe(201);
    theCase = { id: c.json.id, number: c.json.number };
  });

  it('takes a 12345 call with the caller\'s name and phone, and reads the grid team\'s phones', async () => {
    const token = (await api('POST', '/api/auth/login', { body: { username: 'dispatcher', password: DEMO_PASSWORD } })).json.token;
    const c = await api('POST', '/api/cases', { token, body: hotlineCall(here) });
    expect(c.status, c.text).toBe(201);
    expect(c.json.reporter).toMatchObject(CALLER);
    call = { id: c.json.id };
    const community = (await api('POST', '/api/auth/login', { body: { username: 'community', password: DEMO_PASSWORD } })).json.token;
    const grid = (await api('GET', '/api/org-units/locate?lng=' + here.lng + '&lat=' + here.lat, { token: community })).json.grid;
    teamPhones = (await api('GET', `/api/org-units/${grid.id}/team`, { token: community })).json.members.map((m: { phone: string }) => m.phone);
    expect(teamPhones).toHaveLength(6);
    for (const phone of teamPhones) expect(phone).toMatch(/^1\d{10}$/);
  });

  it('refuses the backup endpoint without the token, with a wrong one, or through a proxy', async () => {
    const token = readFileSync(path.join(dataDir, 'backup.token'), 'utf8').trim();
    const tries = [
      await api('POST', '/api/ops/backup'),
      await api('POST', '/api/ops/backup', { headers: { 'x-backup-token': 'x'.repeat(43) } }),
      await api('POST', '/api/ops/backup', { headers: { 'x-backup-token': token.slice(0, -1) } }),
      await api('POST', '/api/ops/backup', { headers: { 'x-backup-token': token, 'x-forwarded-for': '203.0.113.9' } }),
    ];
    for (const r of tries) {
      expect(r.status, r.text).toBe(403);
      expect(r.json.error.code).toBe('FORBIDDEN');
    }
    expect(existsSync(path.join(dataDir, 'backups')), 'nothing was written').toBe(false);
    // and it is documented like every other operation
    const doc = await api('GET', '/docs/json');
    expect(doc.json.paths['/api/ops/backup']?.post, 'POST /api/ops/backup in the OpenAPI document').toBeDefined();
    expect(JSON.stringify(doc.json.paths['/api/ops/backup'].post)).toContain('x-backup-token');
  });

  it('takes a consistent backup through the running server while cases keep coming in', async () => {
    const token = (await api('POST', '/api/auth/login', { body: { username: 'gridworker', password: DEMO_PASSWORD } })).json.token;
    let stop = false;
    const load = (async () => {
      while (!stop) {
        const r = await api('POST', '/api/cases', { token, body: { categoryCode: 'C0101', description: `备份期间上报 ${duringBackup}`, location: here, photos: [photo] } });
        expect(r.status, r.text).toBe(201);
        duringBackup++;
      }
    })();
    backupDir = path.join(tempDir('backup'), 'nightly');
    const b = await runScript('backup', ['--out', backupDir], { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
    stop = true;
    await load;
    expect(b.code, `${b.out}\n${b.err}`).toBe(0);
    expect(b.out).toContain('by the running server');
    expect(b.out).toContain(backupDir);
    expect(existsSync(path.join(backupDir, 'pglite.tar.gz'))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'))).toMatchObject({ store: 'pglite', files: { count: 2 } });
    expect(readFileSync(shard(backupDir, photo)).equals(jpeg)).toBe(true);
    expect((await api('GET', '/api/health')).status, 'the server still serves').toBe(200);
    expect(duringBackup, 'cases were reported during the backup').toBeGreaterThan(0);
  }, 120_000);

  it('restores into an empty data folder, and refuses a folder that has a database', async () => {
    restoredDir = tempDir('restored');
    const r = await runScript('restore', [backupDir], { DATA_DIR: restoredDir });
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    expect(r.out).toContain(path.join(restoredDir, 'pglite'));
    // the personal-data key never travels with the backup; the restore says so when the data needs one
    const manifest = JSON.parse(readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
    expect(existsSync(path.join(backupDir, 'keys'))).toBe(false);
    if (manifest.piiKey) expect(r.err).toContain('keys/pii.key');
    const again = await runScript('restore', [backupDir], { DATA_DIR: restoredDir });
    expect(again.code).toBe(1);
    expect(again.err).toContain('already holds a database');
    const live = await runScript('restore', [backupDir], { DATA_DIR: dataDir });
    expect(live.code, 'not over the running server either').toBe(1);
  }, 120_000);

  it('finds the case, its events and the photo in the restored folder; migrations apply cleanly', async () => {
    const db = await openPglite(path.join(restoredDir, 'pglite'));
    try {
      expect(await migrate(db), 'nothing left to migrate').toEqual([]);
      const k = (await db.query<{ number: string; description: string }>('select number, description from cases where id = $1', [theCase.id])).rows;
      expect(k).toEqual([{ number: theCase.number, description: '备份测试：春晖路井盖缺失' }]);
      const events = (await db.query<{ action: string }>('select action from case_events where case_id = $1 order by at, id', [theCase.id])).rows;
      expect(events.length).toBeGreaterThan(0);
      const photos = (await db.query<{ hash: string }>('select hash from case_photos where case_id = $1', [theCase.id])).rows;
      expect(photos.map((p) => p.hash)).toEqual([photo]);
      expect((await db.query('select 1 from files where hash = $1', [photo])).rows).toHaveLength(1);
      expect(readFileSync(shard(restoredDir, photo)).equals(jpeg), 'the photo, byte for byte').toBe(true);
      expect(readFileSync(shard(restoredDir, photo, '.thumb.webp')).equals(readFileSync(shard(dataDir, photo, '.thumb.webp')))).toBe(true);
      // consistent: no case without its events, no photo row without its file, and the demo accounts still sign in
      expect((await db.query('select id from cases c where not exists (select 1 from case_events e where e.case_id = c.id)')).rows).toEqual([]);
      const hashes = (await db.query<{ hash: string }>('select hash from files')).rows.map((r) => r.hash);
      for (const h of hashes) expect(existsSync(shard(restoredDir, h)), h).toBe(true);
      expect((await db.query('select 1 from accounts where username = $1', ['gridworker'])).rows).toHaveLength(1);
      const n = (await db.query<{ n: number }>('select count(*)::int as n from cases')).rows[0]!.n;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(2 + duringBackup);
    } finally {
      await db.close();
    }
  }, 60_000);

  it('opens the sealed personal data with the key the backup was made with; without it, shows them unavailable, never a 500', async () => {
    const keyFile = path.join(dataDir, 'keys', 'pii.key');
    const withKey = tempDir('restored-with-key');
    const withoutKey = tempDir('restored-without-key');
    for (const dir of [withKey, withoutKey]) {
      const r = await runScript('restore', [backupDir], { DATA_DIR: dir });
      expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    }
    mkdirSync(path.join(withKey, 'keys'), { mode: 0o700 });
    copyFileSync(keyFile, path.join(withKey, 'keys', 'pii.key'));
    chmodSync(path.join(withKey, 'keys', 'pii.key'), 0o600);

    const seen = async (dir: string) => {
      const db = await openPglite(path.join(dir, 'pglite'));
      try {
        return await sealedFieldsThrough(db, dir, call.id);
      } finally {
        await db.close();
      }
    };
    expect(await seen(withKey)).toEqual({
      statuses: [200, 200, 200],
      reporter: { kind: 'caller', ...CALLER, unavailable: false },
      team: teamPhones,
      accountPhone: { sealed: true, opened: DISPATCHER_PHONE },
    });
    expect(await seen(withoutKey)).toEqual({
      statuses: [200, 200, 200],
      reporter: { kind: 'caller', name: null, phone: null, unavailable: true },
      team: teamPhones.map(() => 'unavailable'),
      accountPhone: { sealed: true, opened: null },
    });
  }, 120_000);

  it('without a running server, the script opens the data folder itself', async () => {
    server!.kill('SIGTERM');
    await new Promise((r) => (server!.exitCode !== null ? r(null) : server!.once('exit', r)));
    expect(existsSync(path.join(dataDir, 'backup.token')), 'a clean stop removes the token').toBe(false);
    const b = await runScript('backup', [], { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
    expect(b.code, `${b.out}\n${b.err}`).toBe(0);
    expect(b.out).toContain('server not running');
    expect(b.out).toContain(path.join(dataDir, 'backups'));
  }, 120_000);
});

describe('the guard of the backup endpoint', () => {
  it('accepts loopback or same-address clients without forwarding headers, and compares tokens in full', () => {
    const ok = (remoteAddress: string, localAddress = '127.0.0.1', headers: Record<string, unknown> = {}) => isLocalClient({ remoteAddress, localAddress, headers });
    expect(ok('127.0.0.1')).toBe(true);
    expect(ok('::1', '::1')).toBe(true);
    expect(ok('::ffff:127.0.0.1')).toBe(true);
    expect(ok('192.168.1.20', '192.168.1.20')).toBe(true);
    expect(ok('192.168.1.21', '192.168.1.20')).toBe(false);
    expect(ok('10.0.0.1')).toBe(false);
    expect(ok('127.0.0.1', '127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).toBe(false);
    expect(ok('127.0.0.1', '127.0.0.1', { forwarded: 'for=203.0.113.9' })).toBe(false);
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abd', 'abc')).toBe(false);
    expect(tokensMatch('ab', 'abc')).toBe(false);
    expect(tokensMatch(undefined, 'abc')).toBe(false);
  });
});

const PG = process.env.TEST_DATABASE_URL;
if (!PG) console.warn('backup-restore.test.ts: the PostgreSQL part is skipped; set TEST_DATABASE_URL=postgres://user:pass@host:5432/postgres (a role that may create databases) to run it.');

describe.skipIf(!PG)('PostgreSQL: pg_dump while the app runs, pg_restore into a fresh database (needs TEST_DATABASE_URL)', () => {
  let t: TestApp;
  let source: string;
  let restored: Awaited<ReturnType<typeof createScratchDatabase>>;
  let restoredUrl: string;
  let jpeg: Buffer;
  let photo: string;
  let caseId: string;
  let callId: string;
  let teamPhones: string[];
  let backupDir: string;
  let restoredDir: string;

  /** row counts of every table outside the system schemas */
  const counts = async (db: Db) => {
    const tables = (await db.query<{ s: string; t: string }>(
      `select schemaname as s, tablename as t from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2`,
    )).rows;
    const out: Record<string, number> = {};
    for (const { s, t: name } of tables) out[`${s}.${name}`] = (await db.query<{ n: number }>(`select count(*)::int as n from "${s}"."${name}"`)).rows[0]!.n;
    return out;
  };

  beforeAll(async () => {
    t = await createTestApp();
    if (!('connectionString' in t.db.raw)) throw new Error('expected PostgreSQL');
    source = t.db.raw.connectionString;
    restored = await createScratchDatabase(PG!, 'zhizhi_restored');
    restoredUrl = restored.url;
  });
  afterAll(async () => {
    await t?.close();
    await restored?.drop();
  });

  it('backs up with pg_dump and restores into an empty database with the same rows and the photo', async () => {
    const token = await t.login('gridworker');
    jpeg = await makeJpeg(640, 480, '#16a085');
    const up = await t.app.inject({ method: 'POST', url: '/api/files', headers: { ...bearer(token), 'content-type': 'image/jpeg' }, payload: jpeg });
    expect(up.statusCode, up.body).toBe(201);
    photo = up.json().hash;
    const here = await gridCentre(t.db, DEMO_GRID);
    const c = await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(token), payload: { categoryCode: 'C0101', description: '备份测试（PostgreSQL）', location: here, photos: [photo] } });
    expect(c.statusCode, c.body).toBe(201);
    caseId = c.json().id;
    const call = await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(await t.login('dispatcher')), payload: hotlineCall(here) });
    expect(call.statusCode, call.body).toBe(201);
    callId = call.json().id;
    const gridId = (await t.db.query<{ id: string }>('select id from org_units where code = $1', [DEMO_GRID])).rows[0]!.id;
    teamPhones = (await t.app.inject({ url: `/api/org-units/${gridId}/team`, headers: bearer(await t.login('community')) })).json().members.map((m: { phone: string }) => m.phone);
    expect(teamPhones).toHaveLength(6);

    backupDir = path.join(tempDir('pg-backup'), 'b');
    const b = await runScript('backup', ['--out', backupDir], { DATABASE_URL: source, DATA_DIR: t.config.dataDir });
    expect(b.code, `${b.out}\n${b.err}`).toBe(0);
    expect(b.out).toContain('pg_dump');
    expect(existsSync(path.join(backupDir, 'postgres.dump'))).toBe(true);

    restoredDir = tempDir('pg-restored');
    const r = await runScript('restore', [backupDir], { DATABASE_URL: restoredUrl, DATA_DIR: restoredDir });
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    const again = await runScript('restore', [backupDir], { DATABASE_URL: restoredUrl, DATA_DIR: restoredDir });
    expect(again.code).toBe(1);
    expect(again.err).toContain('restore only into an empty database');

    const restored = await openPostgres(restoredUrl, 2);
    try {
      expect(await counts(restored)).toEqual(await counts(t.db));
      expect(await migrate(restored), 'nothing left to migrate').toEqual([]);
      expect((await restored.query('select 1 from cases where id = $1', [caseId])).rows).toHaveLength(1);
      expect((await restored.query('select 1 from case_events where case_id = $1', [caseId])).rows.length).toBeGreaterThan(0);
      expect((await restored.query<{ hash: string }>('select hash from case_photos where case_id = $1', [caseId])).rows).toEqual([{ hash: photo }]);
      expect(readFileSync(shard(restoredDir, photo)).equals(jpeg), 'the photo, byte for byte').toBe(true);
    } finally {
      await restored.close();
    }
  }, 120_000);

  it('opens the sealed personal data with the key the backup was made with; without it, shows them unavailable, never a 500', async () => {
    const restored = await openPostgres(restoredUrl, 2);
    try {
      // the restore's own data folder holds no key: like a new server started on the restored database
      expect(await sealedFieldsThrough(restored, restoredDir, callId)).toEqual({
        statuses: [200, 200, 200],
        reporter: { kind: 'caller', name: null, phone: null, unavailable: true },
        team: teamPhones.map(() => 'unavailable'),
        accountPhone: { sealed: true, opened: null },
      });
      // the key put back (here: the data folder the backup was made with)
      expect(await sealedFieldsThrough(restored, t.config.dataDir, callId)).toEqual({
        statuses: [200, 200, 200],
        reporter: { kind: 'caller', ...CALLER, unavailable: false },
        team: teamPhones,
        accountPhone: { sealed: true, opened: DISPATCHER_PHONE },
      });
    } finally {
      await restored.close();
    }
  }, 120_000);
});
