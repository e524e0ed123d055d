import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { makeJpeg } from '../support/images.ts';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  token = await t.login('gridworker');
});
afterAll(async () => { await t.close(); });

const upload = (body: Buffer | string, type: string) =>
  t.app.inject({ method: 'POST', url: '/api/files', headers: { ...bearer(token), 'content-type': type }, payload: body });

describe('photos', () => {
  it('stores a photo by content hash and serves it and its thumbnail by signed URL', async () => {
    const jpeg = await makeJpeg(1600, 1200);
    const r = await upload(jpeg, 'image/jpeg');
    expect(r.statusCode).toBe(201);
    const info = r.json();
    expect(info).toMatchObject({ mime: 'image/jpeg', bytes: jpeg.length, width: 1600, height: 1200 });
    expect(info.hash).toMatch(/^[0-9a-f]{64}$/);
    const full = await t.app.inject({ url: info.url });
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect(full.rawPayload.equals(jpeg)).toBe(true);
    const thumb = await t.app.inject({ url: info.thumbUrl });
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.rawPayload.length).toBeLessThan(jpeg.length);
    // the same bytes again: the same file
    expect((await upload(jpeg, 'application/octet-stream')).json().hash).toBe(info.hash);
  });

  it('checks the type by content, not by the header', async () => {
    const fake = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await upload('hello', 'text/plain')).statusCode).toBe(415);
    const truncated = (await makeJpeg()).subarray(0, 200);
    expect((await upload(truncated, 'image/jpeg')).statusCode).toBe(415);
  });

  it('refuses a photo over 10 MB with 413', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 10, 0xff);
    const r = await upload(big, 'image/jpeg');
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses unsigned, forged or expired URLs and anonymous uploads', async () => {
    const info = (await upload(await makeJpeg(50, 50, '#ff0000'), 'image/jpeg')).json();
    expect((await t.app.inject({ url: `/api/files/${info.hash}` })).statusCode).toBe(400);
    expect((await t.app.inject({ url: info.url.replace(/sig=[^&]+/, 'sig=forged') })).statusCode).toBe(404);
    t.clock.advance(3 * 3600_000);
    expect((await t.app.inject({ url: info.url })).statusCode).toBe(404);
    const anon = await t.app.inject({ method: 'POST', url: '/api/files', headers: { 'content-type': 'image/jpeg' }, payload: Buffer.from([1]) });
    expect(anon.statusCode).toBe(401);
  });
});
