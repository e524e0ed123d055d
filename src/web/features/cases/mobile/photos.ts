// Camera photos are large (4–12 MB): shrink them to JPEG ≤ 1600 px before upload, so phones stay under
// the server's 10 MB limit and slow networks finish. Files that are already small pass unchanged.
import type { ImageUploadItem } from 'antd-mobile';
import { uploadPhoto } from '../api.ts';

const MAX_SIDE = 1600;
const KEEP_BELOW = 600 * 1024;

async function decode(file: Blob): Promise<{ width: number; height: number; draw: (ctx: CanvasRenderingContext2D, w: number, h: number) => void; close: () => void }> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bmp = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return { width: bmp.width, height: bmp.height, draw: (ctx, w, h) => ctx.drawImage(bmp, 0, 0, w, h), close: () => bmp.close() };
    } catch { /* fall back to <img> */ }
  }
  const url = URL.createObjectURL(file);
  const img = new Image();
  img.src = url;
  await img.decode();
  return { width: img.naturalWidth, height: img.naturalHeight, draw: (ctx, w, h) => ctx.drawImage(img, 0, 0, w, h), close: () => URL.revokeObjectURL(url) };
}

export async function compressPhoto(file: File): Promise<Blob> {
  let src;
  try { src = await decode(file); } catch { return file; } // not decodable here: let the server judge it
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(src.width, src.height));
    if (scale === 1 && file.size <= KEEP_BELOW && /^image\/(jpeg|png|webp)$/.test(file.type)) return file;
    const w = Math.round(src.width * scale), h = Math.round(src.height * scale);
    const canvas = document.createElement('canvas');
    canvas.width = w; canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) return file;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h);
    src.draw(ctx, w, h);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.82));
    return blob ?? file;
  } finally {
    src.close();
  }
}

/** The `upload` of antd-mobile's ImageUploader: compress, upload, keep the hash in `extra`. */
export async function uploadForUploader(file: File, send: typeof uploadPhoto = uploadPhoto): Promise<ImageUploadItem> {
  const blob = await compressPhoto(file);
  const up = await send(blob);
  return { key: up.hash, url: up.url, thumbnailUrl: up.thumbUrl, extra: { hash: up.hash } };
}

export const hashesOf = (items: ImageUploadItem[]): string[] =>
  items.map((i) => (i.extra as { hash?: string } | undefined)?.hash).filter((h): h is string => !!h);
