// Browser journey of the sensor pages (issue 13), desktop viewport, Chinese only. The town's leader registers a wristband
// bound to an old resident (the token shown once with its curl and mosquitto_pub lines), the wristband sends a day of
// heart-rate samples over HTTP (the page's curl and mosquitto_pub lines run as shown first) and a low heart rate that raises an alarm; the device page draws the day and lists the
// alarm; 告警规则 previews the wristband profile on the device's day, a stricter limit previewed and saved; 告警中心 plays
// its tone when an SOS arrives live, the dispatcher's workbench shows the red strip, the leader acknowledges one alarm and clears the other with a note, and the care
// order's timeline names each alarm step; personal limits, a new token and retiring the device. The alarm clock is
// ticked by hand on the test app's fake clock; the browser's clock stands at the same instant.
// Screenshots in test-artifacts/devices-*.png.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, launchChromium, WEB_DIST, expectNoEnglish, pickOption, signInAs } from '../support/browser.ts';
import { bearer, createTestApp, type TestApp } from '../support/test-app.ts';
import { DEMO_GRID, gridCentre } from '../support/places.ts';
import { idNumberCheckDigit } from '../../src/domain/registry/id-number.ts';
import { alarmClockService, type AlarmClock } from '../../src/server/alarms/alarm-clock.ts';
import { mqttService } from '../../src/server/devices/mqtt/mqtt-service.ts';

const ARTIFACTS = 'test-artifacts';
const NOW = new Date('2026-12-02T10:00:00+08:00');
// protocol, product and unit names that stand as they are on a Chinese page (%LEL: gas concentration)
const LATIN = ['HTTP', 'MQTT', 'QoS', 'AI', 'LEL'];

let t: TestApp;
let clock: AlarmClock;
let mqtt: ReturnType<typeof mqttService>;
let browser: Browser;
let base: string;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
let deviceId = '';
let deviceToken = '';

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/devices-${name}.png`, fullPage: true });
const idNumber = (birth: string, seq: number) => {
  const first17 = `500103${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckDigit(first17);
};
/** Polls until the page agrees, on two busy cores (a lazily loaded page, a debounced live reload) */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

async function signIn(username: string) {
  await context?.close();
  context = await browser.newContext(DESKTOP);
  await context.clock.setFixedTime(NOW);
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signInAs(page, base, username);
}

async function menu(label: string) {
  await page.getByTestId('side-menu').getByText(label, { exact: true }).click();
}

/** Readings sent as the device sends them: over HTTP with its own token. */
async function send(readings: object[]) {
  const res = await fetch(`${base}/api/devices/${deviceId}/readings`, {
    method: 'POST', headers: { authorization: `Bearer ${deviceToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ readings }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json() as Promise<{ stored: number; duplicates: number }>;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  t = await createTestApp({ webDist: WEB_DIST });
  t.clock.set(NOW);
  const community = await t.login('community');
  const here = await gridCentre(t.db, DEMO_GRID);
  const call = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: bearer(community), payload });
  const b = await call('/api/registry/buildings', { name: '春晖苑7栋', address: '春晖路66号', location: here, units: 1, floors: 6, roomsPerFloor: 2 });
  expect(b.statusCode, b.body).toBe(201);
  const h = await call('/api/registry/households', { buildingId: b.json().building.id, unitNo: 1, floorNo: 3, roomNo: '302' });
  expect(h.statusCode, h.body).toBe(201);
  const r = await call('/api/registry/residents', { name: '欧阳秀英', idNumber: idNumber('1940-06-12', 31), householdId: h.json().household.id, relation: 'head' });
  expect(r.statusCode, r.body).toBe(201);
  clock = alarmClockService({ db: t.db, config: t.config, clock: () => t.clock.now }, { intake: t.app, log: () => undefined }).clock;
  // the embedded broker as main.ts starts it, on a port of its own, for the page's mosquitto_pub line
  const env = { ...t.config.env, MQTT: undefined, MQTT_URL: undefined, MQTT_PORT: '0' };
  mqtt = mqttService({ db: t.db, config: { ...t.config, host: '127.0.0.1', env }, clock: () => t.clock.now }, { log: () => undefined });
  await mqtt.start();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await page?.screenshot({ path: `${ARTIFACTS}/devices-failed-${ctx.task.name.slice(0, 24).replace(/[^\p{L}\p{N}]+/gu, '-')}.png` }).catch(() => undefined);
});

afterAll(async () => {
  await clock?.stop();
  await mqtt?.stop();
  await browser?.close();
  await t?.close();
});

describe('设备管理 (leader)', () => {
  it('registers a wristband bound to a resident; the token is shown once with ready curl and mosquitto_pub lines', async () => {
    await signIn('leader');
    await menu('设备管理');
    await page.getByTestId('devices-page').waitFor();
    await page.getByTestId('device-register').click();
    const drawer = page.getByTestId('register-drawer');
    await drawer.getByTestId('register-type').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '智能手环' }).click();
    await drawer.getByTestId('register-name').fill('欧阳秀英的手环');
    // a wristband is bound to a person by default
    await poll(() => drawer.locator('.ant-radio-button-wrapper-checked').textContent()).toBe('居民');
    await pickOption(page, drawer.getByTestId('binding-picker').locator('input'), '欧阳', /欧阳秀英/, drawer.getByTestId('binding-picker').getByText(/欧阳秀英/));
    await shot('register');
    await expectNoEnglish(page, LATIN);
    await drawer.getByTestId('register-submit').click();
    await drawer.getByTestId('token-panel').waitFor();
    deviceId = (await drawer.getByTestId('token-device-id').locator('code').textContent())!;
    deviceToken = (await drawer.getByTestId('token-value').locator('code').textContent())!;
    expect(deviceToken.length).toBeGreaterThan(30);
    const curl = await drawer.getByTestId('token-curl').locator('code').textContent();
    expect(curl).toContain(`/api/devices/${deviceId}/readings`);
    expect(curl).toContain(`Authorization: Bearer ${deviceToken}`);
    const pub = await drawer.getByTestId('token-mqtt').locator('code').textContent();
    expect(pub).toContain(`-u '${deviceId}' -P '${deviceToken}' -t 'devices/${deviceId}/readings'`);
    await shot('token');
    await expectNoEnglish(page, LATIN);
    // the lines work as shown, pasted into a shell (its clock standing before the day's samples; the broker on its own port)
    // (asynchronously: the server answering them runs in this process)
    const shell = async (line: string, at: number) => (await promisify(execFile)('bash', ['-c', `date() { echo ${at}; }; ${line}`], { encoding: 'utf8', timeout: 20_000 })).stdout;
    expect(JSON.parse(await shell(curl!, NOW.getTime() - 21 * 3_600_000))).toEqual({ stored: 1, duplicates: 0 });
    await shell(pub!.replace('-p 1883', `-p ${mqtt.port()}`), NOW.getTime() - 21 * 3_600_000 + 60_000);
    const stored = await t.db.query<{ n: number }>('select count(*)::int as n from device_readings where device_id = $1', [deviceId]);
    expect(stored.rows[0]!.n).toBe(2);
    await drawer.getByTestId('token-done').click();
    const row = page.getByTestId('device-row').filter({ hasText: '欧阳秀英的手环' });
    await row.waitFor();
    await poll(() => row.getByTestId('device-state').getAttribute('data-state')).toBe('never');
    // the resident's name is masked on the list
    expect(await row.textContent()).toContain('欧*');
  });

  it('a day of heart-rate samples and a low heart rate held 2½ minutes: the device page draws the day and lists the red alarm', async () => {
    const day: object[] = [];
    for (let m = 20 * 60; m >= 10; m -= 10) day.push({ ts: ago(m * 60_000), key: 'heartRate', value: 68 + (m % 7), battery: 76 });
    for (let h = 20; h >= 1; h--) day.push({ ts: ago(h * 3_600_000 + 30_000), kind: 'keepalive' });
    expect(await send(day)).toMatchObject({ stored: day.length, duplicates: 0 });
    expect(await send([
      { ts: ago(180_000), key: 'heartRate', value: 43 }, { ts: ago(120_000), key: 'heartRate', value: 42 }, { ts: ago(30_000), key: 'heartRate', value: 41, battery: 75 },
    ])).toMatchObject({ stored: 3 });
    expect(await clock.tick()).toMatchObject({ dispatched: 1, errors: [] });

    await page.getByTestId('device-link').filter({ hasText: '欧阳秀英的手环' }).click();
    await page.getByTestId('device-page').waitFor();
    await page.getByTestId('readings-chart').waitFor();
    expect(await page.getByTestId('readings-line').getAttribute('data-key')).toBe('heartRate');
    await poll(() => page.getByTestId('device-state').getAttribute('data-state')).toBe('online');
    const alarm = page.getByTestId('device-alarms-card').getByTestId('alarm-row');
    await poll(() => alarm.count()).toBe(1);
    expect(await alarm.getAttribute('data-status')).toBe('active');
    expect(await alarm.textContent()).toContain('心率过低');
    await shot('device');
    await expectNoEnglish(page, LATIN);
    await page.getByTestId('readings-view').getByText('明细').click();
    await page.getByTestId('readings-table').waitFor();
    expect(await page.getByTestId('readings-table').textContent()).toContain('心率');
  });
});

describe('告警规则 (leader)', () => {
  it('previews the wristband profile on the device\'s last day, then a stricter limit, and saves it', async () => {
    await menu('告警规则');
    const card = page.getByTestId('profile-card').filter({ hasText: '健康手环' });
    await card.waitFor();
    await shot('profiles');
    await expectNoEnglish(page, LATIN);
    await card.getByTestId('profile-open').click();
    await page.getByTestId('rule-editor').waitFor();
    await page.getByTestId('rule-card').first().waitFor();
    const preview = page.getByTestId('rule-preview');
    await preview.getByTestId('preview-device').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '欧阳秀英的手环' }).click();
    await preview.getByTestId('preview-run').click();
    await preview.getByTestId('preview-alarms').waitFor();
    expect(await preview.getByTestId('preview-alarms').textContent()).toContain('心率过低');

    // heart rate below 40 instead of 45: the day would not have fired
    const low = page.getByTestId('rule-card').filter({ hasText: '心率过低' });
    const index = await page.getByTestId('rule-card').evaluateAll((cards) => cards.findIndex((c) => c.textContent?.includes('心率过低')));
    const value = low.getByTestId(`rule-${index}-value`);
    await (await value.evaluate((el) => el.tagName) === 'INPUT' ? value : value.locator('input')).fill('40');
    await preview.getByTestId('preview-run').click();
    await preview.getByTestId('preview-none').waitFor();
    await page.getByTestId('rules-save').click();
    await page.getByText('规则已保存（第 2 版）').waitFor();
    await shot('rule-editor');
    await expectNoEnglish(page, LATIN);
  });
});

describe('告警中心 (leader)', () => {
  it('sounds when an SOS arrives live, shows it in red beside the heart-rate alarm', async () => {
    await menu('告警中心');
    await page.getByTestId('alarm-center').waitFor();
    await poll(() => page.getByTestId('alarm-row').count()).toBe(1);
    await page.getByTestId('sound-enable').click();
    const mute = page.getByTestId('sound-mute');
    await mute.waitFor();
    expect(await mute.getAttribute('data-played')).toBe('1'); // the sample tone on switching it on
    await expectNoEnglish(page, LATIN);

    t.clock.advance(60_000);
    await send([{ ts: new Date(t.clock.now.getTime() - 1000).toISOString(), key: 'sos', value: 1 }]);
    expect(await clock.tick()).toMatchObject({ dispatched: 1, errors: [] });
    await poll(() => page.getByTestId('alarm-row').count()).toBe(2);
    await poll(() => mute.getAttribute('data-played')).not.toBe('1');
    await page.locator('.zz-alarm-row-active').first().waitFor();
    await shot('alarm-center');
    await expectNoEnglish(page, LATIN);
  });

  it('the dispatcher\'s workbench carries a red strip of the unacknowledged alarms, leading to 告警中心', async () => {
    await signIn('dispatcher');
    const strip = page.getByTestId('alarm-strip');
    await strip.waitFor();
    expect(await strip.textContent()).toContain('未确认告警 2 条');
    expect(await strip.textContent()).toContain('一键呼救');
    await shot('workbench-strip');
    await expectNoEnglish(page, LATIN);
    await strip.getByTestId('alarm-strip-open').click();
    await page.getByTestId('alarm-center').waitFor();
  });

  it('acknowledges the heart-rate alarm and clears the SOS with a note; the care order\'s timeline names each step', async () => {
    await signIn('leader');
    await menu('告警中心');
    await poll(() => page.getByTestId('alarm-row').count()).toBe(2);
    const hr = page.getByTestId('alarm-row').filter({ hasText: '心率过低' });
    await hr.getByTestId('alarm-ack').click();
    await page.getByText('已确认，告警不再升级').waitFor();
    await poll(() => page.getByTestId('alarm-row').count()).toBe(1);

    const sos = page.getByTestId('alarm-row').filter({ hasText: '一键呼救' });
    await sos.getByTestId('alarm-clear').click();
    const modal = page.getByTestId('clear-alarm-modal');
    await modal.getByRole('button', { name: /消\s*警/ }).click();
    await modal.getByText('关爱和安全告警须写明核实情况').waitFor();
    await modal.getByTestId('clear-note').fill('已电话联系，老人误按呼救键，身体无恙');
    await modal.getByRole('button', { name: /消\s*警/ }).click();
    await poll(() => page.getByTestId('alarm-row').count()).toBe(0);

    await page.getByTestId('alarm-tab-cleared').click();
    const cleared = page.getByTestId('alarm-row').filter({ hasText: '一键呼救' });
    await cleared.waitFor();
    expect(await cleared.textContent()).toContain('老人误按呼救键');
    await page.getByTestId('alarm-tab-acknowledged').click();
    const acked = page.getByTestId('alarm-row').filter({ hasText: '心率过低' });
    await acked.waitFor();
    await acked.click();
    const drawer = page.getByTestId('alarm-drawer');
    await drawer.getByTestId('alarm-notifications').waitFor();
    await shot('alarm-detail');
    await expectNoEnglish(page, LATIN);
    await drawer.getByTestId('drawer-open-order').click();
    const timeline = page.getByTestId('case-timeline');
    await timeline.waitFor();
    const actions = await timeline.getByTestId('timeline-item').evaluateAll((xs) => xs.map((x) => x.getAttribute('data-action')));
    expect(actions).toEqual(expect.arrayContaining(['alarm_raised', 'alarm_notified', 'alarm_acknowledged']));
    const text = await timeline.textContent();
    for (const label of ['设备告警', '告警通知', '告警已确认', '第 1 级']) expect(text).toContain(label);
    await shot('care-order');
    await expectNoEnglish(page, [...LATIN, 'S']); // the case drawer shows the care order's matter code (S0102) beside its name
    // the care order's drawer, then the alarm's
    await page.keyboard.press('Escape');
    await timeline.waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });
});

describe('the device afterwards (leader)', () => {
  it('keeps a personal limit, makes a new token (shown once) and retires the device', async () => {
    await menu('设备管理');
    await page.getByTestId('device-link').filter({ hasText: '欧阳秀英的手环' }).click();
    const card = page.getByTestId('overrides-card');
    await card.waitFor();
    await card.getByTestId('override-hr-high-enabled').click();
    await card.getByTestId('overrides-save').click();
    await page.getByText('个人化设定已保存').waitFor();

    const panel = page.getByTestId('token-panel');
    for (let attempt = 1; ; attempt++) {
      await page.getByTestId('device-rotate').click();
      const ok = page.getByRole('dialog').getByRole('button', { name: /确\s*定/ });
      await ok.waitFor();
      await page.waitForTimeout(200); // the confirm's opening motion
      await ok.click();
      try {
        await panel.waitFor({ timeout: 15_000 });
        break;
      } catch (error) {
        // on a loaded CI machine the confirm has been seen to close without the new token; keep the page for the record
        await shot(`rotate-attempt-${attempt}`);
        if (attempt >= 2) throw error;
      }
    }
    const fresh = await panel.getByTestId('token-value').locator('code').textContent();
    expect(fresh).not.toBe(deviceToken);
    await shot('rotated');
    await page.getByTestId('token-done').click();
    // the old token no longer sends
    const old = await fetch(`${base}/api/devices/${deviceId}/readings`, {
      method: 'POST', headers: { authorization: `Bearer ${deviceToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ ts: NOW.toISOString(), kind: 'keepalive' }),
    });
    expect(old.status).toBe(401);

    await page.getByTestId('device-retire').click();
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('device-retired').waitFor();
    await shot('retired');
    await expectNoEnglish(page, LATIN);
    expect(pageErrors).toEqual([]);
  });
});
