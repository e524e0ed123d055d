import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from '../support/scratch-database.ts';
import { buildDemoDistrict } from '../../src/server/platform/seed/demo-town.ts';

/**
 * What the fault tests share: real child processes on a loopback port, a throwaway store for each
 * scenario (a temp data folder for PGlite, a fresh database on TEST_DATABASE_URL's server), and
 * a way to kill a process the way a power cut or the OOM killer would (SIGKILL: no handler runs).
 */

export const ROOT = path.resolve(import.meta.dirname, '../..');

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The centre of a seeded grid, from the seed itself (no database needed: the seed is deterministic). */
export function seededGridCentre(code: string): { lng: number; lat: number } {
  const unit = buildDemoDistrict().units.find((u) => u.code === code);
  if (!unit?.geometry) throw new Error(`no seeded grid ${code}`);
  const ring = unit.geometry.coordinates[0]!.slice(0, -1);
  return {
    lng: ring.reduce((s, p) => s + p[0]!, 0) / ring.length,
    lat: ring.reduce((s, p) => s + p[1]!, 0) / ring.length,
  };
}

/** One scenario's store: PGlite in a temp data folder, or a database of its own on the PostgreSQL server. */
export interface Store {
  kind: 'pglite' | 'postgres';
  dataDir: string;
  /** set for PostgreSQL */
  databaseUrl: string | null;
  dispose(): Promise<void>;
}

export async function makeStore(kind: 'pglite' | 'postgres', label: string): Promise<Store> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `zhizhi-${label}-`));
  if (kind === 'pglite') {
    return { kind, dataDir, databaseUrl: null, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('TEST_DATABASE_URL is not set');
  const scratch = await createScratchDatabase(server, 'zhizhi_fault');
  return {
    kind, dataDir, databaseUrl: scratch.url,
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
      await scratch.drop();
    },
  };
}

/** The environment of a child: this one without any store or server settings, plus `env`. */
export function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const k of ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'NODE_ENV', 'JOBS', 'LOG_REQUESTS', 'DATABASE_POOL_SIZE']) delete base[k];
  for (const [k, v] of Object.entries(env)) if (v !== undefined) base[k] = v;
  return base;
}

export function storeEnv(store: Store): Record<string, string | undefined> {
  return { DATA_DIR: store.dataDir, DATABASE_URL: store.databaseUrl ?? undefined };
}

/** A child process with its output kept, so a failure can show what the process said. */
export interface Child {
  proc: ChildProcess;
  log(): string;
  /** resolves when `text` appears in the output; rejects if the process exits first or the time is up */
  waitFor(text: string | RegExp, timeoutMs: number): Promise<void>;
  /** SIGKILL: no signal handler, no shutdown, no flush; resolves once the process is gone */
  kill(): Promise<void>;
  /** SIGTERM (the process shuts down cleanly), SIGKILL after `timeoutMs` */
  stop(timeoutMs?: number): Promise<number | null>;
}

export function spawnNode(script: string, env: Record<string, string | undefined>): Child {
  const proc = spawn(process.execPath, [script], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => { out += d; });
  proc.stderr!.on('data', (d: Buffer) => { out += d; });
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const gone = () => proc.exitCode !== null || proc.signalCode !== null;
  return {
    proc,
    log: () => out,
    async waitFor(text, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      const seen = () => (typeof text === 'string' ? out.includes(text) : text.test(out));
      while (!seen()) {
        if (gone()) throw new Error(`the process exited (${proc.exitCode ?? proc.signalCode}) before ${String(text)}:\n${out}`);
        if (Date.now() > deadline) throw new Error(`no ${String(text)} within ${timeoutMs} ms:\n${out}`);
        await sleep(50);
      }
    },
    async kill() {
      if (!gone()) proc.kill('SIGKILL');
      await exited;
    },
    async stop(timeoutMs = 20_000) {
      if (gone()) return proc.exitCode;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => { if (!gone()) proc.kill('SIGKILL'); }, timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** The real server (`node src/server/main.ts`) on a loopback port, background jobs off. */
export async function startServer(store: Store, port: number, timeoutMs = 120_000): Promise<Child> {
  const child = spawnNode(path.join(ROOT, 'src/server/main.ts'), {
    ...storeEnv(store), PORT: String(port), HOST: '127.0.0.1', JOBS: 'off', WEB_DIST: '/nonexistent',
  });
  try {
    await child.waitFor('is running at', timeoutMs);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(10_000) });
    if (health.status !== 200) throw new Error(`health ${health.status}: ${await health.text()}`);
  } catch (err) {
    await child.kill();
    throw err;
  }
  return child;
}

export interface Reply {
  status: number;
  json: any;
  text: string;
}

/** A small HTTP client for one server. */
export function client(base: string) {
  return async function api(method: string, url: string, o: { token?: string; body?: unknown; raw?: Buffer; type?: string; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...(o.headers ?? {}) };
    let body: BodyInit | undefined;
    if (o.raw) { headers['content-type'] = o.type ?? 'application/octet-stream'; body = new Uint8Array(o.raw); }
    else if (o.body !== undefined) { headers['content-type'] = 'application/json'; body = JSON.stringify(o.body); }
    const res = await fetch(`${base}${url}`, { method, headers, body, signal: AbortSignal.timeout(o.timeoutMs ?? 30_000) });
    const text = await res.text();
    let json: any = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, json, text };
  };
}
