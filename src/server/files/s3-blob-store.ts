import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AwsClient } from 'aws4fetch';
import type { FilesConfig } from '../platform/config.ts';
import { checkKey, type BlobStore } from './blob-store.ts';

type S3Config = Extract<FilesConfig, { kind: 's3' }>;

/**
 * Blobs as objects of an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, Aliyun OSS and Tencent COS in S3 mode), signed
 * with SigV4 by aws4fetch (a small, kept signer over fetch; the full AWS SDK would add megabytes for four calls).
 * A PUT is atomic on S3: a reader sees the whole object or none.
 */
export class S3BlobStore implements BlobStore {
  readonly kind = 's3';
  readonly location: string;
  private readonly client: AwsClient;
  private readonly base: string;

  constructor(c: S3Config) {
    this.client = new AwsClient({ accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, region: c.region, service: 's3', retries: 3 });
    const endpoint = new URL(c.endpoint);
    // path style (https://host/bucket/key: MinIO, most self-hosted stores) or virtual-hosted (https://bucket.host/key)
    this.base = c.forcePathStyle
      ? `${endpoint.origin}${endpoint.pathname.replace(/\/+$/, '')}/${encodeURIComponent(c.bucket)}`
      : `${endpoint.protocol}//${c.bucket}.${endpoint.host}${endpoint.pathname.replace(/\/+$/, '')}`;
    this.location = `s3://${c.bucket}`;
  }

  private url(key: string): string {
    return `${this.base}/${checkKey(key)}`;
  }

  private async fail(what: string, key: string, res: Response): Promise<never> {
    const text = await res.text().catch(() => '');
    throw new Error(`S3 ${what} ${key}: ${res.status} ${text.slice(0, 300)}`);
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    // a key already there holds these very bytes: not written again (a versioned bucket would keep each copy)
    if (await this.exists(key)) return;
    const res = await this.client.fetch(this.url(key), {
      method: 'PUT', body: new Blob([new Uint8Array(data)]), headers: { 'content-type': contentType },
    });
    if (!res.ok) await this.fail('PUT', key, res);
    await res.body?.cancel();
  }

  async get(key: string): Promise<Readable | null> {
    const res = await this.client.fetch(this.url(key), { method: 'GET' });
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok || !res.body) return this.fail('GET', key, res);
    return Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
  }

  async exists(key: string): Promise<boolean> {
    const res = await this.client.fetch(this.url(key), { method: 'HEAD' });
    await res.body?.cancel();
    if (res.status === 404) return false;
    if (!res.ok) return this.fail('HEAD', key, res);
    return true;
  }

  async delete(key: string): Promise<void> {
    const res = await this.client.fetch(this.url(key), { method: 'DELETE' });
    if (!res.ok && res.status !== 404) await this.fail('DELETE', key, res);
    await res.body?.cancel();
  }
}
