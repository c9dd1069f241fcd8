// Which pages are checked, and one pass over them in Chromium: saves each page's
// HTML as the server sent it (for the Nu Html Checker), runs axe-core at phone and
// desktop width, takes screenshots, and notes feed and calendar links.
'use strict';

const fs = require('fs');
const path = require('path');
const { settings, must, short, absolute, slugify } = require('./lib');
const { newContext, shotAt, viewport, follow, logIn, axe, WIDTHS } = require('./browser');
const { adminEventId, BOARD_EVENT } = require('./journeys');

const DE_POST = '/de/blog/einladung-zum-sommergrillen/';
const DE_EVENT = `/de/events/${settings.nextEvent}/`;
const EVENT_PAGES = ['/de/events/', '/en/events/', DE_EVENT, `/en/events/${settings.nextEvent}/`];
// The open-space pages of the upcoming demo event (board, schedule, live board), and of
// the past one, whose board is closed and which has no rooms or slots.
const boardPath = (lang, event = BOARD_EVENT) => `/${lang}/events/${event}/`;
const PAST_EVENT = settings.pastEvent;

/** The id of a topic on the demo board: the journey's, or the first one listed. */
async function someTopicId(shared) {
  if (shared.board?.topicId) return shared.board.topicId;
  const res = await fetch(absolute(`${boardPath('de')}topics/`));
  const id = /<li class="topic-card" id="topic-(\d+)"/.exec(await res.text())?.[1];
  must(id, `${boardPath('de')}topics/: no topic listed`);
  return Number(id);
}

/** Every <url> of /sitemap.xml: its address and the languages it has alternates in. */
async function sitemap() {
  const res = await fetch(absolute('/sitemap.xml'));
  must(res.status === 200, `/sitemap.xml answered ${res.status}`);
  const xml = await res.text();
  const urls = [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, block]) => ({
    loc: /<loc>([^<]+)<\/loc>/.exec(block)?.[1],
    langs: [...block.matchAll(/hreflang="([^"]+)"/g)].map((m) => m[1]),
  }));
  must(urls.length > 0 && urls.every((u) => u.loc), '/sitemap.xml lists no pages');
  return urls;
}

const linkable = (href) => {
  if (!href.startsWith('/') || href.startsWith('//')) return null;
  const clean = href.split('#')[0];
  if (!clean || clean.includes('?') || /^\/(admin|static)\b/.test(clean) || /\.[a-z0-9]+$/i.test(clean)) return null;
  return clean;
};

/** Same-site links of a page's main navigation and, for `main`, of its <main>. */
function linksIn(html, where) {
  const parts = where === 'nav'
    ? [...html.matchAll(/<nav class="main-nav"[\s\S]*?<\/nav>/g)].map((m) => m[0])
    : [/<main[\s\S]*?<\/main>/.exec(html)?.[0] || ''];
  return parts.flatMap((part) => [...part.matchAll(/href="([^"]+)"/g)].map((m) => linksIn.decode(m[1]))).map(linkable).filter(Boolean);
}
linksIn.decode = (s) => s.replace(/&amp;/g, '&').replace(/&#x2F;/g, '/');

/**
 * Pages a visitor reaches from the main navigation (and the pages those list) that
 * /sitemap.xml does not name, so a new section is checked before it is in the sitemap.
 */
async function discover(known, limit = 40) {
  const found = [];
  const seen = new Set(known);
  const get = async (p) => {
    const res = await fetch(absolute(p), { redirect: 'manual' });
    return res.status === 200 ? res.text() : '';
  };
  const sections = new Set();
  for (const home of ['/de/', '/en/']) for (const href of linksIn(await get(home), 'nav')) sections.add(href);
  for (const section of sections) {
    const fresh = !seen.has(section);
    if (fresh && found.length < limit) { seen.add(section); found.push(section); }
    if (!fresh) continue; // listed sections were crawled by whoever made the sitemap
    for (const href of linksIn(await get(section), 'main')) {
      if (href.startsWith(section) && !seen.has(href) && found.length < limit) { seen.add(href); found.push(href); }
    }
  }
  return found;
}

async function submit(page, form) {
  return follow(page, page.locator(`${form} button[type="submit"]`).last());
}

/**
 * The pages to check. `as` is who looks: a visitor, or the logged-in organizer.
 * `open` replaces a plain visit for pages that only a form submission shows.
 */
async function pageList(shared) {
  const pages = [];
  const add = (name, as, url, extra = {}) => pages.push({ name, as, url, status: [200], ...extra });

  // A URL listed twice (or under two spellings of the host) is checked once.
  const entries = [];
  const listed = new Set();
  for (const entry of await sitemap()) {
    const url = short(entry.loc);
    if (listed.has(url)) continue;
    listed.add(url);
    entries.push(entry);
    add(url, 'visitor', url);
  }
  const unlisted = await discover([...listed]);
  for (const url of unlisted) add(url, 'visitor', url, { note: 'not in /sitemap.xml' });
  // The events section and the demo event, whether the sitemap and navigation name them or not.
  for (const url of [...EVENT_PAGES].filter((u) => !listed.has(u) && !unlisted.includes(u))) {
    add(url, 'visitor', url, { note: 'not in /sitemap.xml' });
  }

  // A post in one language only, opened under the other language's address.
  for (const [from, to] of [['de', 'en'], ['en', 'de']]) {
    const lone = entries.find((u) => u.loc.includes(`/${from}/blog/`) && !u.langs.includes(to) && /\/blog\/[^/]+\/$/.test(u.loc));
    if (lone) add(`untranslated ${to}`, 'visitor', short(lone.loc).replace(`/${from}/`, `/${to}/`), { status: [404] });
  }
  add('404 de', 'visitor', '/de/nope/', { status: [404] });
  add('404 en', 'visitor', '/en/nope/', { status: [404] });
  add('404 post', 'visitor', '/de/blog/gibt-es-nicht/', { status: [404] });
  add('comment form with errors', 'visitor', DE_POST, {
    status: [422],
    open: async (page) => {
      await page.goto(absolute(DE_POST));
      await page.fill('#name', '');
      await page.fill('#email', 'keine-adresse');
      await page.fill('#body', '');
      return submit(page, 'form[action$="/comments#comment-form-title"]');
    },
  });
  add('403 forged form', 'visitor', DE_POST, {
    status: [403],
    open: async (page) => {
      await page.goto(absolute(DE_POST));
      await page.evaluate(() => { document.querySelector('form.form input[name="csrf"]').value = 'forged'; });
      await page.fill('#name', 'Mallory');
      await page.fill('#email', 'mallory@example.org');
      await page.fill('#body', 'Forged.');
      return submit(page, 'form[action$="/comments#comment-form-title"]');
    },
  });
  add('404 event', 'visitor', '/en/events/gibt-es-nicht/', { status: [404] });
  add('RSVP form with errors', 'visitor', DE_EVENT, {
    status: [422],
    open: async (page) => {
      await page.goto(absolute(DE_EVENT));
      await page.fill('#rsvp #email', 'keine-adresse');
      await page.fill('#rsvp #name', '');
      return submit(page, '#rsvp form');
    },
  });
  add('RSVP confirm link, unknown token', 'visitor', '/de/rsvp/confirm/unbekannt', {
    status: [404],
    open: async (page) => {
      await page.goto(absolute('/de/rsvp/confirm/unbekannt'));
      return submit(page, 'form[action*="/rsvp/confirm/"]');
    },
  });
  if (shared.attendee?.manage) add('RSVP manage page (from the mail)', 'visitor', shared.attendee.manage);

  // The topic board: as a visitor, as the attendee of the board journey, as the organizer.
  // (Pages of the sitemap are in the list already.)
  const visit = (url, extra) => { if (!listed.has(url)) add(url, 'visitor', url, extra); };
  const topicId = await someTopicId(shared);
  for (const lang of ['de', 'en']) {
    const base = boardPath(lang);
    for (const url of [`${base}topics/`, `${base}topics/${topicId}/`, `${base}schedule/`]) visit(url);
    // Checked once its stream has replaced the board, so that axe sees a settled page.
    visit(`${base}board/`, {
      open: async (page) => {
        const response = await page.goto(absolute(`${base}board/`));
        await page.waitForFunction(() => {
          const status = document.querySelector('[data-live-status]');
          return status && status.textContent.trim() === status.dataset.connected;
        }, null, { timeout: 10000 }).catch(() => { throw new Error(`${base}board/: the live board did not connect within 10 s`); });
        return response;
      },
    });
  }
  // With dot buttons, "Not you?" and the notes form: the board in German, a topic in English.
  if (shared.boardAttendeeContext) {
    add('topic board as attendee', 'attendee', `${boardPath('de')}topics/`);
    add('topic page as attendee', 'attendee', `${boardPath('en')}topics/${topicId}/`);
  }
  visit(`${boardPath('de')}topics/?sort=new`);
  add('topic board as organizer', 'organizer', `${boardPath('de')}topics/`);
  visit(`${boardPath('de', PAST_EVENT)}topics/`); // closed: the event is over
  visit(`${boardPath('en', PAST_EVENT)}schedule/`); // no rooms or slots
  add('404 topic', 'visitor', `${boardPath('de')}topics/999999/`, { status: [404] });
  add('topic proposal with errors', 'visitor', `${boardPath('en')}topics/`, {
    status: [422],
    open: async (page) => {
      await page.goto(absolute(`${boardPath('en')}topics/`));
      await page.fill('#propose #title', '');
      return submit(page, '#propose');
    },
  });
  if (shared.boardAttendeeContext) {
    add('topic notes with errors', 'attendee', `${boardPath('de')}topics/${topicId}/`, {
      status: [422],
      open: async (page) => {
        await page.goto(absolute(`${boardPath('de')}topics/${topicId}/`));
        await page.fill('#notes #body', '');
        return submit(page, '#notes form');
      },
    });
  }
  add('/admin/login', 'visitor', '/admin/login');
  add('login with errors', 'visitor', '/admin/login', {
    status: [401, 422],
    open: async (page) => {
      await page.goto(absolute('/admin/login'));
      await page.fill('#email', settings.organizerEmail);
      await page.fill('#password', 'not-the-password');
      return submit(page, 'form[action="/admin/login"]');
    },
  });

  for (const url of ['/admin/', '/admin/posts', '/admin/posts/new', '/admin/comments', '/admin/comments?status=approved', '/admin/comments?status=spam', '/admin/categories', '/admin/events', '/admin/outbox',
    '/admin/contacts', '/admin/contacts?tag=kunde&status=active', '/admin/contacts/new', '/admin/contacts/1', '/admin/contacts/6', '/admin/contacts/import',
    '/admin/campaigns', '/admin/campaigns/1', '/admin/campaigns/new?event=1', '/admin/privacy']) {
    add(url, 'organizer', url);
  }
  const editId = shared.posts?.de?.id;
  add('admin post editor', 'organizer', editId ? `/admin/posts/${editId}/edit` : '(first post of /admin/posts)', {
    open: async (page) => {
      if (editId) return page.goto(absolute(`/admin/posts/${editId}/edit`));
      await page.goto(absolute('/admin/posts'));
      const href = await page.locator('tbody a[href$="/edit"]').first().getAttribute('href');
      return page.goto(absolute(href));
    },
  });
  add('admin editor with errors', 'organizer', '/admin/posts/new', {
    status: [422],
    open: async (page) => {
      await page.goto(absolute('/admin/posts/new'));
      await page.fill('#title', '');
      await page.fill('#body', '');
      await page.fill('#publish_at', '');
      return follow(page, page.locator('button[name="action"][value="publish"]'));
    },
  });
  add('admin editor preview', 'organizer', '/admin/posts/new', {
    open: async (page) => {
      await page.goto(absolute('/admin/posts/new'));
      await page.fill('#title', 'Vorschau');
      await page.fill('#body', [
        '## Ablauf', '',
        '| Uhrzeit | Programmpunkt | Raum | Verantwortlich | Voraussetzungen | Bemerkungen |',
        '|---|---|---|---|---|---|',
        '| 14:00 | Open-Space-Eröffnung | Großer Konferenzraum | Organisationsteam | keine | Kaffee steht bereit |',
        '| 19:00 | Grillen | Innenhof | Grillmeisterinnen und Grillmeister | Appetit | Vegetarisch und vegan auch |',
        '', '> Zitat', '', '`code` und ein langer Befehl:', '',
        '```', 'cargo test --workspace --all-features -- --test-threads=1 --nocapture # sehr lange Zeile ohne Umbruch', '```',
      ].join('\n'));
      return follow(page, page.locator('button[name="action"][value="preview"]'));
    },
  });
  add('admin categories with errors', 'organizer', '/admin/categories', {
    status: [422],
    open: async (page) => {
      await page.goto(absolute('/admin/categories'));
      return submit(page, 'form[action="/admin/categories"]');
    },
  });
  add('admin 404', 'organizer', '/admin/posts/999999/edit', { status: [404] });

  // The organizers' topic board of the demo event.
  const eventId = shared.board?.eventId;
  const adminTopics = (query = '') => async (page) => {
    const id = eventId ?? await adminEventId(page, BOARD_EVENT);
    return page.goto(absolute(`/admin/events/${id}/topics${query}`));
  };
  const topicsUrl = `/admin/events/${eventId ?? '(id)'}/topics`;
  add(topicsUrl, 'organizer', topicsUrl, { open: adminTopics() });
  add(`${topicsUrl}?suggest=1`, 'organizer', `${topicsUrl}?suggest=1`, { open: adminTopics('?suggest=1') });
  add('admin topics with errors', 'organizer', topicsUrl, {
    status: [422],
    open: async (page) => {
      await adminTopics()(page);
      await page.fill('#room_name', '');
      await page.fill('#room_capacity', '-1');
      return submit(page, 'form[action$="/topics/rooms"]');
    },
  });
  return pages;
}

/** Visits every page; returns what the checks need. */
async function pass(browser, shared) {
  const list = await pageList(shared);
  const htmlDir = path.join(settings.work, 'html');
  fs.mkdirSync(htmlDir, { recursive: true });
  const visitorContext = await newContext(browser, 'de-DE');
  let organizerContext = shared.adminContext;
  if (!organizerContext) {
    organizerContext = await newContext(browser, 'de-DE');
    await (await logIn(organizerContext)).close();
  }
  const results = [];
  const feeds = new Set();
  const calendars = new Set();
  const spent = { load: 0, axe: 0, screenshots: 0 };
  const timed = async (phase, fn) => {
    const t = Date.now();
    try { return await fn(); } finally { spent[phase] += (Date.now() - t) / 1000; }
  };
  const contexts = { visitor: visitorContext, organizer: organizerContext, attendee: shared.boardAttendeeContext };
  const one = async (spec, i) => {
    const context = contexts[spec.as];
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('console', (msg) => { if (msg.type() === 'error') consoleErrors.push(msg.text()); });
    page.on('pageerror', (err) => consoleErrors.push(err.message));
    const result = { ...spec, problems: [], violations: [], console: [] };
    results[i] = result;
    try {
      const response = await timed('load', () => (spec.open ? spec.open(page) : page.goto(absolute(spec.url))));
      must(response, `${spec.name}: no response`);
      result.finalUrl = short(page.url());
      result.code = response.status();
      if (!spec.status.includes(result.code)) {
        result.problems.push(`answered ${result.code}, expected ${spec.status.join(' or ')}`);
      }
      const html = await response.text();
      const name = `${String(i + 1).padStart(3, '0')}-${slugify(spec.name)}`;
      result.file = path.join(htmlDir, `${name}.html`);
      fs.writeFileSync(result.file, html);

      for (const href of await page.$$eval('link[type="application/atom+xml"], a[href$=".atom"]', (els) => els.map((e) => e.href))) feeds.add(href);
      for (const href of await page.$$eval('link[type="text/calendar"], a[href$=".ics"], a[href*=".ics?"]', (els) => els.map((e) => e.href))) calendars.add(href);

      // Desktop first (the page opened at that width), then the phone width.
      for (const width of [...WIDTHS].sort((a, b) => b - a)) {
        if (page.viewportSize().width !== width) await page.setViewportSize(viewport(width));
        for (const v of await timed('axe', () => axe(page))) result.violations.push({ ...v, width });
        await timed('screenshots', () => shotAt(page, `page-${name}`, width));
      }
      const expected = spec.status.filter((s) => s >= 400).map(String);
      result.console = consoleErrors.filter((text) => !(expected.some((s) => text.includes(`status of ${s}`))));
    } catch (err) {
      result.problems.push(err.message.split('\n')[0]);
    } finally {
      await page.close();
    }
  };
  // A few pages at a time: most of the time goes to axe and screenshots in Chromium.
  const workers = Math.max(1, Number(process.env.GRILLPLATZ_CHECK_PARALLEL || 3));
  let next = 0;
  try {
    await Promise.all(Array.from({ length: workers }, async () => {
      while (next < list.length) {
        const i = next++;
        await one(list[i], i);
      }
    }));
  } finally {
    await visitorContext.close();
  }
  return { results, feeds: [...feeds], calendars: [...calendars], spent };
}

module.exports = { pass, sitemap };
