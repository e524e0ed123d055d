import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

interface Schema { type?: string; format?: string; properties?: object; anyOf?: unknown[]; allOf?: unknown[]; oneOf?: unknown[]; $ref?: string }
interface Response { description?: string; content?: Record<string, { schema?: Schema }> }
interface Operation { summary?: string; description?: string; responses?: Record<string, Response> }

let t: TestApp;
let operations: { name: string; op: Operation }[] = [];
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<{ paths: Record<string, Record<string, Operation>> }>();
  operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })));
});
afterAll(async () => { await t.close(); });

/** A schema that says something: a JSON value of a named shape, not `{}` (which @fastify/swagger writes for a route without one). */
const declaresShape = (s: Schema | undefined) => !!s && (s.type !== undefined || !!s.anyOf || !!s.allOf || !!s.oneOf || !!s.$ref);

describe('the OpenAPI document at /docs/json', () => {
  it('lists every route of the API', () => {
    expect(operations.map((o) => o.name)).toEqual(expect.arrayContaining([
      'GET /api/cases/{id}', 'POST /api/cases/{id}/actions/{action}', 'GET /api/public/cases/{number}', 'GET /api/events', 'GET /api/files/{hash}',
    ]));
    expect(operations.length).toBeGreaterThan(35);
  });

  // the schema is also what the web's types come from (src/server/<capability>/schemas.ts), and what fast-json-stringify
  // writes the answer with: a field left out of it never reaches the client
  it('declares, for every operation, what it answers on success', () => {
    const missing: string[] = [];
    for (const { name, op } of operations) {
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) missing.push(`${name}: no 2xx answer`);
      for (const [status, r] of success) {
        if (status === '204') {
          if (r.content) missing.push(`${name} ${status}: a body on No Content`);
          continue;
        }
        const content = Object.entries(r.content ?? {});
        if (content.length === 0) missing.push(`${name} ${status}: no schema`);
        for (const [type, c] of content) {
          if (!declaresShape(c.schema)) missing.push(`${name} ${status} ${type}: an empty schema`);
          // anything but JSON is a body of bytes or text (a photo, an event stream), described as a string
          if (type !== 'application/json' && c.schema?.type !== 'string') missing.push(`${name} ${status} ${type}: not a string`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  // /docs is read by people: each operation says in a line what it does (summary) and then how (description)
  it('gives every operation a summary and a description', () => {
    const missing = operations.flatMap(({ name, op }) => [
      ...(op.summary?.trim() ? [] : [`${name}: no summary`]),
      ...(op.description?.trim() ? [] : [`${name}: no description`]),
      ...(op.summary && op.description && op.summary.trim() === op.description.trim() ? [`${name}: the description only repeats the summary`] : []),
    ]);
    expect(missing).toEqual([]);
  });

  it('describes the event stream as text/event-stream and photos by their image types', () => {
    const find = (name: string) => operations.find((o) => o.name === name)!.op.responses!['200']!;
    expect(Object.keys(find('GET /api/events').content!)).toEqual(['text/event-stream']);
    expect(Object.keys(find('GET /api/files/{hash}').content!)).toEqual(['image/jpeg', 'image/png', 'image/webp']);
    expect(Object.keys(find('GET /api/files/{hash}/thumb').content!)).toEqual(['image/webp']);
  });
});
