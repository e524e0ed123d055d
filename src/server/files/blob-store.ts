import type { Readable } from 'node:stream';
import type { FilesConfig } from '../platform/config.ts';
import { DirectoryBlobStore } from './directory-blob-store.ts';
import { S3BlobStore } from './s3-blob-store.ts';

/**
 * Where uploaded bytes live, seen alike by every API node and worker: a directory (DATA_DIR/files, or FILES_DIR on a
 * mount the nodes share) or an S3-compatible bucket. Keys are content-addressed (`ab/abcdef….thumb.webp`): the same
 * key always names the same bytes, so a put is idempotent and nothing is ever overwritten with something else.
 */
export interface BlobStore {
  readonly kind: 'directory' | 's3';
  /** where it is, for messages and backups: the folder, or `s3://bucket` */
  readonly location: string;
  /** stores the bytes under `key` (whole or not at all); a key already there is left as it is */
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** the bytes as a stream, or null when there is nothing under `key` */
  get(key: string): Promise<Readable | null>;
  exists(key: string): Promise<boolean>;
  /** removes `key`; a missing key is no error */
  delete(key: string): Promise<void>;
}

/** A key is a relative path of plain names: no `..`, no leading slash, nothing a folder or a URL would read otherwise. */
export function checkKey(key: string): string {
  if (!/^[0-9a-z][0-9a-z._-]*(\/[0-9a-z][0-9a-z._-]*)*$/.test(key) || key.includes('..')) throw new Error(`not a blob key: ${key}`);
  return key;
}

/** The store the configuration names (config.files): S3 when S3_BUCKET is set, else the directory. */
export function blobStoreOf(config: { files: FilesConfig }): BlobStore {
  const f = config.files;
  return f.kind === 's3' ? new S3BlobStore(f) : new DirectoryBlobStore(f.dir);
}
