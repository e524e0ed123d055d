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
    // the same bytes again: an anonymous copy is claimed by the account that uploads it, or starts its day afresh
    `insert into files (hash, mime, bytes, width, height, uploaded_by) values ($1,$2,$3,$4,$5,$6)
     on conflict (hash) do update set uploaded_by = excluded.uploaded_by, created_at = now() where files.uploaded_by is null`,
    [f.hash, f.mime, f.bytes, f.width, f.height, f.uploadedBy],
  );
}

export async function findFile(tx: Tx, hash: string): Promise<FileRow | null> {
  const r = await tx.query<FileRow>('select hash, mime, bytes, width, height from files where hash = $1', [hash]);
  return r.rows[0] ?? null;
}

/** Which of these hashes are uploaded files. */
export async function listUploadedHashes(tx: Tx, hashes: readonly string[]): Promise<string[]> {
  const r = await tx.query<{ hash: string }>('select hash from files where hash = any($1)', [hashes]);
  return r.rows.map((x) => x.hash);
}

/**
 * Deletes anonymous uploads (no account) that no case took within `graceMs`: the public 随手拍 upload is open to
 * anyone, and a photo nobody reported with is not kept. Returns the hashes whose rows went, for their files to go too.
 */
export async function deleteUnusedPublicFiles(tx: Tx, now: Date, graceMs: number): Promise<string[]> {
  const r = await tx.query<{ hash: string }>(
    `delete from files f where f.uploaded_by is null and f.created_at < $1
       and not exists (select 1 from case_photos p where p.hash = f.hash)
     returning f.hash`,
    [new Date(now.getTime() - graceMs)],
  );
  return r.rows.map((x) => x.hash);
}
