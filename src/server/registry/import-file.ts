// The uploaded file of a registry import, kept under the data folder while the import runs and until its report is no
// longer needed: written as it arrives (never whole in memory), sealed with AES-256-GCM under a key of its own derived
// from the personal-data master key (it holds ID numbers and phones in the clear), read back as a stream.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { deriveKey } from '../platform/pii-cipher.ts';
import { AppError } from '../platform/errors.ts';

export type ImportFormat = 'xlsx' | 'csv';

const IV = 12;
const TAG = 16;

/** The folder of the stored imports: under DATA_DIR, which every API node and worker shares. */
export const importsDirOf = (dataDir: string) => path.join(dataDir, 'registry-imports');

export const tooLarge = (limit: number) => new AppError('PAYLOAD_TOO_LARGE',
  `The file is larger than ${Math.round(limit / 1024 / 1024)} MB: split it into several files.`,
  `文件超过 ${Math.round(limit / 1024 / 1024)} MB，请拆分为多个文件后分别导入。`);

export const emptyFile = () => new AppError('VALIDATION_FAILED', 'The file is empty: send the .xlsx or .csv file as the request body.',
  '文件为空：请上传 .xlsx 或 .csv 文件。');

/** An .xlsx is a zip (PK\x03\x04); anything else is read as CSV text. */
export function sniffFormat(head: Buffer): ImportFormat {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04 ? 'xlsx' : 'csv';
}

export class ImportFiles {
  private readonly dir: string;
  private readonly key: Buffer;

  constructor(dataDir: string, masterKey: Buffer) {
    this.dir = importsDirOf(dataDir);
    this.key = deriveKey(masterKey, 'zhizhi registry import files');
  }

  private file(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error('an import id is a uuid');
    return path.join(this.dir, `${id}.upload`);
  }

  /**
   * Writes the body as it arrives, sealed, refusing more than `limit` bytes (413) and an empty body; answers the size and
   * the format its first bytes show. Nothing is left behind when it fails.
   */
  async save(id: string, body: Readable, limit: number): Promise<{ bytes: number; format: ImportFormat }> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const target = this.file(id);
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const iv = randomBytes(IV);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    let bytes = 0;
    let head = Buffer.alloc(0);
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > limit) { done(tooLarge(limit)); return; }
        if (head.length < 8) head = Buffer.concat([head, chunk.subarray(0, 8 - head.length)]);
        done(null, chunk);
      },
    });
    const out = createWriteStream(tmp, { mode: 0o600 });
    try {
      out.write(iv);
      await pipeline(body, meter, cipher, out, { end: false });
      await new Promise<void>((resolve, reject) => out.end(cipher.getAuthTag(), (err?: Error | null) => (err ? reject(err) : resolve())));
      if (bytes === 0) throw emptyFile();
      const fh = await open(tmp, 'r');
      try { await fh.sync(); } finally { await fh.close(); }
      await rename(tmp, target);
    } catch (err) {
      out.destroy();
      await rm(tmp, { force: true });
      throw err;
    }
    return { bytes, format: sniffFormat(head) };
  }

  /** The file as uploaded, as a stream (decrypted as it is read); throws when it is gone. */
  async open(id: string): Promise<Readable> {
    const file = this.file(id);
    const size = (await stat(file)).size;
    if (size < IV + TAG) throw new Error('the stored import file is truncated');
    const fh = await open(file, 'r');
    const iv = Buffer.alloc(IV);
    const tag = Buffer.alloc(TAG);
    try {
      await fh.read(iv, 0, IV, 0);
      await fh.read(tag, 0, TAG, size - TAG);
    } finally {
      await fh.close();
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    const source = createReadStream(file, { start: IV, end: size - TAG - 1, highWaterMark: 64 * 1024 });
    source.on('error', (err) => decipher.destroy(err));
    return source.pipe(decipher);
  }

  async exists(id: string): Promise<boolean> {
    try {
      await stat(this.file(id));
      return true;
    } catch {
      return false;
    }
  }

  async remove(id: string): Promise<void> {
    await rm(this.file(id), { force: true });
  }
}
