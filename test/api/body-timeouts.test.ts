// Timeouts against slow clients (platform/app.ts): a large registry import may take minutes to arrive on a slow link,
// any other request must send its body within its deadline, and headers within 20 s. The deadlines are shortened here
// (BODY_TIMEOUT_MS, UPLOAD_TIMEOUT_MS) and the requests sent by hand over a socket, byte runs apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { registryWorkbook, XLSX } from '../support/workbooks.ts';
import { loadConfig } from '../../src/server/platform/config.ts';

let t: TestApp;
let port: number;
let token: string;

beforeAll(async () => {
  t = await createTestApp({ env: { BODY_TIMEOUT_MS: '400', UPLOAD_TIMEOUT_MS: '5000' } });
  token = await t.login('gridworker');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(async () => { await t.close(); });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends the head, then the body in `parts` pieces `gapMs` apart; answers the status line (or '' when the socket closed without one). */
async function slowRequest(head: string, body: Buffer, parts: number, gapMs: number): Promise<string> {
  const socket = net.connect(port, '127.0.0.1');
  let answer = '';
  const closed = new Promise<void>((resolve) => { socket.on('close', () => resolve()); socket.on('error', () => resolve()); });
  socket.on('data', (d: Buffer) => { answer += d.toString('latin1'); });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(head);
  const size = Math.ceil(body.length / parts);
  for (let i = 0; i < parts && !socket.destroyed; i++) {
    await sleep(gapMs);
    if (!socket.destroyed) socket.write(body.subarray(i * size, (i + 1) * size));
  }
  await Promise.race([closed, (async () => { for (let i = 0; i < 100 && !answer.includes('\r\n\r\n'); i++) await sleep(50); })()]);
  socket.destroy();
  return answer.split('\r\n')[0] ?? '';
}

describe('request timeouts', () => {
  it('by default, give a 64 MB upload time to arrive over a 1 Mbit/s link, and headers 20 s', () => {
    const defaults = loadConfig({});
    const upload = (64 * 1024 * 1024 * 8) / 1_000_000 * 1000; // ms at 1 Mbit/s
    expect(defaults.bodyTimeouts.uploadMs).toBeGreaterThan(upload);
    expect(defaults.bodyTimeouts.requestMs).toBe(30_000);
    // Node's own whole-request limit is the server's backstop: it must not cut the upload short
    expect(t.app.server.requestTimeout).toBeGreaterThanOrEqual(t.config.bodyTimeouts.uploadMs);
    expect(t.app.server.headersTimeout).toBe(20_000);
  });

  it('a registry import may send its file slowly, past the deadline of other requests', async () => {
    const body = await registryWorkbook(['姓名', '身份证号', '住址'], [['慢传甲', '', '春晖路1号']]);
    const head = `POST /api/registry/imports?kind=residents&mode=allValid&fileName=slow.xlsx HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n`
      + `Content-Type: ${XLSX}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    expect(await slowRequest(head, body, 8, 150)).toBe('HTTP/1.1 202 Accepted'); // ~1.2 s, three times the 400 ms
  });

  it('any other request that stalls in its body is answered 408 and closed', async () => {
    const body = Buffer.from(JSON.stringify({ username: 'gridworker', password: 'x'.repeat(200) }));
    const head = `POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    expect(await slowRequest(head, body, 8, 150)).toBe('HTTP/1.1 408 Request Timeout');
  });
});
