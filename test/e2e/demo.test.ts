/**
 * The demo blog (the repository root) in a real browser: Debian's Chromium driven by
 * playwright-core, against the demo built into a temporary folder and served on 127.0.0.1.
 * It walks what a reader does (home → a post → its Korean translation → dark mode, on a
 * desktop and a phone) and fails on any console error, page error, failed request, HTTP
 * error or request to another host. Screenshots go to $UTTERSON_E2E_SCREENSHOTS (default: a
 * temporary folder, printed).
 *
 * Needs Chromium at /usr/bin/chromium (or $CHROMIUM_PATH):
 *   apt-get install -y chromium
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { staticServer } from './static-server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

let tmp: string;
let shots: string;
let result: BuildResult;
let server: http.Server;
let origin: string;
let browser: Browser;

/** What went wrong while a page was in use; every test asserts it stays empty. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()} (${page.url()})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message} (${page.url()})`));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.origin !== origin) problems.push(`request to another host: ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    // ERR_ABORTED is the browser cancelling a request because the page navigated away (the
    // favicon loads after `load`); a missing file shows as a response >= 400 below.
    const error = r.failure()?.errorText ?? '?';
    if (error !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} (${error})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

async function newPage(options: Parameters<Browser['newContext']>[0]): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { context, page, problems: watch(page) };
}

/** Posts and pages by URL, with their lng_pair, from the build. */
function lngPairOf(urlPath: string): unknown {
  for (const c of result.site.collections.values()) for (const d of c.docs) if (d.url === urlPath) return d.data.lng_pair;
  for (const p of result.site.pages) if (p.url === urlPath) return p.data.lng_pair;
  return undefined;
}

/** Accessibility basics every page must meet: landmarks, one h1, alt text, named links and buttons. */
function landmarkProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const count = (sel: string) => document.querySelectorAll(sel).length;
    if (!document.documentElement.lang) out.push('<html> has no lang');
    if (!document.title.trim()) out.push('no <title>');
    if (count('body > header') !== 1) out.push('not one banner <header>');
    if (count('main#main') !== 1) out.push('not one <main id="main">');
    if (count('body > footer') !== 1) out.push('not one contentinfo <footer>');
    if (count('h1') !== 1) out.push(`${count('h1')} <h1> elements`);
    if (!document.querySelector('a.skip-link[href="#main"]')) out.push('no skip link to #main');
    for (const nav of document.querySelectorAll('nav')) if (!nav.getAttribute('aria-label') && !nav.getAttribute('aria-labelledby')) out.push('a <nav> without a label');
    for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) out.push(`<img src="${img.getAttribute('src')}"> has no alt`);
    for (const el of document.querySelectorAll('a[href], button')) {
      const hidden = (el as HTMLElement).hidden;
      if (!hidden && !(el.textContent ?? '').trim() && !el.getAttribute('aria-label')) out.push(`${el.tagName.toLowerCase()} without a name: ${el.outerHTML.slice(0, 80)}`);
    }
    return out;
  });
}

async function visit(page: Page, url: string): Promise<void> {
  await page.goto(`${origin}${url}`);
}

/** Text whose contrast with its background is below WCAG AA's 4.5:1 (a sample of the theme's text styles). */
function contrastProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! > 0.5)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const out: string[] = [];
    const selectors = 'body, p, li, time, h1, h2, h3, a, code, .post-meta, .post-card__meta, .site-brand__sub, .lang-switch a, .lang-switch__current, .pagination__status, .taxonomy__count, .post-taxonomy li, .highlight pre';
    for (const el of document.querySelectorAll(selectors)) {
      if (!(el as HTMLElement).offsetParent && el !== document.body) continue; // not rendered
      const fg = lum(rgb(getComputedStyle(el).color));
      const bg = lum(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < 4.5) out.push(`${el.tagName.toLowerCase()}.${el.className}: ${ratio.toFixed(2)}:1 "${(el.textContent ?? '').trim().slice(0, 30)}"`);
    }
    return [...new Set(out)];
  });
}

const pathOf = (url: string) => decodeURI(new URL(url).pathname);
const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const dataTheme = (page: Page) => page.evaluate(() => document.documentElement.getAttribute('data-theme'));

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}; the browser test needs it. Install it with:\n  apt-get install -y chromium\n(or point CHROMIUM_PATH at a Chromium binary).`);
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-e2e-'));
  shots = process.env.UTTERSON_E2E_SCREENSHOTS ?? path.join(tmp, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  result = await build({ source: ROOT, destination: path.join(tmp, 'site'), cwd: ROOT, jobs: 1, quiet: true });
  server = staticServer(path.join(tmp, 'site'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (tmp && !process.env.UTTERSON_E2E_SCREENSHOTS) console.log(`e2e screenshots: ${shots}`);
  if (tmp) fs.rmSync(path.join(tmp, 'site'), { recursive: true, force: true });
});

describe('the demo blog in Chromium', () => {
  it('builds with no warnings', () => {
    expect(result.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.file ?? ''}: ${d.message}`)).toEqual([]);
  });

  it('home → CORS(3) → its Korean translation → dark mode, on a desktop', async () => {
    const { context, page, problems } = await newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    try {
      await visit(page, '/');
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await dataTheme(page)).toBe('light');
      await page.screenshot({ path: path.join(shots, 'home-light-desktop.png'), fullPage: true });
      // The first Tab reaches the skip link, which leads to <main>.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

      await page.getByRole('link', { name: 'About CORS(3)', exact: true }).click();
      await page.waitForURL(/\/About-CORS-3\/$/);
      await page.waitForLoadState();
      const enPath = pathOf(page.url());
      expect(lngPairOf(enPath)).toBe('id_About_CORS_3');
      // The `:post_cors_3_pic.jpg` shorthand became a real image that loads.
      const img = page.locator('.post-content img[alt="CORS Structure"]');
      expect(await img.getAttribute('src')).toBe('/assets/img/posts/post_cors_3_pic.jpg');
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(shots, 'post-light-desktop.png') });

      await page.locator('.lang-switch a[hreflang="ko"]').click();
      await page.waitForURL((u) => u.pathname.startsWith('/ko/'));
      await page.waitForLoadState();
      const koPath = pathOf(page.url());
      expect(koPath).toMatch(/^\/ko\/.*About-CORS-3\/$/);
      expect(lngPairOf(koPath)).toBe(lngPairOf(enPath));
      expect(await page.getAttribute('html', 'lang')).toBe('ko');
      expect(await page.locator('.lang-switch__current').textContent()).toBe('KO');

      expect(await contrastProblems(page)).toEqual([]);
      const lightBg = await bodyBackground(page);
      const toggle = page.locator('.theme-toggle');
      await expect.poll(() => toggle.isVisible()).toBe(true);
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await toggle.click();
      expect(await dataTheme(page)).toBe('dark');
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      expect(await bodyBackground(page)).not.toBe(lightBg);
      await page.screenshot({ path: path.join(shots, 'post-ko-dark-desktop.png') });

      // The choice is remembered across pages, over the light system preference.
      await visit(page, '/');
      expect(await dataTheme(page)).toBe('dark');
      await page.screenshot({ path: path.join(shots, 'home-dark-desktop.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('follows a dark system preference and fits a phone screen', async () => {
    const { context, page, problems } = await newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: 'dark' });
    try {
      for (const url of ['/', '/cors/2023/06/10/About-CORS-2/', '/ko/', '/ko/tags/', '/archive/', '/categories/', '/page2/', '/ko/about/', '/404.html']) {
        await visit(page, url);
        expect(await dataTheme(page), url).toBe('dark');
        // Nothing wider than the screen (tables and code scroll inside themselves).
        expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(390);
        expect(await landmarkProblems(page), url).toEqual([]);
        expect(await contrastProblems(page), url).toEqual([]);
      }
      // jekyll-paginate: two English posts a page; page 2 has the oldest and links back.
      await visit(page, '/page2/');
      expect(await page.locator('.post-card__title').allTextContents()).toEqual(['About CORS(1)']);
      expect(await page.locator('.pagination a[rel="prev"]').getAttribute('href')).toBe('/');
      // A page without a translation: the switcher offers the other language's home.
      await visit(page, '/404.html');
      expect(await page.locator('.lang-switch a[hreflang="ko"]').getAttribute('href')).toBe('/ko/');

      await visit(page, '/cors/2023/06/10/About-CORS-2/');
      expect(await page.locator('.post-meta__read-time').textContent()).toMatch(/^\d+ min read$/);
      // toc: true puts a table of contents linking to the post's sections.
      const tocLinks = page.locator('nav.toc a');
      expect(await tocLinks.count()).toBeGreaterThan(2);
      expect(await page.locator(String(await tocLinks.first().getAttribute('href'))).count()).toBe(1);
      await page.screenshot({ path: path.join(shots, 'post-dark-phone.png') });

      await visit(page, '/');
      await page.screenshot({ path: path.join(shots, 'home-dark-phone.png'), fullPage: true });
      await page.locator('.theme-toggle').click();
      expect(await dataTheme(page)).toBe('light');
      await page.screenshot({ path: path.join(shots, 'home-light-phone.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
