import type { Tx } from '../platform/db/db.ts';

export interface FileRow {
  hash: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
}

export async function insertFile(tx: Tx, f: FileRow & { uploadedBy: string | null }): Promise<void> {
  await tx.query(
    `insert into files (hash, mime, bytes, width, height, uploaded_by) values ($1,$2,$3,$4,$5,$6) on conflict (hash) do nothing`,
    [f.hash, f.mime, f.bytes, f.width, f.height, f.uploadedBy],
  );
}

export async function findFile(tx: Tx, hash: string): Promise<FileRow | null> {
  const r = await tx.query<FileRow>('select hash, mime, bytes, width, height from files where hash = $1', [hash]);
  return r.rows[0] ?? null;
}

export async function existingHashes(tx: Tx, hashes: readonly string[]): Promise<Set<string>> {
  const r = await tx.query<{ hash: string }>('select hash from files where hash = any($1)', [hashes]);
  return new Set(r.rows.map((x) => x.hash));
}
