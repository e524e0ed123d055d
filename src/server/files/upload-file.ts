import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, access } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import type { Db } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { PHOTO_LIMITS, sniffImageType } from '../../domain/files/image-type.ts';
import { insertFile, type FileRow } from './store.ts';
import { fsyncDirectory } from '../platform/durable-file.ts';

/** Where photos live: under DATA_DIR, by content hash (every API node and worker must see the same folder). */
export const filesDirOf = (dataDir: string) => path.join(dataDir, 'files');

export function filePath(filesDir: string, hash: string, variant: 'full' | 'thumb'): string {
  return path.join(filesDir, hash.slice(0, 2), variant === 'thumb' ? `${hash}.thumb.webp` : hash);
}

async function writeOnce(target: string, data: Buffer): Promise<void> {
  try {
    await access(target);
    return; // content-addressed: the same hash is the same bytes
  } catch { /* not there yet */ }
  const dir = path.dirname(target);
  const created = await mkdir(dir, { recursive: true });
  if (created) await fsyncDirectory(path.dirname(created));
  // several requests may store the same photo at once (mobile clients retry): each writes its own temporary file
  const tmp = `${target}.${randomBytes(8).toString('hex')}.tmp`;
  // flushed before it takes its name: after a power cut a hash never names a half-written file
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, target);
  // the new name is flushed too: after a power cut an acknowledged photo is there, not only its bytes in a lost entry
  await fsyncDirectory(dir);
  if (created && created !== dir) await fsyncDirectory(path.dirname(dir));
}

/** Stores a photo by content hash after checking its real type and size, with a 320 px WebP thumbnail. */
export async function uploadFile(db: Db, filesDir: string, body: Buffer, uploadedBy: string | null): Promise<FileRow> {
  if (body.length > PHOTO_LIMITS.maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'The photo is larger than 10 MB.', '照片超过 10 MB。');
  }
  const mime = sniffImageType(body);
  if (!mime) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Only JPEG, PNG and WebP photos are accepted.', '仅支持 JPEG、PNG、WebP 格式的照片。');
  }
  let meta: Metadata;
  let thumb: Buffer;
  try {
    const image = sharp(body, { failOn: 'error', limitInputPixels: 50_000_000 });
    meta = await image.metadata();
    thumb = await image.rotate().resize({ width: 320, height: 320, fit: 'inside', withoutEnlargement: true }).webp({ quality: 70 }).toBuffer();
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The photo could not be read as an image.', '照片文件已损坏或无法识别。');
  }
  const hash = createHash('sha256').update(body).digest('hex');
  await writeOnce(filePath(filesDir, hash, 'full'), body);
  await writeOnce(filePath(filesDir, hash, 'thumb'), thumb);
  const row: FileRow = { hash, mime, bytes: body.length, width: meta.width ?? null, height: meta.height ?? null };
  await insertFile(db, { ...row, uploadedBy });
  return row;
}
