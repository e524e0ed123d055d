import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import type { Readable } from 'node:stream';
import { blobStoreOf, type BlobStore } from '../../src/server/files/blob-store.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import { startS3 } from '../support/s3.ts';
import { createTestApp } from '../support/test-app.ts';
import { makeJpeg } from '../support/images.ts';
import { removeUnusedPublicPhotos } from '../../src/server/files/unused-photos-job.ts';
import { photoKey } from '../../src/server/files/upload-file.ts';

const read = async (r: Readable | null) => (r ? text(r) : null);

let s3: Awaited<ReturnType<typeof startS3>>;
let dir: string;
const stores: Record<'directory' | 's3', BlobStore> = {} as never;

beforeAll(async () => {
  s3 = await startS3();
  dir = mkdtempSync(path.join(tmpdir(), 'zhizhi-blobs-'));
  stores.directory = blobStoreOf(loadConfig({ DATA_DIR: dir, FILES_DIR: path.join(dir, 'shared-files') }));
  stores.s3 = blobStoreOf(loadConfig({ DATA_DIR: dir, ...s3.env }));
});

afterAll(async () => {
  await s3?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['directory', 's3'] as const)('the %s blob store', (kind) => {
  it('is the one the configuration names', () => {
    expect(stores[kind].kind).toBe(kind);
    expect(stores[kind].location).toBe(kind === 's3' ? 's3://zhizhi-test' : path.join(dir, 'shared-files'));
  });

  it('stores bytes under a key, reads them back as a stream, and tells whether a key is there', async () => {
    const store = stores[kind];
    expect(await store.exists('ab/abcdef')).toBe(false);
    expect(await store.get('ab/abcdef')).toBeNull();
    await store.put('ab/abcdef', Buffer.from('the photo'), 'image/jpeg');
    expect(await store.exists('ab/abcdef')).toBe(true);
    expect(await read(await store.get('ab/abcdef'))).toBe('the photo');
    await store.put('ab/abcdef.thumb.webp', Buffer.alloc(300_000, 7), 'image/webp');
    const big = await store.get('ab/abcdef.thumb.webp');
    const chunks: Buffer[] = [];
    for await (const c of big!) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(Buffer.alloc(300_000, 7))).toBe(true);
  });

  it('keeps what a key holds: the same key stored again leaves it as it was (keys name content)', async () => {
    const store = stores[kind];
    await store.put('cd/cdef', Buffer.from('first'), 'image/png');
    await store.put('cd/cdef', Buffer.from('first'), 'image/png');
    expect(await read(await store.get('cd/cdef'))).toBe('first');
  });

  it('deletes a key, and deleting a missing one is no error', async () => {
    const store = stores[kind];
    await store.put('ef/ef01', Buffer.from('gone soon'), 'image/jpeg');
    await store.delete('ef/ef01');
    expect(await store.exists('ef/ef01')).toBe(false);
    await expect(store.delete('ef/ef01')).resolves.toBeUndefined();
  });

  it('refuses keys that would leave the store', async () => {
    const store = stores[kind];
    for (const bad of ['../etc/passwd', '/abs', 'ab/../../x', 'AB/upper', 'a b']) {
      await expect(store.put(bad, Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/not a blob key/);
    }
  });
});

describe('the directory store', () => {
  it('lays keys out as files under the folder, leaving no temporary file behind', () => {
    const root = path.join(dir, 'shared-files');
    expect(readdirSync(path.join(root, 'ab')).sort()).toEqual(['abcdef', 'abcdef.thumb.webp']);
    expect(readdirSync(path.join(root, 'cd'))).toEqual(['cdef']);
  });

  it('defaults to DATA_DIR/files', () => {
    expect(blobStoreOf(loadConfig({ DATA_DIR: dir })).location).toBe(path.join(dir, 'files'));
  });
});

describe('the S3 configuration', () => {
  it('needs the keys with a bucket', () => {
    expect(() => loadConfig({ DATA_DIR: dir, S3_BUCKET: 'b' })).toThrow(/S3_ACCESS_KEY_ID/);
  });
});

describe('photos in a bucket', () => {
  it('are uploaded, shown by signed URL and removed when nobody reported with them, all through S3', async () => {
    const t = await createTestApp({ seed: false, env: s3.env });
    try {
      expect(t.app.blobs.kind).toBe('s3');
      const jpeg = await makeJpeg(40, 30, '#204060');
      const up = await t.app.inject({ method: 'POST', url: '/api/public/files', headers: { 'content-type': 'image/jpeg' }, payload: jpeg, remoteAddress: '10.7.0.1' });
      expect(up.statusCode, up.body).toBe(201);
      const { hash, url, thumbUrl } = up.json() as { hash: string; url: string; thumbUrl: string };
      expect(await stores.s3.exists(photoKey(hash, 'full'))).toBe(true);
      const full = await t.app.inject({ url });
      expect(full.statusCode).toBe(200);
      expect(full.headers['content-type']).toBe('image/jpeg');
      expect(full.rawPayload.equals(jpeg)).toBe(true);
      const thumb = await t.app.inject({ url: thumbUrl });
      expect(thumb.statusCode).toBe(200);
      expect(thumb.headers['content-type']).toBe('image/webp');
      // nothing under DATA_DIR/files: the bucket holds them
      expect(() => readdirSync(path.join(t.config.dataDir, 'files'))).toThrow();

      expect(await removeUnusedPublicPhotos(t.db, t.app.blobs, new Date(Date.now() + 25 * 3_600_000))).toBe(1);
      expect(await stores.s3.exists(photoKey(hash, 'full'))).toBe(false);
      expect(await stores.s3.exists(photoKey(hash, 'thumb'))).toBe(false);
      expect((await t.app.inject({ url })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});
