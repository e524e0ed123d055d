import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

const MAX_KEY = 200;

/**
 * The request's Idempotency-Key: the caller's name for one write, so a retry answers the first result. Null when none
 * is given; 400 when it is longer than 200 characters. Scoping it (to the caller, to a kind of record) is the caller's.
 */
export function idempotencyKeyOf(req: FastifyRequest): string | null {
  const raw = req.headers['idempotency-key'];
  if (typeof raw !== 'string' || raw.length === 0) return null;
  if (raw.length > MAX_KEY) throw new AppError('VALIDATION_FAILED', `Idempotency-Key is too long (${MAX_KEY} at most).`, `Idempotency-Key 过长（最多 ${MAX_KEY} 字符）。`);
  return raw;
}
