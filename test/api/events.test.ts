import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { collectEvents } from '../support/sse.ts';
import { DEMO_GRID, RURAL_GRID, gridCentre } from '../support/places.ts';

let t: TestApp;
let base: string;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['dispatcher', 'gridworker', 'resident', 'handler', 'department']) tokens[u] = await t.login(u);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => { await t.close(); });

/** The `case` events of the stream while `during` runs. */
const collect = async (token: string, count: number, during: () => Promise<void>, ms?: number) =>
  (await collectEvents(base, token, ['case'], count, during, ms)).map((e) => e.data as { caseId: string; action: string });

describe('live case events', () => {
  it('streams changes within the caller\'s scope, and nothing outside it', async () => {
    const here = await gridCentre(t.db, DEMO_GRID);
    const rural = await gridCentre(t.db, RURAL_GRID);
    let inScope = '';
    const events = await collect(tokens.dispatcher!, 2, async () => {
      await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(tokens.resident!), payload: { categoryCode: 'E0101', description: '村里', location: rural } });
      const c = (await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(tokens.gridworker!), payload: { categoryCode: 'C0101', description: '井盖', location: here } })).json();
      inScope = c.id;
      await t.app.inject({ method: 'POST', url: `/api/cases/${c.id}/actions/accept`, headers: bearer(tokens.dispatcher!), payload: {} });
    });
    expect(events.map((e) => [e.caseId, e.action])).toEqual([[inScope, 'report'], [inScope, 'accept']]);
  });

  it('streams to a district department the cases sent to it, also after it returned one, and no other case of its district', async () => {
    const here = await gridCentre(t.db, DEMO_GRID);
    const as = (who: string, url: string, payload: object = {}) => t.app.inject({ method: 'POST', url, headers: bearer(tokens[who]!), payload });
    const lamp = (await as('dispatcher', '/api/cases', { categoryCode: 'C0201', description: '路灯不亮', location: here, source: 'hotline' })).json();
    await as('dispatcher', `/api/cases/${lamp.id}/actions/accept`);
    await as('dispatcher', `/api/cases/${lamp.id}/actions/dispatch`);
    const events = await collect(tokens.department!, 2, async () => {
      await as('gridworker', '/api/cases', { categoryCode: 'C0101', description: '井盖', location: here });
      await as('department', `/api/cases/${lamp.id}/actions/return`, { reason: '非本部门职责' });
      await as('dispatcher', `/api/cases/${lamp.id}/actions/escalate`, { reason: '需区级协调' });
    });
    expect(events.map((e) => [e.caseId, e.action])).toEqual([[lamp.id, 'return'], [lamp.id, 'escalate']]);
  });

  it('asks for a token', async () => {
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
  });
});
