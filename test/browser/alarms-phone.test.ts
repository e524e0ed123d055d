// Browser journey of the grid worker's alarm pages on the phone (issue 13) at 390×844, on the demo devices: an SOS from
// the wristband raises an alarm; 李明辉's home shows the red banner, a second alarm (smoke) arrives live and the banner
// counts two; the list, the alarm's page (who and where masked, the call, the care order), 响应告警, then 已到场 opens
// the care order on the phone with the alarm's steps on its timeline; 今日任务 carries the banner and the silent sensor's
// 设备检查 task. Screenshots in test-artifacts/alarms-phone-*.png.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoEnglish, launchChromium, PHONE, signInAs, WEB_DIST } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { seedDemoRegistry } from '../../src/server/registry/demo/demo-step.ts';
import { seedDemoDevices } from '../../src/server/devices/demo/seed-devices.ts';
import { dispatchAlarms } from '../../src/server/alarms/dispatch-alarms.ts';
import { intakeServicesOf } from '../../src/server/alarms/alarm-clock.ts';

const ARTIFACTS = 'test-artifacts';
const NOW = new Date('2026-11-23T09:00:00+08:00');
const SEED = 20_261_123;

let t: TestApp;
let browser: Browser;
let page: Page;
let base: string;
const pageErrors: string[] = [];

/** A reading from a demo device, its care order opened as the alarm clock would at once. */
async function raise(deviceId: string, token: string, reading: Record<string, unknown>): Promise<void> {
  const res = await t.app.inject({ method: 'POST', url: `/api/devices/${deviceId}/readings`, headers: bearer(token), payload: { ts: t.clock.now.toISOString(), ...reading } });
  expect(res.statusCode, res.body).toBe(200);
  await dispatchAlarms(t.db, intakeServicesOf({ db: t.db, config: t.config }), t.clock.now);
}

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/alarms-phone-${name}.png` });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  await seedDemoRegistry(t.db, { now: NOW, seed: SEED, pii: t.app.pii });
  await seedDemoDevices(t.db, { now: NOW, seed: SEED, pii: t.app.pii });
  t.clock.set(new Date(NOW.getTime() + 60_000));
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  page = await (await browser.newContext(PHONE)).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the grid worker\'s alarms on the phone', () => {
  it('shows a red banner on the home page, live, and opens the alarm', async () => {
    await raise('demo-band-1', 'demo-band-token-not-secret', { key: 'sos', value: 1 });
    await signInAs(page, base, 'gridworker');
    await page.goto(`${base}/m`);
    const banner = page.getByTestId('alarm-banner');
    await expect.poll(() => banner.getAttribute('data-count')).toBe('1');
    await expect.poll(() => banner.textContent()).toContain('一键呼救');
    await shot('home-one');

    // a second alarm while the page is open: the banner counts it without a reload
    await raise('demo-smoke-1', 'demo-smoke-token-not-secret', { key: 'smoke', value: 1 });
    await expect.poll(() => banner.getAttribute('data-count'), { timeout: 10_000 }).toBe('2');
    await shot('home-two');
    expect(await expectNoEnglish(page, ['N'])).toBeDefined();

    await banner.click();
    await page.getByTestId('alarm-list-page').waitFor();
    await expect.poll(() => page.getByTestId('alarm-item').count()).toBe(2);
    await shot('list');
  });

  it('shows who and where, masked, the call and the care order; answering stops the escalation; 已到场 opens the care order', async () => {
    await page.locator('[data-testid="alarm-item"]', { hasText: '一键呼救' }).click();
    await page.getByTestId('alarm-hero').waitFor();
    expect(await page.getByTestId('alarm-who').textContent()).toMatch(/^居民 · .\*+$/);
    await page.getByTestId('alarm-case-number').waitFor();
    await page.getByTestId('alarm-call').first().waitFor();
    expect(await page.getByTestId('alarm-call').first().textContent()).toMatch(/\*{4}/);
    await shot('detail');
    await expectNoEnglish(page, ['N']);

    await page.getByTestId('alarm-acknowledge').click();
    await expect.poll(() => page.getByTestId('alarm-hero').getAttribute('data-status')).toBe('acknowledged');
    await expect(page.getByTestId('alarm-acknowledge').count()).resolves.toBe(0);

    await page.getByTestId('alarm-arrived').click();
    await page.waitForURL(/\/m\/cases\//);
    await expect.poll(() => page.locator('body').textContent()).toContain('告警已确认');
    await shot('care-order');
    await expectNoEnglish(page, ['N']);
  });

  it('carries the banner on 今日任务, with the silent sensor\'s 设备检查 task on the list', async () => {
    await page.goto(`${base}/m/tasks`);
    await page.getByTestId('task-list-page').waitFor();
    await expect.poll(() => page.getByTestId('alarm-banner').getAttribute('data-count')).toBe('1');
    await expect.poll(() => page.locator('body').textContent()).toContain('设备检查');
    await shot('tasks');
    expect(pageErrors).toEqual([]);
  });
});
