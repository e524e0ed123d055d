import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  production: boolean;
  /** seconds a login token stays valid */
  tokenTtlSeconds: number;
  /** first admin in production, from the environment */
  bootstrapAdmin: { username: string; password: string } | null;
  webDist: string;
  trustProxy: boolean;
  /** origins of other web clients allowed to call the API from a browser; empty = CORS closed */
  corsOrigins: string[];
  /** how often each node re-checks the sessions behind its open live streams (expiry, changes no trigger announces) */
  liveRecheckMs: number;
  /**
   * How long a request may take to send its body (app.ts, bodyDeadline): `requestMs` for every route (BODY_TIMEOUT_MS,
   * default 30 s), `uploadMs` for the routes that take a large file, a registry import of up to 64 MB (UPLOAD_TIMEOUT_MS,
   * default 15 min: 64 MB over a 1 Mbit/s uplink takes ~9 min).
   */
  bodyTimeouts: { requestMs: number; uploadMs: number };
  /** the SMS gateway adapter that takes verification codes (SMS_WEBHOOK_URL, optional SMS_WEBHOOK_TOKEN); see identity/sms-sender.ts */
  sms: { webhookUrl: string | null; webhookToken: string | null };
  /** the environment this was read from: a capability reads its own settings there (maps: the basemap, the geocoder key) */
  env: Readonly<Record<string, string | undefined>>;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  const adminUser = env.ADMIN_USERNAME;
  const adminPassword = env.ADMIN_PASSWORD;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    production: env.NODE_ENV === 'production',
    tokenTtlSeconds: Number(env.TOKEN_TTL_SECONDS ?? 12 * 3600),
    bootstrapAdmin: adminUser && adminPassword ? { username: adminUser, password: adminPassword } : null,
    webDist: path.resolve(env.WEB_DIST ?? './dist/web'),
    trustProxy: env.TRUST_PROXY === '1',
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    liveRecheckMs: Math.max(100, Number(env.LIVE_RECHECK_MS) || 5000),
    bodyTimeouts: {
      requestMs: Math.max(100, Number(env.BODY_TIMEOUT_MS) || 30_000),
      uploadMs: Math.max(100, Number(env.UPLOAD_TIMEOUT_MS) || 15 * 60_000),
    },
    sms: { webhookUrl: env.SMS_WEBHOOK_URL?.trim() || null, webhookToken: env.SMS_WEBHOOK_TOKEN?.trim() || null },
    env: { ...env },
  };
}
