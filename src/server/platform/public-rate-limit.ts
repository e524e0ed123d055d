import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { AppError } from './errors.ts';

/**
 * Per-address limits for routes anyone may call (each route sets `config.rateLimit`); a refusal is our 429 with
 * `Retry-After` and says in both languages what was too frequent and how long to wait. Kept per node, in memory.
 */
export async function publicRateLimit(app: FastifyInstance, what: { en: string; zh: string }): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => {
      const minutes = Math.ceil(ctx.ttl / 60000);
      return new AppError('RATE_LIMITED', `Too many ${what.en} from this address; try again in ${minutes} min.`,
        `${what.zh}过于频繁，请 ${minutes} 分钟后再试。`, undefined, { 'retry-after': String(Math.ceil(ctx.ttl / 1000)) });
    },
  });
}
