import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/**
 * Debian's Chromium (installed by .ci/run; never a downloaded browser), headless, with WebGL in software for the
 * maps, and without the background connections a closed network would refuse.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

// Reduced motion: the app then opens dialogs, menus and drawers without animating them, so a click never lands on one
// still moving in (on a loaded machine those clicks went astray and a journey timed out).
export const DESKTOP = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' as const };
export const PHONE = {
  viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
  reducedMotion: 'reduce' as const,
};

/** the built web app the browser tests serve: dist/web, or another build named by TEST_WEB_DIST */
export const WEB_DIST = path.resolve(process.env.TEST_WEB_DIST ?? 'dist/web');

/**
 * Tokens in Latin letters that may stand on a Chinese page: names of formats, standards and units, the A/B of a
 * post's holders (AB角), the product's own name. Anything else in Latin letters is English leaking into Chinese.
 */
export const LATIN_ALLOWED: readonly string[] = [
  'A', 'B', 'AB', 'PDF', 'GeoJSON', 'Excel', 'xlsx', 'SLA', 'IP', 'API', 'URL', 'SMS', 'GPS', 'CSV', 'JPEG', 'PNG', 'WebP',
  'WGS', 'GCJ', 'km', 'm', 'KB', 'MB', 'Zhizhi', 'ID', 'App',
  'N', // 网格力量“1+3+N”
];

/**
 * Fails when the visible text of a Chinese page (placeholders and titles included) holds a word in Latin letters
 * other than `LATIN_ALLOWED` and `allow`. Identifiers people type or copy as they are (usernames, codes, hashes) are
 * not words of the page: they are marked `translate="no"` (or are `code`, `kbd`, `pre`, `.zz-code`) and skipped, as
 * is text marked with another language (`lang="en"`). Returns the Latin words seen, for a test that wants them.
 */
export async function expectNoEnglish(page: Page, allow: readonly (string | RegExp)[] = []): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const skip = '[translate="no"], code, kbd, pre, script, style, noscript, svg, .zz-code, .zz-namecode-code';
    // text marked as another language (lang="en" on 中文 / English's "English") is that language on purpose
    // laid out and not clipped away: rc-select keeps its options' values in a 0×0 box for screen readers
    const shown = (el: Element) => {
      if (!el.checkVisibility({ visibilityProperty: true })) return false;
      for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
        const r = a.getBoundingClientRect();
        if ((r.width === 0 || r.height === 0) && getComputedStyle(a).overflow !== 'visible') return false;
      }
      return true;
    };
    const foreign = (el: Element) => { const l = el.closest('[lang]')?.getAttribute('lang') ?? 'zh'; return !/^zh/i.test(l); };
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest(skip) || foreign(el) || !shown(el)) continue;
      out.push(n.textContent);
    }
    // what shows on the screen besides text: placeholders, and titles on hover (aria-labels are not shown; some of
    // antd's own are English, such as Segmented's "segmented control" and Select's "Clear")
    for (const el of document.querySelectorAll<HTMLElement>('[placeholder], [title]')) {
      if (el.closest(skip) || foreign(el) || !shown(el)) continue;
      for (const a of ['placeholder', 'title']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
  const allowed = (w: string) => LATIN_ALLOWED.includes(w) || allow.some((a) => (typeof a === 'string' ? a === w : a.test(w)));
  const words = texts.flatMap((t) => t.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []);
  const english = [...new Set(words.filter((w) => !allowed(w)))];
  if (english.length > 0) {
    const where = texts.filter((t) => english.some((w) => t.includes(w))).slice(0, 12).map((t) => t.trim().slice(0, 120));
    throw new Error(`English on a Chinese page (${page.url()}): ${english.join(', ')}\n  in: ${where.join('\n      ')}`);
  }
  return words;
}

/**
 * Picks `option` in an antd Select by typing `typed` into its `input`, and waits until `chosen` shows the choice.
 * The option list filters as the keys arrive and animates; on two busy cores a click can land on an option that is
 * going away and choose nothing, so a pick that did not take is tried again (Escape, retype), up to four times.
 */
export async function pickOption(page: Page, input: Locator, typed: string, option: string | RegExp, chosen: Locator): Promise<void> {
  const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option });
  for (let attempt = 1; ; attempt++) {
    try {
      await input.click();
      await input.fill(typed);
      await options.first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(200); // let the filtering and the dropdown's motion settle
      await options.first().click({ timeout: 5_000 });
      await chosen.first().waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Picks `option` in a select that takes no typing: opens it, waits for the option and clicks it once the dropdown's
 * motion settled, until `select` shows it — a click during the opening animation misses on a loaded machine.
 */
export async function pickFixedOption(page: Page, select: Locator, option: string): Promise<void> {
  const choice = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option });
  for (let attempt = 1; ; attempt++) {
    try {
      await select.click();
      await choice.first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(200);
      await choice.first().click({ timeout: 5_000 });
      await select.getByText(option).waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Chooses an item of a dropdown menu and waits for what it opens. Under load the menu can close while it slides in, or a
 * click can land on what lies under it, so the whole gesture is tried again (after Escape) until `opened` shows.
 */
export async function chooseMenuItem(page: Page, trigger: Locator, item: Locator, opened: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await trigger.click({ timeout: 10_000 });
      await item.waitFor({ timeout: 5_000 });
      await page.waitForTimeout(250); // the menu slides in: a click during the motion can miss
      await item.click({ timeout: 5_000 });
      await opened.filter({ visible: true }).first().waitFor({ timeout: 10_000 }); // not one still closing
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
    }
  }
}

/** Signs a demo account in through the sign-in page (password demo1234) and waits until the app has left it. */
export async function signInAs(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
