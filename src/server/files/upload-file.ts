import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import type { Db } from '../platform/db/db.ts';
import { AppError } from '../platform/errors.ts';
import { PHOTO_LIMITS, sniffImageType } from '../../domain/files/image-type.ts';
import { insertFile, type FileRow } from './store.ts';
import type { BlobStore } from './blob-store.ts';

/** A photo's key in the blob store: by content hash, in 256 two-letter folders (the layout DATA_DIR/files always had). */
export function photoKey(hash: string, variant: 'full' | 'thumb'): string {
  return `${hash.slice(0, 2)}/${variant === 'thumb' ? `${hash}.thumb.webp` : hash}`;
}

/** Stores a photo by content hash after checking its real type and size, with a 320 px WebP thumbnail. */
export async function uploadFile(db: Db, blobs: BlobStore, body: Buffer, uploadedBy: string | null): Promise<FileRow> {
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
  // the bytes first, the row after: a row never names a photo that is not stored
  await blobs.put(photoKey(hash, 'full'), body, mime);
  await blobs.put(photoKey(hash, 'thumb'), thumb, 'image/webp');
  const row: FileRow = { hash, mime, bytes: body.length, width: meta.width ?? null, height: meta.height ?? null };
  await insertFile(db, { ...row, uploadedBy });
  return row;
}
