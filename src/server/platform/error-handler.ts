import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';
import type { ApiErrorBody } from '../../shared/errors.ts';

function body(code: string, message: string, messageZh: string, details?: unknown): ApiErrorBody {
  return { error: { code, message, messageZh, ...(details === undefined ? {} : { details }) } };
}

/** PostgreSQL text cannot hold U+0000, and a lone surrogate ("\udfff") is no character at all. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

/**
 * A body kept as a stream (an import's file, see registry/import-routes.ts) is not walked: over real HTTP it is the
 * IncomingMessage, whose socket, server and connections make a graph that a walk 32 levels deep never finishes.
 */
const isStream = (v: object) => typeof (v as { pipe?: unknown }).pipe === 'function';

function hasUnstorableText(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return unstorable(v);
  if (depth > 32 || v === null || typeof v !== 'object' || Buffer.isBuffer(v) || isStream(v)) return false;
  return Object.entries(v as object).some(([k, x]) => unstorable(k) || hasUnstorableText(x, depth + 1));
}

/** Text that cannot be stored as it was sent (NUL, lone surrogates) is refused up front as a 400, never reaches the store. */
export function rejectUnstorableText(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    if ([req.params, req.query, req.body, req.headers['idempotency-key']].some((v) => hasUnstorableText(v))) {
      throw new AppError('VALIDATION_FAILED', 'The request contains a NUL character or a broken Unicode character.',
        '请求中含有非法的空字符（NUL）或残缺的 Unicode 字符。');
    }
  });
}

/** The path of the first number that is not finite (Infinity from `1e999`, which the schema validator lets through). */
function nonFinite(v: unknown, at: string, depth = 0): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? null : at;
  if (depth > 32 || v === null || typeof v !== 'object' || Buffer.isBuffer(v) || isStream(v)) return null;
  for (const [k, x] of Object.entries(v as object)) {
    const found = nonFinite(x, `${at}.${k}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/** After validation: a number that coerced to ±Infinity is refused as a 400 naming the field, never reaches the store. */
export function rejectNonFiniteNumbers(app: FastifyInstance): void {
  app.addHook('preHandler', async (req) => {
    const field = nonFinite(req.query, 'querystring') ?? nonFinite(req.params, 'params') ?? nonFinite(req.body, 'body');
    if (field) {
      throw new AppError('VALIDATION_FAILED', `Invalid request: ${field} must be a finite number.`, `请求参数有误：${field} 必须是有限的数值。`,
        [{ field, problem: 'must be finite' }]);
    }
  });
}

/** PostgreSQL quotes the offending input at the end of some messages (`invalid input syntax for type uuid: "…"`): not logged. */
const withoutQuotedValue = (message: string) => message.replace(/: ".*"$/s, ': "…"');

/** The one place where failures become HTTP responses; nothing internal (stack, SQL) leaves the server. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).headers(err.headers).send(body(err.code, err.message, err.messageZh, err.details));
    }
    if (err.validation) {
      const fields = err.validation.map((v) => ({
        field: `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`.replace(/\.$/, ''),
        problem: v.message ?? 'invalid',
        ...(v.params && 'missingProperty' in v.params ? { missing: v.params.missingProperty } : {}),
      }));
      const names = fields.map((f) => (f.missing ? `${f.field}.${String(f.missing)}` : f.field)).join(', ');
      return reply.status(400).send(body('VALIDATION_FAILED', `Invalid request: ${names}`, `请求参数有误：${names}`, fields));
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.status(400).send(body('MALFORMED_JSON', 'The request body is not valid JSON.', '请求体不是有效的 JSON。'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.status(413).send(body('PAYLOAD_TOO_LARGE', 'The request body is too large.', '请求体过大。'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.status(415).send(body('UNSUPPORTED_MEDIA_TYPE', 'This content type is not accepted here.', '不支持该内容类型。'));
    }
    if (err instanceof SyntaxError || err.statusCode === 400) {
      return reply.status(400).send(body('MALFORMED_JSON', 'The request could not be read.', '无法解析该请求。'));
    }
    if (err.statusCode === 429) {
      return reply.status(429).send(body('RATE_LIMITED', 'Too many requests; try again later.', '请求过于频繁，请稍后再试。'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(body('BAD_REQUEST', 'The request was refused.', '请求被拒绝。'));
    }
    // always logged, with the request id the caller was given; never the request's body, query or the driver's detail
    // fields (a PostgreSQL error's `detail` can quote the values of a row)
    const e = err as Error & { code?: unknown };
    req.log.error({ method: req.method, route: req.routeOptions.url ?? null, error: { type: e.name, code: e.code ?? null, message: withoutQuotedValue(e.message), stack: e.stack } }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', 'Something went wrong on our side; the request was not applied.', '服务器内部错误，请求未生效。', { requestId: req.id }));
  });
}
