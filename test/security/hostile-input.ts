import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { isErrorShape, leaks, type JsonSchema, type Operation } from './support.ts';

/**
 * Hostile input for the fuzz test: values, bodies, queries, paths and headers generated from an operation's
 * schemas (malformed JSON, wrong types, huge strings, deep nesting, control characters and NUL, SQL-ish
 * text, prototype-pollution keys, odd numbers, bogus content types), and the checks every answer must pass.
 */

/** Numbers as a query string or path carries them: overflow to Infinity, NaN, negative zero, beyond 2^53, other notations. */
export const HOSTILE_NUMBERS = [
  '1e999', '-1e999', '1e400', '-1e400', '1e-400', 'Infinity', '-Infinity', '+Infinity', 'infinity', 'NaN', '-NaN',
  '-0', '+0', '0', '-1', '1.5', '.5', '5.', '1E+2', '0x10', '0b11', '0o17', '1_000', '１２', ' 1', '',
  '9007199254740993', '-9007199254740993', '99999999999999999999', '9223372036854775808', '-2147483649', `1${'0'.repeat(400)}`,
  '1e308', '5e-324', '1,5', 'true', '[]',
] as const;

/** Numbers as JSON text carries them (JSON.parse turns 1e999 into Infinity), and a few non-numbers in their place. */
export const NUMBER_LITERALS = [
  '1e999', '-1e999', '1e400', '-1e400', '1e-400', '-0', '0', '-1', '0.5', '1e308', '-1e308', '5e-324',
  '99999999999999999999', '-99999999999999999999', '9007199254740993', '2147483648', '9223372036854775808', `1${'0'.repeat(400)}`,
  '"Infinity"', '"NaN"', '"1e999"', '"-0"', 'null', 'true', '[]', '{}',
] as const;

/** Paths of the numeric fields of a body: the numbers in the valid body, and those its schema declares. */
export function numericFields(schema: JsonSchema | undefined, body: unknown): string[][] {
  const out = new Map<string, string[]>();
  const fromBody = (v: unknown, path: string[]) => {
    if (typeof v === 'number') out.set(path.join('.'), path);
    else if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) fromBody(x, [...path, k]);
  };
  const fromSchema = (s: JsonSchema | undefined, path: string[], depth: number) => {
    if (!s || depth > 4) return;
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (types.includes('number') || types.includes('integer')) out.set(path.join('.'), path);
    for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) fromSchema(alt, path, depth + 1);
    for (const [k, p] of Object.entries(s.properties ?? {})) fromSchema(p, [...path, k], depth + 1);
  };
  fromBody(body, []);
  fromSchema(schema, [], 0);
  return [...out.values()].filter((p) => p.length > 0);
}

/** The body as JSON text with `literal` written, as is, at `path` (objects on the way are created). */
export function jsonWithLiteral(body: unknown, path: string[], literal: string): string {
  const marker = '__fuzz_number__';
  const copy = structuredClone(body ?? {}) as Record<string, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) {
    if (typeof at[k] !== 'object' || at[k] === null || Array.isArray(at[k])) at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  at[path[path.length - 1]!] = marker;
  return JSON.stringify(copy).replace(`"${marker}"`, literal);
}

// ---- hostile values --------------------------------------------------------------------------------

const SQLISH = [
  `' OR '1'='1`, `'; drop table cases; --`, `1; select pg_sleep(5)`, `" OR ""="`, `%`, `_`, `\\`, `%' --`, `$1`, `E'\\x00'`,
  `' union select password_hash from accounts --`, `1)) or ((1=1`, `::text`, `'::jsonb`, `{}`, `[]`, `null`,
];
const NASTY = [
  '\u0000', 'a\u0000b', '\u0001\u0002\u001f\u007f', '\r\n\r\nX-Injected: 1', '\u202e\u202d', '\ud800', '\udfff', '\ufeff',
  '𠜎𠜱𠝹', '👩‍👩‍👧‍👦', 'ｅｘｐ', '../../../../etc/passwd', '..\\..\\windows', '${process.env}', '{{7*7}}', '<script>alert(1)</script>',
  '\u0085\u2028\u2029', ' ', '', '0', '-1', 'NaN', 'Infinity', '-Infinity', '1e999', '0x10', 'true', 'undefined', '__proto__',
  'constructor', 'prototype', 'toString', 'hasOwnProperty', '中'.repeat(3000), '\\u0000',
];
const hugeString = fc.constantFrom(1_000, 20_000, 300_000, 1_048_600).chain((n) =>
  fc.constantFrom('A', '中', '\u0001', '%', '😀').map((ch) => ch.repeat(Math.ceil(n / ch.length))));
const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...SQLISH), weight: 3 },
  { arbitrary: fc.constantFrom(...NASTY), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: hugeString, weight: 1 },
);
const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, -0.5, 1e308, -1e308, 5e-324, 2 ** 53 + 1, -(2 ** 31), 2 ** 31, 2 ** 63, 1e21),
  fc.double(),
  fc.integer(),
  fc.constantFrom(...HOSTILE_NUMBERS),
);
/** an array or object nested `depth` levels deep */
const deep = (depth: number, kind: 'array' | 'object'): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
};
const protoObject = fc.constantFrom(
  JSON.parse('{"__proto__":{"polluted":true}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
  JSON.parse('{"__proto__":{"roles":["admin"]},"isAdmin":true}'),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 5 },
  { arbitrary: hostileNumber, weight: 3 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}, [null], [[]], { '': '' }), weight: 2 },
  { arbitrary: fc.constantFrom(10, 500, 3000).chain((d) => fc.constantFrom(deep(d, 'array'), deep(d, 'object'))), weight: 1 },
  { arbitrary: protoObject, weight: 1 },
  { arbitrary: fc.array(hostileString, { maxLength: 30 }), weight: 1 },
);

/** A value shaped by a JSON schema (objects keep their property names), with hostile leaves. */
export function fromSchema(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 5) return hostileValue;
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((s) => fromSchema(s, depth + 1)), hostileValue);
  if (schema.allOf?.length) return fc.oneof(...schema.allOf.map((s) => fromSchema(s, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' || schema.properties) {
    const props = Object.entries(schema.properties ?? {});
    const shaped = fc.record(Object.fromEntries(props.map(([k, s]) => [k, fromSchema(s, depth + 1)])), { requiredKeys: [] });
    return fc.oneof(
      { arbitrary: shaped, weight: 4 },
      { arbitrary: fc.tuple(shaped, fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor')), hostileValue, { maxKeys: 3 }))
          .map(([a, b]) => ({ ...b, ...a })), weight: 1 },
      { arbitrary: hostileValue, weight: 1 },
    );
  }
  if (type === 'array') return fc.oneof(fc.array(fromSchema(schema.items, depth + 1), { maxLength: 12 }), hostileValue);
  if (type === 'number' || type === 'integer') return fc.oneof(hostileNumber, hostileValue);
  if (type === 'boolean') return fc.oneof(fc.boolean(), hostileValue);
  const valid = schema.enum ?? (schema.const !== undefined ? [schema.const] : []);
  return valid.length ? fc.oneof(fc.constantFrom(...valid), hostileString) : fc.oneof(hostileString, hostileValue);
}

const MALFORMED_JSON = [
  '{', '}', '{"a":', '[1,2', `{'a':1}`, '{"a":1,}', '{a:1}', 'NaN', '\ufeff{}', '{"a":"\\x41"}', '{"a":"\\ud800"}', '{"a":01}',
  '""', 'null', 'true', '[]', '0', '-', '\u0000', '{"a":1}{"b":2}', '{"a":1}\n{"b":2}', '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}', '{"a":1,"a":2}', '{"a":1e999}', '["\\u0000"]',
];
const rawBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  { arbitrary: fc.constantFrom(...MALFORMED_JSON), weight: 4 },
  { arbitrary: fc.constantFrom(1_000, 50_000).chain((n) => fc.constantFrom('[', '{"a":').map((open) =>
      open.repeat(n) + '1' + (open === '[' ? ']' : '}').repeat(n))), weight: 1 },
  { arbitrary: fc.constantFrom(1_048_000, 1_100_000).map((n) => JSON.stringify({ description: 'x'.repeat(n) })), weight: 1 },
  { arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 2 },
);
const CONTENT_TYPES = [
  'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=zz',
  'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/xml', 'image/jpeg', 'image/png',
  'application/octet-stream', 'application/json, text/html', 'APPLICATION/JSON', 'application/vnd.api+json', '*/*', ';',
  'application/json;' + 'x'.repeat(5000), 'application/json; boundary="', 'text/html; charset=utf-8',
];

// ---- requests and mutations -----------------------------------------------------------------------

export interface Req {
  method: string;
  path: string;
  pathParams: Record<string, string>;
  query: Record<string, string | string[]>;
  rawQuery: string | null;
  rawPath: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  rawBody: string | Buffer | null;
  contentType: string | null;
}

export type Mutation =
  | { kind: 'body'; value: unknown }
  | { kind: 'field'; key: string; value: unknown }
  | { kind: 'rawBody'; text: string | Buffer; contentType: string | null }
  | { kind: 'contentType'; value: string }
  | { kind: 'query'; name: string; value: unknown }
  | { kind: 'rawQuery'; text: string }
  | { kind: 'path'; name: string; value: string; raw: boolean }
  | { kind: 'header'; name: string; value: string };

const RAW_QUERIES = [
  'a[b][c]=1', '__proto__[polluted]=1', 'constructor[prototype][polluted]=1', '__proto__.polluted=1', 'limit=-1', 'limit=NaN',
  'limit=1e999', 'limit=0x10', '%zz', '%', '&&&=&', '=', 'status=reported&status=' + 'x'.repeat(200), 'q=%00', 'q=%F0%28%8C%BC',
  'x=1&'.repeat(3000), 'q=' + '%E4%B8%AD'.repeat(2000), 'level[]=grid', 'townId[]=a&townId[]=b', 'overdue=maybe', 'mine=',
  'cursor=' + Buffer.from('2026-01-01T00:00:00Z|x\'; select 1; --').toString('base64url'), 'cursor=' + Buffer.from('|||').toString('base64url'),
  'cursor=' + Buffer.from('not a date|id').toString('base64url'), 'phone=13800001111&phone=13800001112', 'exp=1e999&sig=x',
];
const RAW_PATHS = ['%00', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '..', '%E0%A4%A', '%', '%25', 'a'.repeat(5000), '%20', '%C0%AE', 'null', '-1', '0', '%F0%9F%98%80', '%EF%BB%BF'];
export const authHeaders = (valid: string | null): fc.Arbitrary<string> => fc.oneof(
  fc.constantFrom('Bearer', 'Bearer ', 'Bearer  ', 'Basic YWRtaW46ZGVtbzEyMzQ=', 'Token abc', 'bearer', 'Bearer null', 'Bearer undefined',
    `Bearer ${'A'.repeat(199)}`, `Bearer ${'A'.repeat(200)}`, `Bearer ${'A'.repeat(10_000)}`, `Bearer ${'A'.repeat(200_000)}`,
    ...(valid ? [`Bearer ${valid.slice(0, -1)}`, `Bearer ${valid}x`, `bearer ${valid}`, `Bearer ${valid.toUpperCase()}`] : [])),
  hostileString.map((s) => `Bearer ${s}`),
);
const headerMutation = (valid: string | null): fc.Arbitrary<Mutation> => fc.oneof(
  authHeaders(valid).map((value): Mutation => ({ kind: 'header', name: 'authorization', value })),
  fc.tuple(fc.constantFrom('idempotency-key', 'accept', 'x-forwarded-for', 'user-agent', 'content-encoding', 'accept-language', 'cookie', 'origin', 'range', 'if-none-match'),
    fc.oneof(hostileString, fc.constantFrom('gzip', 'br', 'deflate', 'bytes=0-1', 'bytes=9999999-', '*', '1.1.1.1, ' + '2.2.2.2, '.repeat(500)))).map(([name, value]): Mutation => ({ kind: 'header', name, value })),
);

/** Mutations drawn from the operation's own schemas: its body properties, query and path parameters. */
export function mutations(o: Operation, validToken: string | null): fc.Arbitrary<Mutation> {
  const bodySchema = o.op.requestBody?.content['application/json']?.schema;
  const params = o.op.parameters ?? [];
  const arbs: fc.Arbitrary<Mutation>[] = [
    rawBody.chain((text) => fc.option(fc.constantFrom('application/json', ...CONTENT_TYPES), { nil: null }).map((contentType): Mutation => ({ kind: 'rawBody', text, contentType }))),
    fc.constantFrom(...CONTENT_TYPES).map((value): Mutation => ({ kind: 'contentType', value })),
    fc.constantFrom(...RAW_QUERIES).map((text): Mutation => ({ kind: 'rawQuery', text })),
    headerMutation(validToken),
  ];
  if (o.method !== 'GET') arbs.push(fromSchema(bodySchema).map((value): Mutation => ({ kind: 'body', value })));
  const props = Object.entries(bodySchema?.properties ?? {});
  if (props.length) {
    arbs.push(fc.constantFrom(...props).chain(([key, s]) => fromSchema(s).map((value): Mutation => ({ kind: 'field', key, value }))));
    arbs.push(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', ''), hostileValue).map(([key, value]): Mutation => ({ kind: 'field', key, value })));
  }
  const query = params.filter((p) => p.in === 'query');
  if (query.length) arbs.push(fc.constantFrom(...query).chain((p) => fromSchema(p.schema).map((value): Mutation => ({ kind: 'query', name: p.name, value }))));
  const path = params.filter((p) => p.in === 'path');
  if (path.length) {
    arbs.push(fc.tuple(fc.constantFrom(...path), hostileString).map(([p, value]): Mutation => ({ kind: 'path', name: p.name, value, raw: false })));
    arbs.push(fc.tuple(fc.constantFrom(...path), fc.constantFrom(...RAW_PATHS)).map(([p, value]): Mutation => ({ kind: 'path', name: p.name, value, raw: true })));
  }
  return fc.oneof(...arbs);
}

/**
 * A shallow copy of a generated object (own keys, "__proto__" included, and its prototype), so that a later field
 * mutation writes into this request's body and never into a constant the generator hands out again.
 */
function ownCopy(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  return Object.defineProperties(Object.create(Object.getPrototypeOf(v) as object | null), Object.getOwnPropertyDescriptors(v));
}

export function apply(base: Req, ms: Mutation[]): Req {
  const r: Req = structuredClone(base);
  for (const m of ms) {
    switch (m.kind) {
      case 'body': r.body = ownCopy(m.value); r.rawBody = null; break;
      case 'field':
        if (typeof r.body === 'object' && r.body !== null && !Array.isArray(r.body)) {
          // defineProperty: an own "__proto__" key, as JSON.parse would produce, not a prototype change
          Object.defineProperty(r.body, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
        } else r.body = { [m.key]: m.value };
        r.rawBody = null;
        break;
      case 'rawBody': r.rawBody = m.text; r.contentType = m.contentType; break;
      case 'contentType': r.contentType = m.value; break;
      case 'query': {
        const v = m.value;
        r.query[m.name] = Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x) ?? '')) : typeof v === 'string' ? v : JSON.stringify(v) ?? '';
        break;
      }
      case 'rawQuery': r.rawQuery = m.text; break;
      case 'path': if (m.raw) r.rawPath[m.name] = m.value; else r.pathParams[m.name] = m.value; break;
      case 'header': r.headers[m.name] = m.value; break;
    }
  }
  return r;
}

let remote = 0;

/** Percent-encodes a path value; a lone surrogate (no UTF-8 form) goes as the bytes a careless client would send (WTF-8). */
function encodePathValue(v: string): string {
  return [...v].map((ch) => {
    const code = ch.charCodeAt(0);
    if (ch.length > 1 || code < 0xd800 || code > 0xdfff) return encodeURIComponent(ch);
    return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
  }).join('');
}

/** The request as app.inject takes it, each from an address of its own (so per-address limits stay out of the way). */
export function toInject(r: Req): InjectOptions {
  let url = r.path.replace(/\{(\w+)\}/g, (_, name: string) => r.rawPath[name] ?? encodePathValue(r.pathParams[name] ?? ''));
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(r.query)) for (const x of Array.isArray(v) ? v : [v]) qs.append(k, x);
  const query = [qs.toString(), r.rawQuery ?? ''].filter((s) => s.length > 0).join('&');
  if (query) url += `?${query}`;
  const headers: Record<string, string> = { ...r.headers };
  let payload: string | Buffer | undefined;
  if (r.rawBody !== null) payload = r.rawBody;
  else if (r.body !== undefined) payload = JSON.stringify(r.body);
  if (payload !== undefined) headers['content-type'] = r.contentType ?? 'application/json';
  else if (r.contentType) headers['content-type'] = r.contentType;
  return { method: r.method as InjectOptions['method'], url, headers, payload, remoteAddress: `10.77.${(remote >> 8) & 255}.${remote++ & 255}` };
}

/** A short description of a request for failure messages (long values cut). */
export function describeReq(o: InjectOptions): string {
  const cut = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…(${s.length} chars)` : s);
  const payload = o.payload === undefined ? '' : Buffer.isBuffer(o.payload) ? `<${o.payload.length} bytes>`
    : cut(typeof o.payload === 'string' ? o.payload : JSON.stringify(o.payload));
  const headers = Object.fromEntries(Object.entries(o.headers ?? {}).map(([k, v]) => [k, cut(String(v))]));
  return `${o.method} ${cut(String(o.url))} headers=${JSON.stringify(headers)} body=${JSON.stringify(payload)}`;
}


/**
 * The error body with every string the request itself sent (a field named in a refusal, an unknown id) blanked:
 * handing the client's own value back leaks nothing, and the leak patterns are there for the server's internals.
 */
function withoutEchoes(body: unknown, req?: InjectOptions): string {
  if (!req) return JSON.stringify(body);
  const sent = [String(req.url ?? ''), safeDecode(String(req.url ?? '')), typeof req.payload === 'string' ? req.payload : '',
    (() => { try { return JSON.stringify(JSON.parse(String(req.payload))); } catch { return ''; } })()].join('\n');
  const blank = (v: unknown): unknown => {
    if (typeof v === 'string') return v.length >= 4 && (sent.includes(v) || sent.includes(JSON.stringify(v).slice(1, -1))) ? '' : v;
    if (Array.isArray(v)) return v.map(blank);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, blank(x)]));
    return v;
  };
  return JSON.stringify(blank(body));
}

const safeDecode = (s: string) => { try { return decodeURIComponent(s); } catch { return s; } };

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();

/** What every answer must be, whatever was sent: no 5xx, errors in the API's shape without stack, path or SQL, the prototype untouched. */
export function checkAnswer(res: LightMyRequestResponse, req?: InjectOptions): string | null {
  if (res.statusCode >= 500) return `server error ${res.statusCode}: ${res.body.slice(0, 300)}`;
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== prototypeKeys || ({} as Record<string, unknown>).polluted !== undefined) {
    return 'Object.prototype was modified';
  }
  if (res.statusCode >= 400) {
    let parsed: unknown;
    try { parsed = JSON.parse(res.body); } catch { return `error body is not JSON: ${res.body.slice(0, 200)}`; }
    if (!isErrorShape(parsed)) return `error body is not { error: { code, message } }: ${res.body.slice(0, 200)}`;
    const leak = leaks(withoutEchoes(parsed, req));
    if (leak) return `error body leaks ${leak}: ${res.body.slice(0, 300)}`;
  } else if (/json/.test(String(res.headers['content-type'] ?? ''))) {
    try { JSON.parse(res.body); } catch { return `a ${res.statusCode} answer is not JSON`; }
  }
  return null;
}

export const untouchedPrototype = () => Object.getOwnPropertyNames(Object.prototype).sort().join() === prototypeKeys;
