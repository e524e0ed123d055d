// `npm run restore -- <backup dir>`: puts a backup made by `npm run backup` back, into an EMPTY store only.
//   PGlite backup     → DATA_DIR/pglite must be empty or missing; then the photos into DATA_DIR/files (FILES_DIR;
//                       with S3_BUCKET set none are copied: the bucket kept them)
//   PostgreSQL backup → DATABASE_URL must name a database without tables (pg_restore --no-owner); then the photos
// Stop the server first; at its next start the migrations newer than the backup are applied. See docs/operations.md.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/platform/config.ts';
import { BackupError, readManifest, restorePglite, restorePostgres } from '../src/server/platform/backup/snapshot.ts';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
if (positionals.length !== 1) {
  console.error('usage: npm run restore -- <backup dir>   (into the empty DATA_DIR, or the empty database at DATABASE_URL)');
  process.exit(2);
}
const backupDir = positionals[0]!;
const config = loadConfig();

try {
  const m = await readManifest(backupDir);
  console.log(`Restoring a ${m.store} backup of ${m.createdAt} (Zhizhi ${m.appVersion}) from ${backupDir}`);
  const r = config.databaseUrl
    ? await restorePostgres(backupDir, config.database.directUrl ?? config.databaseUrl, config.dataDir, config.files)
    : await restorePglite(backupDir, config.dataDir, config.files);
  console.log(`  database → ${r.target}`);
  if (config.files.kind === 'directory') console.log(`  photos   → ${config.files.dir} (${r.files.count} file(s))`);
  else console.log(`  photos   → none copied: they are in s3://${config.files.bucket} (restore the bucket from its versions or replica if needed)`);
  if (r.piiKey === 'missing' || r.piiKey === 'different') {
    console.warn([
      '',
      `WARNING: the personal data in this backup is encrypted with a key that backups never hold (fingerprint ${m.piiKey}),`,
      r.piiKey === 'missing' ? 'and no key is in place here.' : 'and the key in place here is a different one.',
      `Before starting the server, put the original key back: ${config.dataDir}/keys/pii.key (mode 0600) or PII_KEY.`,
      'Otherwise phone numbers and other personal data cannot be read, and the audit log (keyed with the same key) does not verify.',
    ].join('\n'));
  } else if (r.piiKey === 'in place') {
    console.log('  personal-data key: the one the backup was made with is in place');
  }
  console.log('Done. Start the server as usual: it applies any newer migrations.');
} catch (err) {
  console.error(`restore failed: ${err instanceof BackupError ? err.message : (err as Error).stack}`);
  process.exit(1);
}
