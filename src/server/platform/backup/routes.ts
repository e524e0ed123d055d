import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { backupPglite, newBackupDir } from './snapshot.ts';
import { isLocalClient, removeBackupToken, tokensMatch, writeBackupToken } from './token.ts';

const BackupResult = Type.Object({
  dir: Type.String({ description: 'absolute path of the backup folder on the server (DATA_DIR/backups/<time>)' }),
  store: Type.Literal('pglite'),
  createdAt: Type.String({ format: 'date-time' }),
  database: Type.Object({ file: Type.String(), bytes: Type.Integer() }),
  files: Type.Object({ count: Type.Integer(), bytes: Type.Integer() }, { description: 'photos and thumbnails copied' }),
  filesIn: Type.Optional(Type.String({ description: 'the S3 bucket the photos are in when they are not copied (s3://name)' })),
  piiKey: Type.Union([Type.String(), Type.Null()], { description: 'fingerprint of the personal-data key (the key is not in the backup)' }),
});

const notLocal = () =>
  new AppError('FORBIDDEN', 'Backups are taken only from the server\'s own machine, not through a proxy.', '只能在服务器本机直接发起备份。');
const badToken = () =>
  new AppError('FORBIDDEN', 'The backup token is missing or wrong: send the content of DATA_DIR/backup.token as x-backup-token.', '备份令牌缺失或错误。');

/**
 * POST /api/ops/backup: a consistent snapshot of the embedded PGlite store and the photos, taken by the running
 * server (PGlite belongs to one process, so `npm run backup` asks the server). There when the store is PGlite on
 * disk; with PostgreSQL `npm run backup` uses pg_dump and needs no server. No account can call it: only a client
 * on this machine that can read DATA_DIR/backup.token (written at start, mode 0600, removed at a clean stop).
 */
export async function backupRoutes(app: FastifyInstance): Promise<void> {
  const raw = app.db.raw;
  if (!('pglite' in raw) || !raw.pglite.dataDir) return;
  const pglite = raw.pglite;
  const dataDir = app.config.dataDir;
  if (path.resolve(raw.pglite.dataDir) !== path.join(dataDir, 'pglite')) return;

  let token: string | null = null;
  app.addHook('onReady', async () => {
    token = await writeBackupToken(dataDir);
  });
  app.addHook('onClose', async () => {
    if (token) await removeBackupToken(dataDir, token);
  });

  const guard = async (req: FastifyRequest) => {
    if (!isLocalClient({ remoteAddress: req.socket.remoteAddress, localAddress: req.socket.localAddress, headers: req.headers })) throw notLocal();
    const given = req.headers['x-backup-token'];
    if (!token || !tokensMatch(typeof given === 'string' ? given : undefined, token)) throw badToken();
  };

  // one backup at a time; each one holds the database for the few seconds the dump takes
  let queue: Promise<unknown> = Promise.resolve();

  app.post('/api/ops/backup', {
    config: { access: 'public' },
    // before validation: a caller from elsewhere or without the token learns nothing more than 403
    onRequest: guard,
    schema: {
      tags: ['ops'],
      description: 'Takes a consistent backup of the embedded PGlite store and the photos into DATA_DIR/backups/<time> (answers 201 with what it wrote). '
        + 'Not for accounts: only from the server\'s own machine (loopback, no proxy headers) with the token from DATA_DIR/backup.token; '
        + '`npm run backup` does this. Present only when the store is PGlite; with PostgreSQL use `npm run backup` (pg_dump).',
      security: [],
      headers: Type.Object({ 'x-backup-token': Type.String({ minLength: 1, maxLength: 200, description: 'the content of DATA_DIR/backup.token' }) }),
      response: { 201: BackupResult },
    },
  }, async (_req, reply) => {
    const run = queue.then(async () => {
      const dir = await newBackupDir(dataDir);
      const m = await backupPglite(pglite, dataDir, dir, app.config.files);
      return { dir, store: 'pglite' as const, createdAt: m.createdAt, database: m.database, files: m.files, ...(m.filesIn ? { filesIn: m.filesIn } : {}), piiKey: m.piiKey };
    });
    queue = run.catch(() => undefined);
    return reply.status(201).send(await run);
  });
}
