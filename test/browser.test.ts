// The reader's site in a real browser (Debian's chromium driven by playwright-core) over the demo
// newsroom as the crawler stores it: home → story → article → tag → search, each page checked at a
// phone width and a desktop width for overflow, right-to-left layout, script weight and console errors.
// Screenshots go to tmp/screenshots/ (gitignored) for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDemoSite } from './demo-site.ts';

const CANDIDATES = [process.env.MARSAD_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
const EXECUTABLE = CANDIDATES.find((p) => existsSync(p)) ?? null;
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const WIDTHS = [390, 1280] as const;
/** The budget for client script: the site is usable without any. */
const MAX_SCRIPT_BYTES = 20 * 1024;
/** How far (px) a right-aligned heading's text may sit from its box's right edge. */
const RTL_SLACK_PX = 2;
const SHOTS = new URL('../tmp/screenshots/', import.meta.url).pathname;

const missing = EXECUTABLE === null
  ? `chromium not found (looked at ${CANDIDATES.join(', ')}); install it (apt-get install chromium) or set MARSAD_CHROMIUM`
  : null;
if (missing && process.env.CI === 'true') {
  test('browser tests need chromium', () => assert.fail(missing));
} else if (missing) {
  console.log(`# skipping browser tests: ${missing}`);
}

/** What one page shows a reader, measured in the browser at the current viewport. */
interface Layout {
  lang: string | null;
  dir: string | null;
  h1: string;
  scrollWidth: number;
  innerWidth: number;
  /** The main heading's text box and element box; right-aligned text ends at the box's right edge. */
  textRight: number;
  boxRight: number;
  /** The brand (first thing in the header) sits in the right half when the page reads RTL. */
  brandCenter: number;
  scripts: number;
  /** Heading levels in document order. */
  headings: number[];
  /** Landmarks a screen reader lists: banner, main, contentinfo. */
  landmarks: { header: number; main: number; footer: number; nav: number };
  /** Images without both width and height (they would shift the layout as they load) or without alt. */
  unsizedImages: string[];
}

async function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const h1 = document.querySelector('main h1') as HTMLElement;
    const range = document.createRange();
    range.selectNodeContents(h1);
    const text = range.getBoundingClientRect();
    const box = h1.getBoundingClientRect();
    const brand = document.querySelector('header .brand')!.getBoundingClientRect();
    return {
      lang: document.documentElement.getAttribute('lang'),
      dir: document.documentElement.getAttribute('dir'),
      h1: h1.textContent?.trim() ?? '',
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
      textRight: text.right,
      boxRight: box.right - parseFloat(getComputedStyle(h1).paddingRight),
      brandCenter: (brand.left + brand.right) / 2,
      scripts: document.scripts.length,
      headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])),
      landmarks: {
        header: document.querySelectorAll('body > header').length,
        main: document.querySelectorAll('main').length,
        footer: document.querySelectorAll('body > footer').length,
        nav: document.querySelectorAll('nav[aria-label]').length,
      },
      unsizedImages: [...document.images].filter((i) => !i.getAttribute('width') || !i.getAttribute('height') || !i.hasAttribute('alt')).map((i) => i.src),
    };
  });
}

/** Reload the page at each width, check its layout, and save a screenshot. */
async function checkAtWidths(page: Page, name: string, problems: string[]): Promise<string> {
  let h1 = '';
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    await page.reload({ waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
    const m = await measure(page);
    h1 = m.h1;
    assert.equal(m.lang, 'ar', `${name}: html lang`);
    assert.equal(m.dir, 'rtl', `${name}: html dir`);
    assert.ok(m.scrollWidth <= m.innerWidth, `${name} at ${width}px: no horizontal overflow (scrollWidth ${m.scrollWidth} > ${m.innerWidth})`);
    assert.ok(Math.abs(m.textRight - m.boxRight) <= RTL_SLACK_PX, `${name} at ${width}px: the heading starts at the right (text ends ${m.textRight}, box ${m.boxRight})`);
    assert.ok(m.brandCenter > m.innerWidth / 2, `${name} at ${width}px: the brand is on the right (${m.brandCenter} of ${m.innerWidth})`);
    assert.equal(m.scripts, 0, `${name}: no script elements`);
    assert.equal(m.headings[0], 1, `${name}: the first heading is the h1`);
    assert.equal(m.headings.filter((l) => l === 1).length, 1, `${name}: one h1`);
    m.headings.forEach((l, i) => assert.ok(i === 0 || l <= m.headings[i - 1]! + 1, `${name}: heading levels ${m.headings.join(',')} skip a level`));
    assert.deepEqual({ ...m.landmarks, nav: m.landmarks.nav >= 2 }, { header: 1, main: 1, footer: 1, nav: true }, `${name}: landmarks`);
    assert.deepEqual(m.unsizedImages, [], `${name}: every image has width, height and alt`);
  }
  if (problems.length) assert.fail(`${name}: ${problems.join('; ')}`);
  return h1;
}

test('a reader goes home → story → article → tag → search on the demo newsroom, in Arabic, right to left, at 390 and 1280 px', { skip: missing ?? false, timeout: 240_000 }, async () => {
  const site = await startDemoSite();
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: EXECUTABLE!, args: LAUNCH_ARGS });
    const context = await browser.newContext({ locale: 'ar', javaScriptEnabled: true });
    const page = await context.newPage();
    // Console errors include CSP violations ("Refused to load…") and failed loads.
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    let scriptBytes = 0;
    page.on('response', async (res) => {
      if (res.request().resourceType() === 'script') scriptBytes += (await res.body()).length;
    });

    // Home: the top stories, each with its outlets, and the latest articles.
    await page.goto(site.url + '/');
    assert.equal(await page.title(), 'مرصد');
    const lead = page.locator('.top-stories ol.stories > li').first();
    assert.match((await lead.locator('h3 a').textContent())!, /[\u0600-\u06FF]{3}/, 'an Arabic headline leads the page');
    assert.ok(await lead.locator('ul.outlets a[href^="/source/"]').count() >= 1, 'the lead story names its outlet');
    // The first top story told by several outlets: its page has a timeline to follow.
    const topStory = page.locator('.top-stories ol.stories > li').filter({ has: page.locator('ul.outlets li:nth-child(2)') }).first();
    const headline = (await topStory.locator('h3 a').textContent())!.trim();
    assert.ok(await page.locator('.latest ol.articles > li').count() >= 10, 'the latest articles are listed');
    assert.equal(await page.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href'), '/rss');
    await checkAtWidths(page, 'home', problems);
    // Dark mode follows the system setting; text stays readable on the dark background.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
    assert.deepEqual(dark, ['rgb(19, 21, 24)', 'rgb(235, 231, 223)'], 'dark background, light text');
    await page.screenshot({ path: join(SHOTS, 'home-dark-390.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    // Story: the same headline, every outlet's version on a timeline.
    await topStory.locator('h3 a').click();
    await page.waitForURL(/\/story\/\d+$/);
    assert.equal((await page.locator('main h1').textContent())!.trim(), headline);
    assert.ok(await page.locator('ol.timeline > li').count() >= 2, 'the timeline lists several outlets');
    assert.match((await page.locator('.first-report').textContent())!, /أول من نشر الخبر/);
    await checkAtWidths(page, 'story', problems);

    // Article: date in Arabic with the Hijri day, its source linked, tags.
    const firstVersion = page.locator('ol.timeline > li > a[href^="/article/"]').first();
    const articleTitle = (await firstVersion.textContent())!.trim();
    await firstVersion.click();
    await page.waitForURL(/\/article\/\d+$/);
    assert.equal((await page.locator('main h1').textContent())!.trim(), articleTitle);
    assert.match((await page.locator('article.story > .meta').textContent())!, /تاريخ النشر: .+ هـ/);
    assert.match((await page.locator('time[title]').first().getAttribute('title'))!, /هـ$/, 'the relative time has the full date on hover');
    assert.ok(await page.locator('.source-box a[rel~="nofollow"]').count() === 1, 'a link to the original');
    assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), page.url());
    assert.equal(await page.locator('meta[property="og:title"]').getAttribute('content'), articleTitle);
    await checkAtWidths(page, 'article', problems);

    // Tag: the first tag's page names it and lists its articles.
    const tag = page.locator('ul.tags a').first();
    const tagName = (await tag.evaluate((a) => a.firstChild?.textContent ?? '')).trim();
    await tag.click();
    await page.waitForURL(/\/tag\//);
    assert.equal((await page.locator('main h1').textContent())!.trim(), tagName);
    assert.ok(await page.locator('ol.articles > li').count() >= 1);
    await checkAtWidths(page, 'tag', problems);

    // Search from the header box for the tag's name: results with the words marked.
    await page.locator('header .site-search input[name="q"]').fill(tagName);
    await page.locator('header .site-search button').click();
    await page.waitForURL(/\/search\?q=/);
    assert.equal(await page.locator('#search-q').inputValue(), tagName);
    assert.ok(await page.locator('.search-results ol.articles > li').count() >= 1, `results for ${tagName}`);
    assert.ok(await page.locator('.search-results mark').count() >= 1, 'the words found are marked');
    await checkAtWidths(page, 'search', problems);

    // Keyboard: the first Tab reaches the skip link, which leads to the main content.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');

    assert.ok(scriptBytes < MAX_SCRIPT_BYTES, `${scriptBytes} bytes of script`);
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  } finally {
    await browser?.close();
    await site.close();
  }
});
