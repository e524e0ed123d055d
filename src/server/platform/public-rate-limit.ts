import type { FastifyInstance } from 'fastify';
import rateLimit, { type FastifyRateLimitOptions, type FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Tx } from './db/db.ts';
import { AppError } from './errors.ts';
import { countHit, deleteEndedWindows, readHits } from './rate-limit-store.ts';

/** what the plugin hands a store: its merged settings, and for a route's child the route */
type StoreOptions = FastifyRateLimitOptions & { continueExceeding?: boolean; exponentialBackoff?: boolean; routeInfo?: { method?: string | string[]; url?: string } };

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** How often a node deletes the windows that ended (at most; only when requests come), and how many at a time. */
const CLEANUP_EVERY_MS = 60_000;
const CLEANUP_BATCH = 1000;

/**
 * The plugin's store in the database (table rate_limit_hits, migration 041), so a limit holds across every API node
 * behind a load balancer: each request is one upsert. Keys are the route's method and URL and the plugin's key (the
 * address, or a route's own keyGenerator). Windows that ended are deleted by whichever node counts a request a
 * minute after its last clean-up.
 */
export function databaseRateLimitStore(db: Tx): new (options: FastifyRateLimitOptions) => FastifyRateLimitStore {
  let lastCleanup = 0;
  const cleanup = () => {
    const now = Date.now();
    if (now - lastCleanup < CLEANUP_EVERY_MS) return;
    lastCleanup = now;
    deleteEndedWindows(db, CLEANUP_BATCH).catch(() => { lastCleanup = 0; });
  };

  class DatabaseStore implements FastifyRateLimitStore {
    private readonly prefix: string;
    private readonly continueExceeding: boolean;

    constructor(options: StoreOptions, prefix = '') {
      if (options.exponentialBackoff) throw new Error('the database rate-limit store does not do exponentialBackoff');
      this.continueExceeding = options.continueExceeding ?? false;
      this.prefix = prefix;
    }

    incr(key: string, cb: Callback, timeWindow: number, max: number): void {
      countHit(db, this.prefix + key, timeWindow, max, this.continueExceeding).then(
        (w) => { cb(null, { current: w.hits, ttl: w.ttlMs }); cleanup(); },
        (err: Error) => cb(err),
      );
    }

    read(key: string, cb: Callback): void {
      readHits(db, this.prefix + key).then((w) => cb(null, { current: w.hits, ttl: w.ttlMs }), (err: Error) => cb(err));
    }

    child(routeOptions: StoreOptions): FastifyRateLimitStore {
      const method = [routeOptions.routeInfo?.method ?? ''].flat().join(',');
      return new DatabaseStore(routeOptions, `${this.prefix}${method} ${routeOptions.routeInfo?.url ?? ''} `);
    }
  }
  return DatabaseStore;
}

/**
 * Per-address limits for routes anyone may call (each route sets `config.rateLimit`); a refusal is our 429 with
 * `Retry-After` and says in both languages what was too frequent and how long to wait. Counted in the database, so
 * the limit is the same whichever node a request reaches.
 */
export async function publicRateLimit(app: FastifyInstance, what: { en: string; zh: string }): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    store: databaseRateLimitStore(app.db),
    errorResponseBuilder: (_req, ctx) => {
      const minutes = Math.ceil(ctx.ttl / 60000);
      return new AppError('RATE_LIMITED', `Too many ${what.en} from this address; try again in ${minutes} min.`,
        `${what.zh}过于频繁，请 ${minutes} 分钟后再试。`, undefined, { 'retry-after': String(Math.ceil(ctx.ttl / 1000)) });
    },
  });
}
