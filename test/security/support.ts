import type { Role } from '../../src/shared/roles.ts';
import { bearer, type TestApp } from '../support/test-app.ts';

/** The demo accounts by username, with the role each holds (DESIGN.md; seed-demo.ts). */
export const DEMO_USERS = ['admin', 'leader', 'dispatcher', 'handler', 'community', 'department', 'gridworker', 'security', 'auditor', 'resident'] as const;
export type DemoUser = (typeof DEMO_USERS)[number];

export interface Caller {
  /** 'anonymous' or a demo username */
  name: 'anonymous' | DemoUser;
  /** as /api/me names them: to check the product's access matrix and to pick a permitted caller, never to compute an expected answer */
  roles: Role[] | null;
  token: string | null;
}

/** Signs in every demo account and reads its roles from /api/me; plus the anonymous caller first. */
export async function demoCallers(t: TestApp): Promise<Caller[]> {
  const callers: Caller[] = [{ name: 'anonymous', roles: null, token: null }];
  for (const name of DEMO_USERS) {
    const token = await t.login(name);
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).json();
    callers.push({ name, roles: me.roles, token });
  }
  return callers;
}

export interface Operation {
  method: string;
  /** OpenAPI form: /api/cases/{id} */
  path: string;
  op: OpenApiOperation;
}

export interface OpenApiParameter { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema?: JsonSchema }
export interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security?: unknown[];
}
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  format?: string;
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
};

/** Every operation of the OpenAPI document the app serves. */
export async function openApiOperations(t: TestApp): Promise<{ doc: { paths: Record<string, Record<string, OpenApiOperation>> }; ops: Operation[] }> {
  const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
  if (res.statusCode !== 200) throw new Error(`/docs/json answered ${res.statusCode}`);
  const doc = res.json();
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries<Record<string, OpenApiOperation>>(doc.paths)) {
    for (const [method, op] of Object.entries(byMethod)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) ops.push({ method: method.toUpperCase(), path, op });
    }
  }
  return { doc, ops };
}

/** Unit ids of the seeded demo district, by code. */
export async function unitIds(t: TestApp): Promise<Record<'city' | 'district' | 'urbanTown' | 'ruralTown' | 'demoCommunity' | 'demoGrid' | 'ruralGrid', string>> {
  const codes = {
    city: '500000000000', district: '500199000000', urbanTown: '500199001000', ruralTown: '500199101000',
    demoCommunity: '500199001001', demoGrid: '500199001001001', ruralGrid: '500199101201001',
  } as const;
  const rows = (await t.db.query<{ id: string; code: string }>('select id, code from org_units where code = any($1)', [Object.values(codes)])).rows;
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  const out = {} as Record<keyof typeof codes, string>;
  for (const [k, code] of Object.entries(codes) as [keyof typeof codes, string][]) {
    const id = byCode.get(code);
    if (!id) throw new Error(`seed has no unit ${code}`);
    out[k] = id;
  }
  return out;
}

/**
 * Text an error body must never carry: stack frames, internal paths, SQL or database driver messages.
 * (Checked on error bodies only: successful bodies legitimately echo what the client stored.)
 */
export const LEAK_PATTERNS: readonly RegExp[] = [
  /\n\s+at /, /\bat [\w$.<>]+ \(/, /at (?:file|node):/, /\.(?:ts|js|mjs|cjs):\d+(?::\d+)?/,
  /node_modules/, /\/work\//, /src\/server/,
  /\bselect\b[\s\S]*\bfrom\b/i, /\binsert into\b/i, /\bupdate\s+\w+\s+set\b/i, /\bdelete from\b/i,
  /syntax error/i, /\bpglite\b/i, /\bpg-boss\b/i, /\bSQLSTATE\b/i, /relation "/i, /column "/i, /violates [\w\s-]*constraint/i,
  /duplicate key value/i, /invalid input syntax/i, /out of range for type/i, /unterminated/i, /\bdatabase error\b/i,
  /TypeError|ReferenceError|RangeError|Cannot read propert/i,
];

export function leaks(text: string): RegExp | undefined {
  return LEAK_PATTERNS.find((re) => re.test(text));
}

/** An error response: `{ error: { code, message } }` with string code and message, nothing else at the top. */
export function isErrorShape(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== 'error') return false;
  const e = (body as { error: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    && typeof (e as { message?: unknown }).message === 'string' && (e as { code: string }).code.length > 0;
}
