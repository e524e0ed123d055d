import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /**
   * Several nodes (docs/operations.md, "Several nodes"): `replicaUrl` a read replica for the lists and figures that may
   * lag (DATABASE_REPLICA_URL, `db.reader`); `directUrl` a connection past the pooler for what needs a session (LISTEN,
   * the job queue, session locks, backups; DATABASE_DIRECT_URL); `pgbouncer` PgBouncer in transaction mode in front of
   * DATABASE_URL: no named prepared statements (DATABASE_PGBOUNCER=1); `poolSize` connections per node (DATABASE_POOL_SIZE).
   */
  database: { replicaUrl: string | null; directUrl: string | null; pgbouncer: boolean; poolSize: number };
  /** where photos and other uploads live: a directory every node sees (FILES_DIR, default DATA_DIR/files) or an S3 bucket */
  files: FilesConfig;
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

export type FilesConfig =
  | { kind: 'directory'; dir: string }
  | { kind: 's3'; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean };

/** S3-compatible storage when S3_BUCKET is set (S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE), else a directory. */
function filesConfig(env: NodeJS.ProcessEnv, dataDir: string): FilesConfig {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) return { kind: 'directory', dir: path.resolve(env.FILES_DIR?.trim() || path.join(dataDir, 'files')) };
  const region = env.S3_REGION?.trim() || 'us-east-1';
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim();
  if (!accessKeyId || !secretAccessKey) throw new Error('S3_BUCKET is set: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set too.');
  return {
    kind: 's3', bucket, region, accessKeyId, secretAccessKey,
    endpoint: (env.S3_ENDPOINT?.trim() || `https://s3.${region}.amazonaws.com`).replace(/\/+$/, ''),
    forcePathStyle: env.S3_FORCE_PATH_STYLE === '1' || env.S3_FORCE_PATH_STYLE === 'true',
  };
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
    database: {
      replicaUrl: env.DATABASE_REPLICA_URL || null,
      directUrl: env.DATABASE_DIRECT_URL || null,
      pgbouncer: env.DATABASE_PGBOUNCER === '1' || env.DATABASE_PGBOUNCER === 'true',
      poolSize: Math.max(1, Number(env.DATABASE_POOL_SIZE) || 10),
    },
    files: filesConfig(env, dataDir),
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
