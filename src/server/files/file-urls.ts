import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Photos are shown by <img> tags, which send no bearer token: the API hands out short-lived signed URLs
 * instead, only to callers allowed to see the case the photo belongs to.
 */
export class FileUrlSigner {
  private readonly key: Buffer;
  private readonly ttlSeconds: number;

  constructor(key: Buffer, ttlSeconds = 3600) {
    this.key = key;
    this.ttlSeconds = ttlSeconds;
  }

  private sig(hash: string, variant: string, exp: number): string {
    return createHmac('sha256', this.key).update(`${hash}:${variant}:${exp}`).digest('base64url');
  }

  url(hash: string, variant: 'full' | 'thumb', now: Date): string {
    const exp = Math.floor(now.getTime() / 1000 / 600) * 600 + this.ttlSeconds; // stable for 10 minutes: caches work
    return `/api/files/${hash}${variant === 'thumb' ? '/thumb' : ''}?exp=${exp}&sig=${this.sig(hash, variant, exp)}`;
  }

  verify(hash: string, variant: 'full' | 'thumb', exp: number, sig: string, now: Date): boolean {
    if (exp * 1000 < now.getTime()) return false;
    const expected = Buffer.from(this.sig(hash, variant, exp));
    const given = Buffer.from(sig);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
