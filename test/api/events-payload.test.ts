import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => { await t.close(); });

/** The data of the first `event: case` message on the stream after `during` ran. */
async function firstCaseEvent(token: string, during: () => Promise<void>): Promise<{ event: Record<string, unknown>; id: string }> {
  const ac = new AbortController();
  const res = await fetch(`${base}/api/events`, { headers: bearer(token), signal: ac.signal });
  const reader = res.body!.getReader();
  const timer = setTimeout(() => ac.abort(), 5000);
  let buffer = '';
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      buffer += new TextDecoder().decode(value);
      const block = buffer.split('\n\n').find((b) => b.includes('event: case'));
      if (block) {
        const line = (prefix: string) => block.split('\n').find((l) => l.startsWith(prefix))!.slice(prefix.length);
        return { event: JSON.parse(line('data: ')) as Record<string, unknown>, id: line('id: ') };
      }
    }
  })();
  await new Promise((r) => setTimeout(r, 200));
  await during();
  try { return await reading; } finally { clearTimeout(timer); ac.abort(); }
}

// the event is what GET /api/events declares (CaseEvent in src/server/cases/schemas.ts): which case changed and how,
// not the fields the server decides visibility on (the case's place, its reporter's account, its departments)
it('sends each reader which case changed and how, and nothing of who may see it', async () => {
  const here = await gridCentre(t.db, DEMO_GRID);
  const [dispatcher, resident] = [await t.login('dispatcher'), await t.login('resident')];
  let reported: { id: string; number: string } = { id: '', number: '' };
  const { event, id } = await firstCaseEvent(dispatcher, async () => {
    reported = (await t.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(resident), payload: { categoryCode: 'E0101', description: '楼下垃圾', location: here } })).json();
  });
  expect(event).toEqual({ caseId: reported.id, number: reported.number, eventId: Number(id), action: 'report', status: 'reported', at: expect.any(String) });
});
