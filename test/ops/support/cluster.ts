// Several nodes on loopback for the multi-node test: an MQTT broker (TEST_MQTT_URL, else a Mosquitto of its own), API
// nodes (`node src/server/main.ts`) and workers (`node src/server/worker.ts`) as real child processes on one PostgreSQL
// database, and a reader of one node's live stream (/api/events) that keeps every event until the test asks for it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { ROOT, freePort, sleep, spawnNode, type Child } from '../../faults/harness.ts';

export interface Broker {
  url: string;
  stop(): Promise<void>;
}

/** Whether a broker can be had: TEST_MQTT_URL names one, or Mosquitto is installed to start one. */
export function brokerAvailable(): boolean {
  if (process.env.TEST_MQTT_URL) return true;
  return spawnSync('sh', ['-c', 'command -v mosquitto'], { stdio: 'ignore' }).status === 0;
}

/** The broker at TEST_MQTT_URL (left running), else `mosquitto` on a free loopback port (stopped by `stop`). */
export async function startBroker(): Promise<Broker> {
  const given = process.env.TEST_MQTT_URL;
  if (given) return { url: given, stop: async () => undefined };
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'zhizhi-mosquitto-'));
  const conf = path.join(dir, 'mosquitto.conf');
  writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\n`);
  const proc = spawn('mosquitto', ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => { out += d; });
  proc.stderr!.on('data', (d: Buffer) => { out += d; });
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const url = `mqtt://127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const c = await mqtt.connectAsync(url, { reconnectPeriod: 0, connectTimeout: 1000 });
      await c.endAsync(true);
      return { url, stop };
    } catch (err) {
      if (attempt >= 50 || proc.exitCode !== null) {
        await stop();
        throw new Error(`mosquitto did not start on ${url}: ${(err as Error).message}\n${out}`);
      }
      await sleep(100);
    }
  }
}

/** Ends the broker sessions the nodes kept (clean: false) once they are gone: a clean connection with each client id. */
export async function forgetSessions(url: string, clientIds: readonly string[]): Promise<void> {
  await Promise.all(clientIds.map(async (clientId) => {
    const c = await mqtt.connectAsync(url, { clientId, clean: true, reconnectPeriod: 0, connectTimeout: 2000 }).catch(() => null);
    await c?.endAsync(true);
  }));
}

export interface ApiNode {
  name: string;
  base: string;
  child: Child;
}

/** An API node (`node src/server/main.ts`) on a loopback port; resolves once it answers /api/health. */
export async function startApiNode(name: string, env: Record<string, string | undefined>, timeoutMs = 120_000): Promise<ApiNode> {
  const port = await freePort();
  const child = spawnNode(path.join(ROOT, 'src/server/main.ts'), { ...env, PORT: String(port), HOST: '127.0.0.1', WEB_DIST: '/nonexistent' });
  const base = `http://127.0.0.1:${port}`;
  try {
    await child.waitFor('is running at', timeoutMs);
    const health = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) });
    if (health.status !== 200) throw new Error(`health ${health.status}: ${await health.text()}`);
  } catch (err) {
    await child.kill();
    throw new Error(`node ${name} did not start: ${(err as Error).message}`);
  }
  return { name, base, child };
}

/** A worker (`node src/server/worker.ts`): the job queue and the background services, no HTTP. */
export async function startWorker(env: Record<string, string | undefined>, timeoutMs = 120_000): Promise<Child> {
  const child = spawnNode(path.join(ROOT, 'src/server/worker.ts'), env);
  try {
    await child.waitFor('Zhizhi worker: working', timeoutMs);
  } catch (err) {
    await child.kill();
    throw err;
  }
  return child;
}

export interface LiveEvent {
  event: string;
  data: any;
}

/** One open /api/events stream: every named event kept in order, and whether the server ended it. */
export interface LiveReader {
  readonly events: LiveEvent[];
  ended(): boolean;
  /** the first kept event that satisfies `match`, waiting up to `ms` for it */
  waitFor(match: (e: LiveEvent) => boolean, ms: number, what?: string): Promise<LiveEvent>;
  /** resolves when the server has ended the stream, or rejects after `ms` */
  waitEnded(ms: number): Promise<void>;
  close(): void;
}

export async function openLive(base: string, token: string): Promise<LiveReader> {
  const ac = new AbortController();
  const res = await fetch(`${base}/api/events`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: ac.signal });
  if (res.status !== 200) throw new Error(`/api/events ${res.status}: ${await res.text()}`);
  const events: LiveEvent[] = [];
  let done = false;
  let connected!: () => void;
  const hello = new Promise<void>((r) => { connected = r; });
  void (async () => {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        buffer += decoder.decode(value, { stream: true });
        let i: number;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          if (block.includes(': connected')) connected();
          const lines = block.split('\n');
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch { /* aborted, or the node went away */ }
    done = true;
    connected();
  })();
  await hello;
  return {
    events,
    ended: () => done,
    async waitFor(match, ms, what = 'an event') {
      const until = Date.now() + ms;
      for (;;) {
        const hit = events.find(match);
        if (hit) return hit;
        if (Date.now() > until) throw new Error(`no ${what} within ${ms} ms; heard ${JSON.stringify(events.map((e) => [e.event, e.data.action ?? e.data.reason]))}`);
        await sleep(25);
      }
    },
    async waitEnded(ms) {
      const until = Date.now() + ms;
      while (!done) {
        if (Date.now() > until) throw new Error(`the stream was still open after ${ms} ms`);
        await sleep(25);
      }
    },
    close: () => ac.abort(),
  };
}

/** Polls `probe` until it answers something other than undefined, or throws after `ms`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(100);
  }
}
