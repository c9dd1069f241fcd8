// Debian's Chromium driven by playwright-core: launching, screenshots at phone and
// desktop width, logging in, and running axe-core inside a page.
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { settings, must, short } = require('./lib');

// Nothing leaves the machine: no updates, sync, safe-browsing or QUIC probes.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

const WIDTHS = [375, 1280];
const DESKTOP = { width: 1280, height: 800 };

async function launch() {
  return chromium.launch({ executablePath: settings.chromium, headless: true, args: FLAGS });
}

/** A browser context whose Accept-Language asks for `locale` first. */
async function newContext(browser, locale = 'de-DE') {
  const context = await browser.newContext({ locale, viewport: DESKTOP });
  context.setDefaultTimeout(15000);
  context.setDefaultNavigationTimeout(20000);
  return context;
}

const viewport = (width) => (width === DESKTOP.width ? DESKTOP : { width, height: 740 });

/** A full-page screenshot `<name>-<width>.png` at the page's current width. */
async function shotAt(page, name, width) {
  fs.mkdirSync(settings.screenshots, { recursive: true });
  await page.screenshot({ path: path.join(settings.screenshots, `${name}-${width}.png`), fullPage: true });
}

/** Full-page screenshots `<name>-375.png` and `<name>-1280.png`; leaves the desktop width set. */
async function shot(page, name) {
  for (const width of WIDTHS) {
    await page.setViewportSize(viewport(width));
    await shotAt(page, name, width);
  }
  await page.setViewportSize(DESKTOP);
}

/** Clicks something that navigates and returns the final response. */
async function follow(page, locator) {
  const [response] = await Promise.all([page.waitForNavigation(), locator.click()]);
  return response;
}

/** Logs `context` in as the organizer through the login form. */
async function logIn(context) {
  const page = await context.newPage();
  await page.goto(new URL('/admin/login', settings.base).href);
  await page.fill('#email', settings.organizerEmail);
  await page.fill('#password', settings.organizerPassword);
  await follow(page, page.locator('form[action="/admin/login"] button[type="submit"]'));
  must(new URL(page.url()).pathname === '/admin/', `/admin/login: logging in led to ${short(page.url())}, not /admin/`);
  return page;
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
let axeSource;

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is; returns the violations. */
async function axe(page) {
  axeSource ??= fs.readFileSync(settings.axe, 'utf8');
  // evaluate() runs outside the page's Content-Security-Policy, unlike an injected <script>.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.length,
    targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}

module.exports = { launch, newContext, shot, shotAt, viewport, follow, logIn, axe, WIDTHS, DESKTOP };
