import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { makeJpeg } from '../support/images.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { existsSync } from 'node:fs';
import { removeUnusedPublicPhotos } from '../../src/server/files/unused-photos-job.ts';
import { photoKey } from '../../src/server/files/upload-file.ts';

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

describe('photos of an anonymous 随手拍', () => {
  const publicUpload = (body: Buffer, ip: string, type = 'image/jpeg') =>
    t.app.inject({ method: 'POST', url: '/api/public/files', headers: { 'content-type': type }, payload: body, remoteAddress: ip });

  it('takes a photo without an account, and the report carries it to the staff who handle the case', async () => {
    const photo = await publicUpload(await makeJpeg(640, 480, '#3a6ea5'), '10.8.0.1');
    expect(photo.statusCode, photo.body).toBe(201);
    const { hash } = photo.json();
    const stored = await t.db.query<{ uploaded_by: string | null }>('select uploaded_by from files where hash = $1', [hash]);
    expect(stored.rows).toEqual([{ uploaded_by: null }]);
    const { lng, lat } = await gridCentre(t.db, DEMO_GRID);
    const report = await t.app.inject({
      method: 'POST', url: '/api/public/cases', remoteAddress: '10.8.0.1',
      payload: { categoryCode: 'E0101', description: '小区门口垃圾堆积（附照片）', location: { lng, lat }, photos: [hash], reporter: { phone: '13800006666' } },
    });
    expect(report.statusCode, report.body).toBe(201);
    const dispatcher = await t.login('dispatcher');
    const found = (await t.app.inject({ url: `/api/cases?q=${encodeURIComponent('附照片')}`, headers: bearer(dispatcher) })).json().items;
    const detail = (await t.app.inject({ url: `/api/cases/${found[0].id}`, headers: bearer(dispatcher) })).json();
    expect(JSON.stringify(detail)).toContain(hash);
  });

  it('checks the content as for staff, and limits photos per address with 429', async () => {
    expect((await publicUpload(Buffer.from('<svg/>'), '10.8.0.2', 'image/png')).statusCode).toBe(415);
    const jpeg = await makeJpeg(40, 30);
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await publicUpload(jpeg, '10.8.0.3')).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 201)).toBe(true);
    expect(codes[30]).toBe(429);
    expect((await publicUpload(jpeg, '10.8.0.4')).statusCode).toBe(201); // another address is not held back
  });
});

describe('anonymous photos nobody reported with', () => {
  it('are removed after a day, rows and files, unless a case took them or an account uploaded them too', async () => {
    const filesDir = `${t.config.dataDir}/files`;
    const publicUpload = async (body: Buffer, ip: string) =>
      (await t.app.inject({ method: 'POST', url: '/api/public/files', headers: { 'content-type': 'image/jpeg' }, payload: body, remoteAddress: ip })).json().hash as string;
    const unused = await publicUpload(await makeJpeg(30, 20, '#112233'), '10.6.0.1');
    const claimed = await publicUpload(await makeJpeg(30, 20, '#445566'), '10.6.0.1');
    expect((await upload(await makeJpeg(30, 20, '#445566'), 'image/jpeg')).json().hash).toBe(claimed); // a staff member sends the same bytes
    const reported = await publicUpload(await makeJpeg(30, 20, '#778899'), '10.6.0.1');
    const { lng, lat } = await gridCentre(t.db, DEMO_GRID);
    const report = await t.app.inject({
      method: 'POST', url: '/api/public/cases', remoteAddress: '10.6.0.1',
      payload: { categoryCode: 'E0101', description: '照片保留测试', location: { lng, lat }, photos: [reported], reporter: { phone: '13800007777' } },
    });
    expect(report.statusCode, report.body).toBe(201);

    expect(await removeUnusedPublicPhotos(t.db, t.app.blobs, new Date(Date.now() + 23 * 3_600_000))).toBe(0); // still within its day
    expect(await removeUnusedPublicPhotos(t.db, t.app.blobs, new Date(Date.now() + 25 * 3_600_000))).toBe(2); // and the rate-limit test's photo
    const left = await t.db.query<{ hash: string }>('select hash from files where hash = any($1)', [[unused, claimed, reported]]);
    expect(left.rows.map((r) => r.hash).sort()).toEqual([claimed, reported].sort());
    // under DATA_DIR/files, by content hash (the directory store's layout, which backups copy)
    const at = (hash: string, v: 'full' | 'thumb') => `${filesDir}/${photoKey(hash, v)}`;
    expect(existsSync(at(unused, 'full')) || existsSync(at(unused, 'thumb'))).toBe(false);
    expect(existsSync(at(reported, 'full')) && existsSync(at(reported, 'thumb'))).toBe(true);
    expect(await publicUpload(await makeJpeg(30, 20, '#112233'), '10.6.0.2')).toBe(unused); // the same photo can be sent again
  });
});
