// `npm run backup [-- --out DIR]`: a consistent backup of the database and the photos, while the server runs or not.
//   DATABASE_URL set  → pg_dump -Fc (one snapshot by itself; of DATABASE_DIRECT_URL when set, past PgBouncer)
//                       + the photos under DATA_DIR/files (FILES_DIR); photos in an S3 bucket stay there (its own
//                       versioning/replication keeps them) and the manifest names the bucket
//   PGlite, server up → asks the running server (POST /api/ops/backup with DATA_DIR/backup.token): PGlite belongs
//                       to one process, so only the server can read it while it runs
//   PGlite, no server → opens DATA_DIR/pglite itself and dumps it
// Without --out the backup goes to DATA_DIR/backups/<time>. See docs/operations.md.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/platform/config.ts';
import {
  BackupError, backupPgliteDir, backupPostgres, moveBackup, newBackupDir, prepareOutDir, type BackupManifest,
} from '../src/server/platform/backup/snapshot.ts';
import { readBackupToken, tokenFile } from '../src/server/platform/backup/token.ts';

const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('usage: npm run backup [-- --out DIR]   (DATA_DIR, PORT, HOST, DATABASE_URL as for the server)');
  process.exit(0);
}

const config = loadConfig();
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The address the local server answers on: loopback unless HOST names one specific address. */
function serverBase(): string {
  const host = config.host;
  const local = !host || host === '0.0.0.0' || host === '::' || host === 'localhost';
  const h = local ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${config.port}`;
}

type ServerAnswer = { ok: true; dir: string; manifest: Omit<BackupManifest, 'format' | 'formatVersion' | 'appVersion'> } | { ok: false; reason: 'unreachable' };

async function askServer(token: string): Promise<ServerAnswer> {
  let res: Response;
  try {
    res = await fetch(`${serverBase()}/api/ops/backup`, { method: 'POST', headers: { 'x-backup-token': token }, signal: AbortSignal.timeout(30 * 60_000) });
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    if (code === 'ECONNREFUSED' || code === 'EADDRNOTAVAIL') return { ok: false, reason: 'unreachable' };
    throw err;
  }
  const text = await res.text();
  if (res.status !== 201) {
    throw new BackupError(`the server at ${serverBase()} refused the backup (${res.status}): ${text.slice(0, 300)}\n`
      + 'PGlite is in use by that process, so the data folder cannot be read directly while it runs.');
  }
  const body = JSON.parse(text);
  return { ok: true, dir: body.dir, manifest: body };
}

/**
 * No token file, yet a server on PGlite answers on PORT (one without the backup endpoint, or whose token file was
 * deleted): opening its data folder from a second process could corrupt it, so stop here.
 */
async function refuseIfServerRuns(): Promise<void> {
  let health: { db?: string } | null = null;
  try {
    const res = await fetch(`${serverBase()}/api/health`, { signal: AbortSignal.timeout(3000) });
    health = res.ok ? ((await res.json()) as { db?: string }) : null;
  } catch {
    return; // nobody there
  }
  if (health?.db === 'pglite') {
    throw new BackupError(`a Zhizhi server on PGlite answers at ${serverBase()}, but ${tokenFile(config.dataDir)} is missing. `
      + 'Restart that server (it writes the token at start) or stop it, then run the backup again.');
  }
}

function report(how: string, dir: string, m: Pick<BackupManifest, 'database' | 'files' | 'filesIn' | 'piiKey'>): void {
  console.log(`Backup written (${how}) to ${dir}`);
  console.log(`  ${m.database.file.padEnd(14)} ${mb(m.database.bytes)}`);
  if (m.filesIn) console.log(`  ${'files/'.padEnd(14)} none: the photos are in ${m.filesIn}, kept by the bucket's own versioning or replication`);
  else console.log(`  ${'files/'.padEnd(14)} ${m.files.count} file(s), ${mb(m.files.bytes)}`);
  console.log(`  ${'manifest.json'.padEnd(14)}`);
  if (m.piiKey) {
    console.log(`The personal-data key is NOT in the backup (fingerprint ${m.piiKey}): keep ${path.join(config.dataDir, 'keys', 'pii.key')}`);
    console.log('(or PII_KEY) safe somewhere else; without it the encrypted personal data in this backup cannot be read, nor its audit log verified.');
  }
  console.log(`Restore with: npm run restore -- ${dir}`);
}

/** the folder this run created and is writing into, removed again if the backup fails */
let writing: string | null = null;
try {
  const out = writing = values.out ? await prepareOutDir(values.out) : null;
  if (config.databaseUrl) {
    const dir = writing = out ?? (await newBackupDir(config.dataDir));
    const target = config.database.directUrl ?? config.databaseUrl;
    report(`pg_dump of ${config.database.directUrl ? 'DATABASE_DIRECT_URL' : 'DATABASE_URL'}`, dir, await backupPostgres(target, config.dataDir, dir, config.files));
  } else {
    const token = await readBackupToken(config.dataDir);
    const answer: ServerAnswer = token ? await askServer(token) : { ok: false, reason: 'unreachable' };
    if (answer.ok) {
      let dir = answer.dir;
      if (out) {
        await moveBackup(answer.dir, out);
        dir = out;
      }
      report(`by the running server at ${serverBase()}`, dir, answer.manifest);
    } else {
      if (token) console.log(`${tokenFile(config.dataDir)} is there but no server answers at ${serverBase()}: reading the data folder directly.`);
      else await refuseIfServerRuns();
      const dir = writing = out ?? (await newBackupDir(config.dataDir));
      report(`from ${path.join(config.dataDir, 'pglite')}, server not running`, dir, await backupPgliteDir(config.dataDir, dir, config.files));
    }
  }
} catch (err) {
  if (writing) await rm(writing, { recursive: true, force: true });
  console.error(`backup failed: ${err instanceof BackupError ? err.message : (err as Error).stack}`);
  process.exit(1);
}
