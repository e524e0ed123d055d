import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, cp, mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { VERSION } from '../version.ts';
import { createFsyncingPglite } from '../db/pglite-fsync.ts';
import type { FilesConfig } from '../config.ts';

/**
 * A backup is one folder:
 *   manifest.json      what it holds (store, time, sizes)
 *   pglite.tar.gz      PGlite: the data directory, dumped by PGlite between two transactions
 *   postgres.dump      PostgreSQL: `pg_dump -Fc` (one MVCC snapshot), for `pg_restore`
 *   files/             the photos, content-addressed as under DATA_DIR/files (FILES_DIR); none when they live in an
 *                      S3 bucket, which keeps its own copies (versioning, replication): `filesIn` names it
 * The database is dumped first and the photos copied after: a photo is written before its row and never
 * changed or removed, so every photo the dump refers to is on disk by the time the folder is copied.
 */
export interface BackupManifest {
  format: 'zhizhi-backup';
  formatVersion: 1;
  store: 'pglite' | 'postgres';
  createdAt: string;
  appVersion: string;
  /** file name of the database dump inside the backup folder */
  database: { file: string; bytes: number };
  files: { count: number; bytes: number };
  /** where the photos were when they are not in the backup: an S3 bucket (`s3://name`) */
  filesIn?: string;
  /** fingerprint of the personal-data key the data was encrypted with (the key itself is never in a backup) */
  piiKey: string | null;
}

export const MANIFEST = 'manifest.json';
export const PGLITE_DUMP = 'pglite.tar.gz';
export const POSTGRES_DUMP = 'postgres.dump';

export class BackupError extends Error {}

/**
 * The personal-data master key (src/server/platform/pii-cipher.ts: PII_KEY, else DATA_DIR/keys/pii.key) stays out
 * of backups: a backup that carries its own key would protect nothing. The manifest keeps a fingerprint of it, so
 * a restore can say whether the right key is in place. A one-way hash of a 256-bit random key reveals nothing.
 */
export async function piiKeyFingerprint(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  let b64 = env.PII_KEY ?? null;
  if (!b64) {
    try {
      b64 = (await readFile(path.join(dataDir, 'keys', 'pii.key'), 'utf8')).trim();
    } catch {
      return null;
    }
  }
  return createHash('sha256').update('zhizhi backup: pii key fingerprint\0').update(Buffer.from(b64, 'base64')).digest('hex').slice(0, 16);
}

/** DATA_DIR/backups/2026-05-01T10-20-30-123Z (a suffix when two backups start in the same millisecond) */
export async function newBackupDir(dataDir: string, now = new Date()): Promise<string> {
  const root = path.join(dataDir, 'backups');
  await mkdir(root, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let i = 0; ; i++) {
    const dir = path.join(root, i === 0 ? stamp : `${stamp}-${i}`);
    try {
      await mkdir(dir, { mode: 0o700 });
      return dir;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

/** Creates an output folder that must not hold anything yet. */
export async function prepareOutDir(dir: string): Promise<string> {
  const abs = path.resolve(dir);
  if (!(await isEmptyOrMissing(abs))) throw new BackupError(`${abs} is not empty; name a new folder for the backup.`);
  await mkdir(abs, { recursive: true, mode: 0o700 });
  return abs;
}

/**
 * Copies the photo tree (two-letter shard folders of content-addressed files), skipping half-written
 * `.tmp` files and files already present at the target (same name, same bytes). Returns what it copied.
 */
/** The folder of the photos, or null when they live in a bucket (config.files; default DATA_DIR/files). */
export function photosDir(dataDir: string, files?: FilesConfig): string | null {
  if (!files) return path.join(dataDir, 'files');
  return files.kind === 'directory' ? files.dir : null;
}

/** Copies the photos into the backup when they are in a folder; a bucket is named instead. */
async function backupPhotos(dataDir: string, files: FilesConfig | undefined, outDir: string): Promise<Pick<BackupManifest, 'files' | 'filesIn'>> {
  const dir = photosDir(dataDir, files);
  if (dir) return { files: await copyFiles(dir, path.join(outDir, 'files')) };
  return { files: { count: 0, bytes: 0 }, filesIn: files?.kind === 's3' ? `s3://${files.bucket}` : undefined };
}

/** Puts the backup's photos back into the folder; with a bucket nothing is copied (the bucket kept them). */
async function restorePhotos(backupDir: string, dataDir: string, files: FilesConfig | undefined): Promise<{ count: number; bytes: number }> {
  const dir = photosDir(dataDir, files);
  return dir ? copyFiles(path.join(backupDir, 'files'), dir) : { count: 0, bytes: 0 };
}

export async function copyFiles(from: string, to: string): Promise<{ count: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  async function walk(rel: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(path.join(from, rel), { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const e of entries) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) {
        await walk(r);
      } else if (e.isFile() && !e.name.endsWith('.tmp')) {
        const target = path.join(to, r);
        await mkdir(path.dirname(target), { recursive: true });
        try {
          await copyFile(path.join(from, r), target, 1 /* COPYFILE_EXCL */);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
          continue;
        }
        count++;
        bytes += (await stat(target)).size;
      }
    }
  }
  await walk('');
  return { count, bytes };
}

async function writeManifest(dir: string, m: BackupManifest): Promise<void> {
  await writeFile(path.join(dir, MANIFEST), `${JSON.stringify(m, null, 2)}\n`, { mode: 0o600 });
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  let m: BackupManifest;
  try {
    m = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    throw new BackupError(`${dir} is not a Zhizhi backup (no readable ${MANIFEST}).`);
  }
  if (m.format !== 'zhizhi-backup' || m.formatVersion !== 1) throw new BackupError(`${dir}: unknown backup format.`);
  return m;
}

/**
 * PGlite: the data directory as a gzipped tarball, taken inside one transaction of the live instance. PGlite runs
 * one transaction (and one query) at a time, so while this holds the transaction lock nobody else is half-way
 * through one; the CHECKPOINT puts every committed change into the data files before they are read.
 */
export async function backupPglite(pglite: PGlite, dataDir: string, outDir: string, photos?: FilesConfig): Promise<BackupManifest> {
  const createdAt = new Date().toISOString();
  const blob = await pglite.transaction(async (tx) => {
    await tx.exec('checkpoint');
    return pglite.dumpDataDir('gzip');
  });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  // password hashes, secrets and personal data: readable by this user only, like DATA_DIR itself should be
  await writeFile(path.join(outDir, PGLITE_DUMP), bytes, { mode: 0o600 });
  const files = await backupPhotos(dataDir, photos, outDir);
  const manifest: BackupManifest = {
    format: 'zhizhi-backup', formatVersion: 1, store: 'pglite', createdAt, appVersion: VERSION,
    database: { file: PGLITE_DUMP, bytes: bytes.length }, ...files, piiKey: await piiKeyFingerprint(dataDir),
  };
  await writeManifest(outDir, manifest);
  return manifest;
}

/** Opens the PGlite data directory of a stopped server and dumps it. */
export async function backupPgliteDir(dataDir: string, outDir: string, photos?: FilesConfig): Promise<BackupManifest> {
  const dir = path.join(dataDir, 'pglite');
  if (!(await hasPgliteData(dir))) throw new BackupError(`${dir} holds no database: nothing to back up.`);
  const pglite = await createFsyncingPglite(dir);
  try {
    return await backupPglite(pglite, dataDir, outDir, photos);
  } finally {
    await pglite.close();
  }
}

export async function hasPgliteData(dir: string): Promise<boolean> {
  return !(await isEmptyOrMissing(dir));
}

/** The connection string without its password (which goes to the child in PGPASSWORD, not on its command line). */
function pgTarget(connectionString: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(connectionString);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', (err) => {
      reject((err as NodeJS.ErrnoException).code === 'ENOENT'
        ? new BackupError(`${cmd} is not installed: install the PostgreSQL client tools, the same major version as the server or newer (Debian/Ubuntu: apt-get install postgresql-client).`)
        : err);
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${cmd} failed (exit ${code}):\n${stderr.trim()}`));
    });
  });
}

/** PostgreSQL: `pg_dump -Fc` reads one consistent snapshot by itself, whatever the servers keep writing. */
export async function backupPostgres(connectionString: string, dataDir: string, outDir: string, photos?: FilesConfig): Promise<BackupManifest> {
  const { dbname, env } = pgTarget(connectionString);
  const file = path.join(outDir, POSTGRES_DUMP);
  const createdAt = new Date().toISOString();
  await writeFile(file, '', { mode: 0o600 });
  await run('pg_dump', ['--format=custom', '--file', file, '--dbname', dbname], env);
  const files = await backupPhotos(dataDir, photos, outDir);
  const manifest: BackupManifest = {
    format: 'zhizhi-backup', formatVersion: 1, store: 'postgres', createdAt, appVersion: VERSION,
    database: { file: POSTGRES_DUMP, bytes: (await stat(file)).size }, ...files, piiKey: await piiKeyFingerprint(dataDir),
  };
  await writeManifest(outDir, manifest);
  return manifest;
}

export interface RestoreResult {
  store: 'pglite' | 'postgres';
  target: string;
  files: { count: number; bytes: number };
  /** the personal-data key at the target against the one the backup was made with */
  piiKey: 'not used' | 'in place' | 'missing' | 'different';
}

async function checkPiiKey(m: BackupManifest, dataDir: string): Promise<RestoreResult['piiKey']> {
  if (!m.piiKey) return 'not used';
  const here = await piiKeyFingerprint(dataDir);
  return here === null ? 'missing' : here === m.piiKey ? 'in place' : 'different';
}

/** Restores a PGlite backup into DATA_DIR, whose `pglite` folder must be empty or missing. */
export async function restorePglite(backupDir: string, dataDir: string, photos?: FilesConfig): Promise<RestoreResult> {
  const m = await readManifest(backupDir);
  if (m.store !== 'pglite') throw new BackupError(`${backupDir} is a PostgreSQL backup: set DATABASE_URL to an empty database to restore it.`);
  const dir = path.join(dataDir, 'pglite');
  if (await hasPgliteData(dir)) throw new BackupError(`${dir} already holds a database; restore only into an empty data folder (move it aside first).`);
  const tarball = await readFile(path.join(backupDir, m.database.file));
  await mkdir(dir, { recursive: true });
  try {
    const pglite = await createFsyncingPglite(dir, { loadDataDir: new Blob([tarball]) });
    await pglite.query('select 1');
    await pglite.close();
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const files = await restorePhotos(backupDir, dataDir, photos);
  return { store: 'pglite', target: dir, files, piiKey: await checkPiiKey(m, dataDir) };
}

/** Restores a PostgreSQL backup into the database at `connectionString`, which must hold no tables. */
export async function restorePostgres(backupDir: string, connectionString: string, dataDir: string, photos?: FilesConfig): Promise<RestoreResult> {
  const m = await readManifest(backupDir);
  if (m.store !== 'postgres') throw new BackupError(`${backupDir} is a PGlite backup: unset DATABASE_URL to restore it into DATA_DIR.`);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const r = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
    );
    if (r.rows[0]!.n > 0) throw new BackupError(`The database already has ${r.rows[0]!.n} table(s); restore only into an empty database (createdb a new one).`);
  } finally {
    await client.end();
  }
  const { dbname, env } = pgTarget(connectionString);
  // one transaction: a failed restore leaves the database empty, not half-filled
  await run('pg_restore', ['--no-owner', '--no-acl', '--exit-on-error', '--single-transaction', '--dbname', dbname, path.join(backupDir, m.database.file)], env);
  const files = await restorePhotos(backupDir, dataDir, photos);
  const u = new URL(connectionString);
  u.password = '';
  return { store: 'postgres', target: u.toString(), files, piiKey: await checkPiiKey(m, dataDir) };
}

/** Moves a finished backup folder (rename, or copy and delete across file systems). */
export async function moveBackup(from: string, to: string): Promise<void> {
  await rmdir(to).catch((err: NodeJS.ErrnoException) => { if (err.code !== 'ENOENT') throw err; }); // empty: prepareOutDir
  try {
    await rename(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}
