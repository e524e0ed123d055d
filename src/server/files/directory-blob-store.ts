import { randomBytes } from 'node:crypto';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fsyncDirectory } from '../platform/durable-file.ts';
import { checkKey, type BlobStore } from './blob-store.ts';

/**
 * Blobs as files under one folder, the key its relative path. Several nodes share it by mounting the same folder
 * (FILES_DIR on NFS or a cluster file system): writes are a temporary file renamed into place, so a reader on any node
 * sees a whole file or none.
 */
export class DirectoryBlobStore implements BlobStore {
  readonly kind = 'directory';
  readonly location: string;
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
    this.location = dir;
  }

  pathOf(key: string): string {
    return path.join(this.dir, checkKey(key));
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.pathOf(key);
    if (await this.exists(key)) return; // content-addressed: the same key is the same bytes
    const dir = path.dirname(target);
    const created = await mkdir(dir, { recursive: true });
    if (created) await fsyncDirectory(path.dirname(created));
    // several requests may store the same photo at once (mobile clients retry): each writes its own temporary file
    const tmp = `${target}.${randomBytes(8).toString('hex')}.tmp`;
    // flushed before it takes its name: after a power cut a key never names a half-written file
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, target);
    // the new name is flushed too: after a power cut an acknowledged file is there, not only its bytes in a lost entry
    await fsyncDirectory(dir);
    if (created && created !== dir) await fsyncDirectory(path.dirname(dir));
  }

  async get(key: string): Promise<Readable | null> {
    const file = this.pathOf(key);
    let fh;
    try {
      fh = await open(file, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return fh.createReadStream(); // opened first: a missing file is null here, not an error mid-response
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
