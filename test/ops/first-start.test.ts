// The first start of `npm start`'s server on an empty data folder, as a newcomer gets it: the demo district, its two
// months of cases and its duty roster made by the capabilities' demo steps, then the server answering. (The API suites
// build the app in-process and seed only the base demo; this runs the real entry point, in its real order.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { client, freePort, makeStore, ROOT, spawnNode, storeEnv, type Child, type Store } from '../faults/harness.ts';
import { DEMO_PASSWORD } from '../../src/server/platform/seed/seed-demo.ts';

let store: Store;
let server: Child;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  store = await makeStore(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite', 'first-start');
  const port = await freePort();
  server = spawnNode(path.join(ROOT, 'src/server/main.ts'), {
    ...storeEnv(store), PORT: String(port), HOST: '127.0.0.1', JOBS: 'off', WEB_DIST: '/nonexistent',
    DEMO_HISTORY: 'on', DEMO_LIVE: 'off',
  });
  await server.waitFor('is running at', 400_000);
  api = client(`http://127.0.0.1:${port}`);
}, 420_000);
afterAll(async () => {
  await server?.stop();
  await store?.dispose();
});

const signIn = async (username: string) => (await api('POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } })).json.token as string;

describe('the first start with the demo on', () => {
  it('says what it made, and serves', async () => {
    expect(server.log()).toMatch(/demo case history: \d+ cases over 60 days/);
    expect(server.log()).toMatch(/demo duty roster: \d+ weeks/);
    expect((await api('GET', '/api/health')).status).toBe(200);
  });

  it('gives the dispatcher reports to accept and a watch on duty', async () => {
    const token = await signIn('dispatcher');
    const reported = await api('GET', '/api/cases?status=reported', { token });
    expect(reported.status).toBe(200);
    expect(reported.json.items.length).toBeGreaterThan(0);
    const roster = await api('GET', '/api/duty-roster', { token });
    expect(roster.status, roster.text).toBe(200);
    expect(roster.json.onDuty.slots.length).toBeGreaterThan(0);
  });

  it('keeps the audit chain whole across the demo steps', async () => {
    const verify = await api('GET', '/api/audit/verify', { token: await signIn('auditor') });
    expect(verify.status).toBe(200);
    expect(verify.json.ok).toBe(true);
  });
});
