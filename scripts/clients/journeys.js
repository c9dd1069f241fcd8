// What a visitor and an organizer do on the site, click by click, with screenshots.
'use strict';

const fs = require('fs');
const path = require('path');
const { settings, must, short, absolute, strings, python } = require('./lib');
const { newContext, shot, follow, logIn } = require('./browser');

const DE_POST = '/de/blog/einladung-zum-sommergrillen/';
const EN_POST = '/en/blog/invitation-summer-bbq/';

const pathOf = (page) => new URL(page.url()).pathname;
const stamp = () => new Date().toISOString().replace(/\D/g, '').slice(0, 14);

async function expectPath(page, expected, what) {
  must(pathOf(page) === expected, `${what}: expected ${expected}, landed on ${short(page.url())}`);
}

async function htmlLang(page) {
  return page.getAttribute('html', 'lang');
}

/** The text of the success flash on the page, or null. */
async function flash(page) {
  const el = page.locator('.flash');
  return (await el.count()) ? (await el.first().innerText()).trim() : null;
}

/**
 * A German-speaking visitor: lands on /de/, reads the demo post, switches to its
 * English translation and back, follows a tag, browses the archive and comments.
 */
async function visitor(browser, shared) {
  const de = strings('de');
  const steps = [];
  const context = await newContext(browser, 'de-DE');
  try {
    const page = await context.newPage();

    await page.goto(absolute('/'));
    await expectPath(page, '/de/', '/ with Accept-Language de-DE');
    must((await htmlLang(page)) === 'de', '/de/: <html lang> is not "de"');
    await shot(page, 'visitor-01-home');
    steps.push('/ → /de/');

    const english = await newContext(browser, 'en-US');
    try {
      const p = await english.newPage();
      await p.goto(absolute('/'));
      await expectPath(p, '/en/', '/ with Accept-Language en-US');
      steps.push('/ → /en/');
    } finally {
      await english.close();
    }

    let link = page.locator(`main a[href="${DE_POST}"]`).first();
    if (!(await link.count())) {
      await follow(page, page.locator('.main-nav a[href="/de/blog/"]'));
      link = page.locator(`main a[href="${DE_POST}"]`).first();
    }
    must(await link.count(), `/de/ and /de/blog/: no link to the demo post ${DE_POST}`);
    await follow(page, link);
    await expectPath(page, DE_POST, 'clicking the demo post');
    must((await page.locator('h1').count()) === 1, `${DE_POST}: expected one <h1>`);
    await shot(page, 'visitor-02-post');
    steps.push('post');

    await follow(page, page.locator('.site-header .lang-switch'));
    await expectPath(page, EN_POST, `${DE_POST}: language switcher`);
    must((await htmlLang(page)) === 'en', `${EN_POST}: <html lang> is not "en"`);
    await shot(page, 'visitor-03-post-english');
    await follow(page, page.locator('.site-header .lang-switch'));
    await expectPath(page, DE_POST, `${EN_POST}: language switcher`);
    steps.push('switcher de→en→de');

    const tag = page.locator('.post-footer a.tag').first();
    must(await tag.count(), `${DE_POST}: no tag link in the post footer`);
    await follow(page, tag);
    must(/^\/de\/tag\/[^/]+\/$/.test(pathOf(page)), `tag link led to ${short(page.url())}`);
    must(await page.locator(`main a[href="${DE_POST}"]`).count(), `${short(page.url())}: the tagged post is not listed`);
    await shot(page, 'visitor-04-tag');
    steps.push('tag');

    await follow(page, page.locator('.main-nav a[href="/de/archive/"]'));
    await expectPath(page, '/de/archive/', 'archive link in the navigation');
    await shot(page, 'visitor-05-archive');
    const month = page.locator('.archive-months a').first();
    must(await month.count(), '/de/archive/: no month listed');
    await follow(page, month);
    must(await page.locator('.post-card').count(), `${short(page.url())}: no post in the month`);
    await shot(page, 'visitor-06-archive-month');
    steps.push('archive');

    await page.goto(absolute(DE_POST));
    const body = `Ich bringe Kartoffelsalat mit! (Prüfung ${stamp()})`;
    await page.fill('#name', 'Vera Besucherin');
    await page.fill('#email', `vera.${stamp()}@example.org`);
    await page.fill('#body', body);
    await shot(page, 'visitor-07-comment-form');
    const response = await follow(page, page.locator('form[action$="/comments#comment-form-title"] button[type="submit"]'));
    must(response && response.status() === 200, `${DE_POST}: sending the comment answered ${response && response.status()}`);
    await expectPath(page, DE_POST, 'after sending the comment');
    const message = await flash(page);
    must(message === de['comment-held'], `${DE_POST}: after commenting expected "${de['comment-held']}", saw ${JSON.stringify(message)}`);
    must(!(await page.locator('.comment-list', { hasText: body }).count()), `${DE_POST}: the comment shows before it was approved`);
    await shot(page, 'visitor-08-comment-held');
    steps.push('comment held');

    shared.comment = { post: DE_POST, body };
    return { counts: `${steps.length} steps`, notes: [steps.join('; ')] };
  } finally {
    await context.close();
  }
}

const EVENT = `/en/events/${settings.nextEvent}/`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** To, Subject and links of every .eml the SMTP sink received addressed to `email`, newest first. */
function mailsTo(email) {
  const dir = settings.mailDir;
  if (!dir || !fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).map((f) => path.join(dir, f));
  if (!files.length) return [];
  const mtime = new Map(files.map((f) => [f, fs.statSync(f).mtimeMs]));
  return python('mail_check.py', ['links', ...files])
    .filter((m) => !m.error && m.to.toLowerCase().includes(email.toLowerCase()))
    .sort((a, b) => mtime.get(b.mail) - mtime.get(a.mail));
}

/** Polls the mail folder until `count` mails to `email` are there (the outbox worker runs every 2 s). */
async function waitForMails(email, count, seconds = 12) {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const found = mailsTo(email);
    if (found.length >= count || Date.now() > until) return found;
    await sleep(500);
  }
}

/**
 * An English-speaking attendee: registers for the (full) demo event, finds the
 * confirmation link in the mail the outbox worker wrote, confirms, and gets the
 * waiting-list (or confirmed) answer and its mail.
 */
async function attendee(browser, shared) {
  const en = strings('en');
  const steps = [];
  const email = `anna.${stamp()}@example.org`;
  const context = await newContext(browser, 'en-US');
  try {
    const page = await context.newPage();
    const opened = await page.goto(absolute(EVENT));
    must(opened && opened.status() === 200, `${EVENT} answered ${opened && opened.status()}`);
    must(await page.locator('#rsvp form').count(), `${EVENT}: no RSVP form in #rsvp`);
    await shot(page, 'attendee-01-event');
    steps.push('event page');

    await page.fill('#rsvp #email', email);
    await page.fill('#rsvp #name', 'Anna Attendee');
    await page.selectOption('#rsvp #lang', 'en');
    if (await page.locator('#rsvp select#guests').count()) await page.selectOption('#rsvp select#guests', '1');
    await page.check('#rsvp #diet-vegetarian');
    await page.fill('#rsvp #notes', 'No mushrooms, please.');
    await page.check('#rsvp #consent');
    await shot(page, 'attendee-02-rsvp-form');
    const response = await follow(page, page.locator('#rsvp form button[type="submit"]'));
    must(response && response.status() === 200, `${EVENT}: sending the RSVP answered ${response && response.status()} at ${short(page.url())}`);
    const message = await flash(page);
    must(message === en['rsvp-link-sent'], `${EVENT}: after registering expected "${en['rsvp-link-sent']}", saw ${JSON.stringify(message)}`);
    await shot(page, 'attendee-03-link-sent');
    steps.push('RSVP sent');

    const started = Date.now();
    const first = await waitForMails(email, 1);
    must(first.length, `no .eml to ${email} in ${short(settings.mailDir)} within 12 s after the RSVP (outbox worker; see server.log)`);
    const mail = first[0];
    const link = mail.links.map((u) => u.replace(/[.,;:)]+$/, '')).find((u) => u.includes('/rsvp/confirm/'));
    must(link, `${path.basename(mail.mail)} ("${mail.subject}"): no link with /rsvp/confirm/ in it (links: ${mail.links.join(' ') || 'none'})`);
    must(link.startsWith(settings.base), `${path.basename(mail.mail)}: the confirmation link ${link} is not on ${settings.base}`);
    steps.push(`mail after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const ask = await page.goto(link);
    must(ask && ask.status() === 200, `${short(link)} answered ${ask && ask.status()}`);
    const button = page.locator('form[action*="/rsvp/confirm/"] button[type="submit"]');
    must((await button.count()) === 1, `${short(link)}: expected one confirm button`);
    await shot(page, 'attendee-04-confirm');
    const confirmed = await follow(page, button);
    must(confirmed && confirmed.status() === 200, `${short(link)}: confirming answered ${confirmed && confirmed.status()}`);
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    const waitlisted = text.includes('All places are taken');
    must(waitlisted || text.includes(en['confirm-confirmed']), `${short(link)}: after confirming neither "All places are taken" nor "${en['confirm-confirmed']}" is shown (saw: ${text.slice(0, 200)})`);
    await shot(page, 'attendee-05-confirmed');
    steps.push(waitlisted ? 'waiting list' : 'confirmed');

    const all = await waitForMails(email, 2);
    must(all.length >= 2, `no second mail to ${email} (${waitlisted ? 'waiting list' : 'confirmed'}) within 12 s after confirming`);
    const manage = all.flatMap((m) => m.links).map((u) => u.replace(/[.,;:)]+$/, '')).find((u) => /\/rsvp\/[^/]+\/$/.test(new URL(u).pathname));
    shared.attendee = { email, waitlisted, manage: manage ? short(manage) : null, confirm: short(link) };
    steps.push(`mails: ${all.map((m) => `"${m.subject}"${m.attachments.length ? ` [${m.attachments.join(', ')}]` : ''}`).reverse().join(', ')}`);
    return { counts: `${steps.length} steps`, notes: [steps.join('; ')] };
  } finally {
    await context.close();
  }
}

/**
 * A German attendee on the waiting list of the full demo event: the button, the
 * confirmation and the manage page say where they stand, the topic board lets them
 * take part, and leaving the list asks first and says what follows.
 */
async function waitingAttendee(browser, shared) {
  const de = strings('de');
  const steps = [];
  const email = `wartend.${stamp()}@example.org`;
  const eventPath = EVENT.replace('/en/', '/de/');
  const context = await newContext(browser, 'de-DE');
  try {
    const page = await context.newPage();
    const opened = await page.goto(absolute(eventPath));
    must(opened && opened.status() === 200, `${eventPath} answered ${opened && opened.status()}`);
    const submit = page.locator('#rsvp form button[type="submit"]');
    const label = (await submit.innerText()).trim();
    must(label === de['rsvp-submit-waitlist'], `${eventPath}: the full event's button says "${label}", not "${de['rsvp-submit-waitlist']}"`);
    steps.push('button offers the waiting list');

    await page.fill('#rsvp #email', email);
    await page.fill('#rsvp #name', 'Wanda Wartend');
    await page.check('#rsvp #diet-vegan');
    await page.check('#rsvp #consent');
    const sent = await follow(page, submit);
    must(sent && sent.status() === 200, `${eventPath}: registering answered ${sent && sent.status()}`);
    const first = await waitForMails(email, 1);
    must(first.length, `no confirmation mail to ${email} within 12 s`);
    const link = first[0].links.map((u) => u.replace(/[.,;:)]+$/, '')).find((u) => u.includes('/rsvp/confirm/'));
    must(link, `"${first[0].subject}": no confirmation link`);
    await page.goto(link);
    await follow(page, page.locator('form[action*="/rsvp/confirm/"] button[type="submit"]'));
    const heading = (await page.locator('h1').innerText()).trim();
    must(heading === de['confirm-title-waitlisted'], `${short(link)}: after confirming the heading says "${heading}", not "${de['confirm-title-waitlisted']}"`);
    await shot(page, 'waiting-01-confirmed');
    steps.push('confirmed onto the waiting list');

    const mails = await waitForMails(email, 2);
    const manage = mails.flatMap((m) => m.links).map((u) => u.replace(/[.,;:)]+$/, '')).find((u) => /\/rsvp\/[^/]+\/$/.test(new URL(u).pathname));
    must(manage, `no manage link in the mails to ${email}`);
    await page.goto(manage);
    const status = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    must(/Platz \d+ der Warteliste|als Nächstes dran/.test(status), `${short(manage)}: the manage page names no place on the waiting list (saw: ${status.slice(0, 200)})`);
    await shot(page, 'waiting-02-manage');
    steps.push('manage page counts the place');

    const board = `${eventPath}topics/`;
    await page.goto(absolute(board));
    const boardText = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    must(boardText.includes(de['topics-waiting-welcome']), `${board}: the board does not tell a waiting person "${de['topics-waiting-welcome']}"`);
    must(await page.locator('form#propose input[name="title"]').count(), `${board}: no propose form for a waiting person`);
    await shot(page, 'waiting-03-board');
    steps.push('board welcomes them');

    await page.goto(manage);
    await follow(page, page.locator('main a.button-danger'));
    const ask = (await page.locator('h1').innerText()).trim();
    must(ask === de['cancel-title-waitlist'], `${short(manage)}cancel: the question says "${ask}", not "${de['cancel-title-waitlist']}"`);
    must((await page.locator('main').innerText()).includes(de['cancel-consequence-waitlist']), `${short(manage)}cancel: the consequence is missing`);
    await shot(page, 'waiting-04-leave');
    await follow(page, page.locator('main form button[type="submit"]'));
    const after = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    must(after.includes(de['rsvp-status-cancelled']), `${short(manage)}: after leaving the page does not say "${de['rsvp-status-cancelled']}"`);
    steps.push('left the list after a confirmation step');
    shared.waiting = { email, manage: short(manage) };
    return { counts: `${steps.length} steps`, notes: [steps.join('; ')] };
  } finally {
    await context.close();
  }
}

async function publishPost(page, { title, lang, body, tags, translationOf }) {
  await page.goto(absolute('/admin/posts/new'));
  await page.fill('#title', title);
  await page.selectOption('#lang', lang);
  await page.fill('#body', body);
  await page.fill('#tags', tags);
  const category = page.locator('.check-grid input[type="checkbox"]').first();
  if (await category.count()) await category.check();
  if (translationOf) await page.selectOption('#translation', String(translationOf));
  const response = await follow(page, page.locator('button[name="action"][value="publish"]'));
  const m = /^\/admin\/posts\/(\d+)\/edit$/.exec(pathOf(page));
  if (!m) {
    const errors = await page.locator('.field-error').allInnerTexts();
    must(false, `/admin/posts/new: publishing "${title}" answered ${response.status()} at ${short(page.url())} ${errors.join('; ')}`);
  }
  const view = page.locator(`.toolbar a[href^="/${lang}/blog/"]`);
  const href = (await view.count()) ? await view.first().getAttribute('href') : null;
  must(href && href.startsWith(`/${lang}/blog/`), `/admin/posts/${m[1]}/edit: no link to the public post after publishing`);
  return { id: Number(m[1]), href };
}

/**
 * An organizer: logs in, previews and publishes a German post, publishes its
 * English translation, follows the switcher between them, and approves the
 * visitor's comment.
 */
async function organizer(browser, shared) {
  const de = strings('de');
  const steps = [];
  const context = await newContext(browser, 'de-DE');
  shared.adminContext = context; // kept open for the page checks
  const login = await context.newPage();
  await login.goto(absolute('/admin/login'));
  await shot(login, 'organizer-01-login');
  await login.close();
  const page = await logIn(context);
  await shot(page, 'organizer-02-dashboard');
  steps.push('login');

  const id = Date.now().toString(36);
  const deTitle = `Grillplatz-Prüfung ${id}: Holzkohle oder Gas?`;
  await page.goto(absolute('/admin/posts/new'));
  await page.fill('#title', deTitle);
  await page.fill('#body', 'Wir **grillen** mit Holzkohle.\n\n- Würstchen\n- Halloumi');
  await follow(page, page.locator('button[name="action"][value="preview"]'));
  must(await page.locator('.preview .prose strong', { hasText: 'grillen' }).count(), '/admin/posts/new: the preview does not show the rendered Markdown');
  await shot(page, 'organizer-03-preview');
  steps.push('preview');

  const dePost = await publishPost(page, {
    title: deTitle,
    lang: 'de',
    body: 'Wir **grillen** mit Holzkohle.\n\n- Würstchen\n- Halloumi',
    tags: 'Prüfung, Holzkohle',
  });
  must((await flash(page)) === de['post-published'], `/admin/posts/${dePost.id}/edit: expected the flash "${de['post-published']}"`);
  await shot(page, 'organizer-04-published');
  steps.push('German post');

  const enPost = await publishPost(page, {
    title: `Grillplatz check ${id}: charcoal or gas?`,
    lang: 'en',
    body: 'We **grill** with charcoal.\n\n- Sausages\n- Halloumi',
    tags: 'Check, Charcoal',
    translationOf: dePost.id,
  });
  steps.push('English translation');
  shared.posts = { de: dePost, en: enPost };

  await page.goto(absolute(dePost.href));
  await shot(page, 'organizer-05-public-post');
  await follow(page, page.locator('.site-header .lang-switch'));
  await expectPath(page, enPost.href, `${dePost.href}: language switcher`);
  const back = page.locator(`.translation-note a[href="${dePost.href}"]`);
  must(await back.count(), `${enPost.href}: the translation note does not link ${dePost.href}`);
  await shot(page, 'organizer-06-translation');
  steps.push('switcher to translation');

  if (shared.comment) {
    await page.goto(absolute('/admin/comments'));
    const row = page.locator('tbody tr', { hasText: shared.comment.body });
    must((await row.count()) === 1, `/admin/comments: the visitor's comment is not in the queue`);
    await shot(page, 'organizer-07-comments');
    await follow(page, row.locator('button[value="approved"]'));
    await shot(page, 'organizer-08-approved');
    await page.goto(absolute(shared.comment.post));
    must(
      await page.locator('.comment-list .comment', { hasText: shared.comment.body }).count(),
      `${shared.comment.post}: the approved comment is not shown`,
    );
    await shot(page, 'organizer-09-comment-public');
    steps.push('comment approved');
  } else {
    must(false, 'no visitor comment to approve (the visitor journey failed)');
  }

  // The demo's draft invitation, sent as a test to the organizer: bulk mail, so the mail
  // checks see List-Unsubscribe and List-Unsubscribe-Post (and SpamAssassin scores it).
  await page.goto(absolute('/admin/campaigns/1'));
  await shot(page, 'organizer-10-campaign');
  await follow(page, page.locator('form[action$="/test"] button'));
  const tests = await waitForMails(settings.organizerEmail, 2);
  must(tests.length >= 2, `/admin/campaigns/1: ${tests.length} test mails arrived, expected one per language`);
  steps.push('campaign test mails sent');

  await page.close();
  return { counts: `${steps.length} steps`, notes: [steps.join('; ')] };
}

/**
 * Edits a published post through the admin form and checks that its Atom entry
 * keeps its id (feed readers would show it as new otherwise) and shows the edit.
 */
async function feedIdStable(shared, feedIds) {
  const context = shared.adminContext;
  must(context, 'no logged-in organizer (the organizer journey failed)');
  const post = shared.posts?.de ?? { href: '/de/blog/einladung-zum-sommergrillen/' };
  const feed = absolute('/de/feed.atom');
  const link = absolute(post.href);
  const before = feedIds(feed)[link];
  must(before, `/de/feed.atom: no entry links ${post.href}`);

  const page = await context.newPage();
  try {
    let edit = post.id ? `/admin/posts/${post.id}/edit` : null;
    if (!edit) {
      await page.goto(absolute('/admin/posts'));
      edit = await page.locator('tbody tr', { has: page.locator(`a[href="${post.href}"]`) }).locator('a[href$="/edit"]').getAttribute('href');
    }
    await page.goto(absolute(edit));
    const title = `${await page.inputValue('#title')} (überarbeitet)`;
    await page.fill('#title', title);
    await follow(page, page.locator('button[name="action"][value="publish"]'));
    must(pathOf(page) === edit, `${edit}: saving the edit led to ${short(page.url())}`);
    await shot(page, 'organizer-10-edited');
  } finally {
    await page.close();
  }
  const after = feedIds(feed)[link];
  must(after, `/de/feed.atom: the edited post ${post.href} is gone from the feed`);
  must(after.title.endsWith('(überarbeitet)'), `/de/feed.atom: the entry for ${post.href} does not show the new title`);
  must(after.id === before.id, `/de/feed.atom: the entry id of ${post.href} changed on edit (${before.id} → ${after.id})`);
  return { counts: '1 entry', notes: [`${post.href} keeps ${after.id}`] };
}

// ------------------------------------------------------------------ the topic board

const BOARD_EVENT = settings.nextEvent;
const BOARD_LANG = 'de';

/** The first JSON-LD object of a page (events describe their places there). */
async function jsonLd(page) {
  const raw = await page.locator('script[type="application/ld+json"]').first().textContent();
  return JSON.parse(raw);
}

/** The admin id of the event with `slug`: the event list links each editor, whose form shows the slug. */
async function adminEventId(page, slug) {
  await page.goto(absolute('/admin/events'));
  const ids = [...new Set((await page.locator('a[href^="/admin/events/"][href$="/edit"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
    .map((h) => /^\/admin\/events\/(\d+)\/edit$/.exec(h)?.[1]).filter(Boolean))];
  for (const id of ids) {
    await page.goto(absolute(`/admin/events/${id}/edit`));
    if ((await page.inputValue('#slug')) === slug) return Number(id);
  }
  must(false, `/admin/events: no event with the slug ${slug} among ${ids.length} event(s)`);
  return null;
}

/**
 * Makes sure one more person gets a confirmed place at the event. The demo event is
 * full on purpose (12 places, a waiting list), and a browser is only identified for
 * the board when its RSVP is confirmed, not when it waits. So the organizer does what
 * an organizer would: raises the capacity in the event form, by the places of everyone
 * waiting or unconfirmed plus one. That leaves a place for the new attendee whether or
 * not the app moves waiting people up when the capacity grows. (The past demo event's
 * board is closed, and a new event would not have the demo's rooms, slots and sessions.)
 */
async function makeRoom(admin, eventId, eventPath) {
  const publicPage = await admin.context().newPage();
  try {
    await publicPage.goto(absolute(eventPath));
    const before = await jsonLd(publicPage);
    const free = Number(before.remainingAttendeeCapacity);
    must(Number.isFinite(free), `${eventPath}: the JSON-LD has no remainingAttendeeCapacity`);
    if (free >= 1) return `${free} place(s) free`;

    await admin.goto(absolute(`/admin/events/${eventId}/attendees`));
    const queued = await admin.locator('tbody tr').evaluateAll((rows) => rows
      .filter((tr) => tr.querySelector('.badge-waitlisted, .badge-pending'))
      .reduce((n, tr) => n + 1 + (Number(tr.cells[2]?.textContent.trim()) || 0), 0));
    await admin.goto(absolute(`/admin/events/${eventId}/edit`));
    const capacity = Number(await admin.inputValue('#capacity'));
    must(Number.isInteger(capacity), `/admin/events/${eventId}/edit: the capacity field holds no number`);
    const raised = capacity + queued + 1;
    await admin.fill('#capacity', String(raised));
    // "publish" keeps the event public; "draft" would take it off the site.
    const saved = await follow(admin, admin.locator('button[name="action"][value="publish"]'));
    must(saved && saved.status() === 200 && pathOf(admin) === `/admin/events/${eventId}/edit`,
      `/admin/events/${eventId}/edit: saving the capacity ${raised} answered ${saved && saved.status()} at ${short(admin.url())} ${(await admin.locator('.field-error').allInnerTexts()).join('; ')}`);

    await publicPage.reload();
    const after = await jsonLd(publicPage);
    must(Number(after.remainingAttendeeCapacity) >= 1,
      `${eventPath}: after raising the capacity from ${capacity} to ${raised}, the JSON-LD still says ${after.remainingAttendeeCapacity} places are left`);
    return `capacity ${capacity} → ${raised} (${queued} waiting or unconfirmed)`;
  } finally {
    await publicPage.close();
  }
}

/**
 * Watches the live board in `live` until it shows `what` (see `test` below) and keeps
 * the page's clock when it first did: the wall clock of this machine, like Playwright's
 * request timings. The test runs in the page on every change of the board.
 */
async function watchLive(live, name, what) {
  await live.evaluate(({ name, what }) => {
    const board = document.querySelector('[data-live-board]');
    const test = () => {
      if (what.sessions !== undefined) return board.querySelectorAll('.schedule-table .session-title').length >= what.sessions;
      if (what.session !== undefined) return [...board.querySelectorAll('.schedule-table .session-title')].some((a) => a.textContent.trim() === what.session);
      const item = [...board.querySelectorAll('.live-topics li')].find((li) => li.querySelector('.live-topic-title')?.textContent.trim() === what.title);
      return Boolean(item) && item.querySelector('.topic-count')?.textContent.trim() === String(what.count);
    };
    const watch = { seenAt: null };
    window.__watches[name] = watch;
    const check = () => {
      if (watch.seenAt === null && test()) watch.seenAt = performance.timeOrigin + performance.now();
    };
    new MutationObserver(check).observe(board, { childList: true, subtree: true, characterData: true });
    check();
  }, { name, what });
}

async function seenAt(live, name, what, seconds = 10) {
  try {
    await live.waitForFunction((n) => window.__watches[n].seenAt !== null, name, { timeout: seconds * 1000 });
  } catch {
    const text = (await live.locator('[data-live-board]').innerText()).replace(/\s+/g, ' ').slice(0, 300);
    must(false, `live board: ${what} did not show within ${seconds} s without a reload (it shows: ${text})`);
  }
  return live.evaluate((n) => window.__watches[n].seenAt, name);
}

/** When the browser had the whole answer to `response`, on the wall clock (ms). */
async function answeredAt(response) {
  await response.finished();
  const t = response.request().timing();
  return t.startTime + (t.responseEnd >= 0 ? t.responseEnd : t.responseStart);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The open-space topic board, as a German-speaking attendee, the organizer and a
 * projector see it: the projector opens the live board first; a visitor proposes a
 * topic before registering and is sent to register; the organizer makes room at the
 * (full) demo event; the visitor registers, confirms through the mail's link, gets the
 * kept proposal back and sends it, and spends and takes back dots; the organizer puts
 * the topic into the schedule and accepts the suggested schedule. The live board must
 * show each change without a reload; the times it took are measured.
 */
async function topicBoard(browser, shared) {
  const de = strings(BOARD_LANG);
  const steps = [];
  const eventPath = `/${BOARD_LANG}/events/${BOARD_EVENT}/`;
  const boardPath = `${eventPath}topics/`;
  const livePath = `${eventPath}board/`;
  const title = `Prüfstand ${stamp()}: Grillkohle per Cron anzünden?`;
  const description = 'Ein Systemd-Timer für den Grill – und was schiefgehen kann.';
  const email = `bea.${stamp()}@example.org`;

  let admin = shared.adminContext;
  let ownAdmin = null;
  if (!admin) {
    ownAdmin = admin = await newContext(browser, 'de-DE');
    await (await logIn(admin)).close();
  }
  const projector = await newContext(browser, 'de-DE');
  const context = await newContext(browser, 'de-DE');
  shared.boardAttendeeContext = context; // identified for the board: the page checks use it
  let keep = false;
  try {
    // The projector: the live board, open from the start, never reloaded.
    const live = await projector.newPage();
    let navigations = 0;
    live.on('framenavigated', (frame) => { if (frame === live.mainFrame()) navigations += 1; });
    const opened = await live.goto(absolute(livePath));
    must(opened && opened.status() === 200, `${livePath} answered ${opened && opened.status()}`);
    try {
      await live.waitForFunction((text) => document.querySelector('[data-live-status]')?.textContent.trim() === text, de['live-connected'], { timeout: 10000 });
    } catch {
      must(false, `${livePath}: the status never said "${de['live-connected']}" (no event from ${livePath}stream within 10 s; it says ${JSON.stringify(await live.locator('[data-live-status]').innerText())})`);
    }
    await live.evaluate(() => { window.__watches = {}; window.__notReloaded = true; });
    await shot(live, 'topics-01-live-board');
    steps.push('live board connected');

    const admins = await admin.newPage();
    const eventId = await adminEventId(admins, BOARD_EVENT);
    steps.push(await makeRoom(admins, eventId, eventPath));

    // A visitor proposes before registering: sent to register, the proposal kept.
    const page = await context.newPage();
    const board = await page.goto(absolute(boardPath));
    must(board && board.status() === 200, `${boardPath} answered ${board && board.status()}`);
    must((await page.locator('form[data-dot]').count()) === 0, `${boardPath}: a visitor who is not registered sees dot buttons`);
    must(await page.locator('#propose').count(), `${boardPath}: no proposal form #propose`);
    await watchLive(live, 'proposed', { title, count: 0 });
    await page.fill('#propose #title', title);
    await page.fill('#propose #description', description);
    await page.check('#propose input[name="lang"][value="de"]');
    await shot(page, 'topics-02-propose-as-visitor');
    await follow(page, page.locator('#propose button[type="submit"]'));
    must(pathOf(page) === eventPath && new URL(page.url()).hash === '#rsvp',
      `${boardPath}: proposing without registering led to ${short(page.url())}, not ${eventPath}#rsvp`);
    must((await flash(page)) === de['topic-register-first'], `${eventPath}: after proposing unregistered expected "${de['topic-register-first']}", saw ${JSON.stringify(await flash(page))}`);
    await shot(page, 'topics-03-register-first');
    steps.push('proposal kept, sent to #rsvp');

    await page.fill('#rsvp #email', email);
    await page.fill('#rsvp #name', 'Bea Brettspiel');
    await page.selectOption('#rsvp #lang', BOARD_LANG);
    if (await page.locator('#rsvp select#guests').count()) await page.selectOption('#rsvp select#guests', '0');
    await page.check('#rsvp #diet-vegan');
    await page.check('#rsvp #consent');
    const sent = await follow(page, page.locator('#rsvp form button[type="submit"]'));
    must(sent && sent.status() === 200, `${eventPath}: sending the RSVP answered ${sent && sent.status()}`);
    must((await flash(page)) === de['rsvp-link-sent'], `${eventPath}: after registering expected "${de['rsvp-link-sent']}", saw ${JSON.stringify(await flash(page))}`);

    const mails = await waitForMails(email, 1);
    must(mails.length, `no .eml to ${email} in ${short(settings.mailDir)} within 12 s after the RSVP (outbox worker; see server.log)`);
    const link = mails[0].links.map((u) => u.replace(/[.,;:)]+$/, '')).find((u) => u.includes('/rsvp/confirm/'));
    must(link, `${path.basename(mails[0].mail)} ("${mails[0].subject}"): no /rsvp/confirm/ link`);
    await page.goto(link);
    const confirmed = await follow(page, page.locator('form[action*="/rsvp/confirm/"] button[type="submit"]'));
    must(confirmed && confirmed.status() === 200, `${short(link)}: confirming answered ${confirmed && confirmed.status()}`);
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    must(text.includes(de['confirm-confirmed']), `${short(link)}: after confirming "${de['confirm-confirmed']}" is not shown, so no place (saw: ${text.slice(0, 200)})`);
    const resume = page.locator('main a', { hasText: de['confirm-topic-draft'] });
    must((await resume.count()) === 1, `${short(link)}: no "${de['confirm-topic-draft']}" button after confirming with a kept proposal`);
    must((await resume.getAttribute('href')) === `${boardPath}#propose`, `${short(link)}: "${de['confirm-topic-draft']}" links ${await resume.getAttribute('href')}, not ${boardPath}#propose`);
    await shot(page, 'topics-04-confirmed');
    steps.push('confirmed');

    await follow(page, resume);
    must((await page.inputValue('#propose #title')) === title, `${boardPath}#propose: the kept title is not filled in (it holds ${JSON.stringify(await page.inputValue('#propose #title'))})`);
    must((await page.inputValue('#propose #description')) === description, `${boardPath}#propose: the kept description is not filled in`);
    must(await page.locator('#propose input[name="lang"][value="de"]').isChecked(), `${boardPath}#propose: the kept language is not chosen`);
    must(await page.locator('form[data-dot]').count(), `${boardPath}: the confirmed attendee sees no dot buttons`);
    await shot(page, 'topics-05-proposal-kept');
    await follow(page, page.locator('#propose button[type="submit"]'));
    must(pathOf(page) === boardPath && new URL(page.url()).search === '?sort=new', `${boardPath}: sending the proposal led to ${short(page.url())}, not ${boardPath}?sort=new`);
    must((await flash(page)) === de['topic-proposed'], `${boardPath}?sort=new: expected "${de['topic-proposed']}", saw ${JSON.stringify(await flash(page))}`);
    const card = page.locator('li.topic-card', { has: page.locator('.topic-title a', { hasText: title }) });
    must((await card.count()) === 1, `${boardPath}?sort=new: the new topic "${title}" is not listed once`);
    const topicId = Number((await card.getAttribute('id')).replace('topic-', ''));
    must(await page.locator('li.topic-card').first().evaluate((li, id) => li.id === id, `topic-${topicId}`), `${boardPath}?sort=new: the new topic is not first`);
    await seenAt(live, 'proposed', `the new topic "${title}"`);
    steps.push(`topic ${topicId} proposed`);

    // Dots: five clicks, the count on the page and on the live board follow each.
    const dot = card.locator('form[data-dot] button');
    must(await dot.count(), `${boardPath}: topic ${topicId} has no dot button`);
    must((await dot.innerText()).startsWith(de['topic-dot-add']), `${boardPath}: the dot button of topic ${topicId} says ${JSON.stringify(await dot.innerText())}, not "${de['topic-dot-add']}"`);
    const dotLatency = [];
    for (let i = 1; i <= 5; i += 1) {
      const count = i % 2; // give, take back, give, take back, give
      const watch = `dot-${i}`;
      await watchLive(live, watch, { title, count });
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/topics/${topicId}/dot`) && r.request().method() === 'POST'),
        dot.click(),
      ]);
      must(response.status() === 200, `${boardPath}: dot ${i} on topic ${topicId} answered ${response.status()}: ${(await response.text()).slice(0, 200)}`);
      const answered = await answeredAt(response);
      const shown = await seenAt(live, watch, `the count ${count} of "${title}" (dot click ${i})`);
      dotLatency.push(shown - answered);
      await page.waitForFunction(({ id, count }) => document.querySelector(`#topic-${id} [data-count]`)?.textContent.trim() === String(count), { id: topicId, count }, { timeout: 5000 })
        .catch(() => must(false, `${boardPath}: after dot click ${i} the topic's own count did not become ${count} in place`));
      const pressed = await dot.getAttribute('aria-pressed');
      must(pressed === (count ? 'true' : 'false'), `${boardPath}: after dot click ${i} the button has aria-pressed=${pressed}`);
      if (i === 1) await shot(page, 'topics-06-dot-given');
    }
    steps.push('5 dot clicks');

    // The organizer schedules the topic into a free cell.
    await admins.goto(absolute(`/admin/events/${eventId}/topics`));
    // Not hasText on the row: the merge select of every row lists all titles.
    const row = admins.locator('tbody tr').filter({ has: admins.locator('td > strong', { hasText: title }) });
    must((await row.count()) === 1, `/admin/events/${eventId}/topics: the topic "${title}" is not in the table once`);
    const taken = new Set(await admins.locator('select[name="cell"]').evaluateAll((sels) => sels.map((s) => s.value).filter(Boolean)));
    const select = row.locator('select[name="cell"]');
    const cells = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, label: o.textContent.trim() })).filter((o) => o.value));
    const cell = cells.find((c) => !taken.has(c.value));
    must(cell, `/admin/events/${eventId}/topics: no free cell among ${cells.length} for the new topic`);
    await select.selectOption(cell.value);
    await shot(admins, 'topics-07-admin-place');
    await watchLive(live, 'scheduled', { session: title });
    const [placed] = await Promise.all([
      admins.waitForResponse((r) => r.url().endsWith(`/admin/events/${eventId}/topics/${topicId}/place`) && r.request().method() === 'POST'),
      follow(admins, row.locator('button[type="submit"]', { hasText: de['admin-topics-place-button'] })),
    ]);
    must(placed.status() === 303, `/admin/events/${eventId}/topics/${topicId}/place answered ${placed.status()}, not 303`);
    const placedAt = await answeredAt(placed);
    must((await flash(admins)) === de['admin-saved'], `/admin/events/${eventId}/topics: placing the topic in ${cell.label} said ${JSON.stringify(await flash(admins))}`);
    const scheduleLatency = (await seenAt(live, 'scheduled', `the session "${title}" in the schedule`)) - placedAt;
    await shot(admins, 'topics-08-admin-placed');
    await shot(live, 'topics-09-live-board-scheduled');
    steps.push(`placed in ${cell.label}`);

    // The suggested schedule for the rest, accepted.
    await follow(admins, admins.locator(`a[href="/admin/events/${eventId}/topics?suggest=1#suggestion"]`));
    must(await admins.locator('#suggestion').count(), `/admin/events/${eventId}/topics?suggest=1: no #suggestion`);
    await shot(admins, 'topics-10-admin-suggestion');
    const accept = admins.locator('#suggestion form button[type="submit"]');
    if (await accept.count()) {
      const suggested = await admins.locator('#suggestion ol li').count();
      const before = await live.locator('.live-content .schedule-table .session-title').count();
      await watchLive(live, 'accepted', { sessions: before + suggested });
      await follow(admins, accept);
      must((await flash(admins)) === de['admin-saved'], `/admin/events/${eventId}/topics: accepting the suggestion said ${JSON.stringify(await flash(admins))}`);
      await seenAt(live, 'accepted', `${before + suggested} sessions after accepting the suggestion`);
      steps.push(`suggestion of ${suggested} accepted`);
    } else {
      steps.push('nothing left to suggest');
    }

    must(navigations === 1 && (await live.evaluate(() => window.__notReloaded === true)), `${livePath}: the live board was reloaded (${navigations} navigations) instead of updated in place`);
    await shot(live, 'topics-11-live-board-final');

    // What the attendee sees afterwards: the schedule, its calendar, the mail.
    await page.goto(absolute(`${eventPath}schedule/`));
    must(await page.locator('.schedule-table .session-title', { hasText: title }).count(), `${eventPath}schedule/: the session "${title}" is not in the table`);
    await shot(page, 'topics-12-schedule');
    const ics = await fetch(absolute(`${eventPath}event.ics`));
    const unfolded = (await ics.text()).replace(/\r?\n[ \t]/g, '');
    const summary = title.replace(/[\\;,]/g, (c) => `\\${c}`);
    must(unfolded.split(/\r?\n/).includes(`SUMMARY:${summary}`), `${eventPath}event.ics: no VEVENT with SUMMARY:${summary}`);
    const scheduledSubject = de['mail-topic-scheduled-subject'].split('{')[0];
    const all = await waitForMails(email, 3);
    must(all.some((m) => m.subject.startsWith(scheduledSubject)), `no mail "${scheduledSubject}…" to ${email} within 12 s after scheduling (saw: ${all.map((m) => m.subject).join(' | ')})`);
    steps.push('schedule, .ics and mail show it');

    // Notes on the topic's page, written twice: the first version goes into the history.
    const topicPath = `${boardPath}${topicId}/`;
    const notes = ['## Ergebnisse\n\n- Cron kann keine Glut messen\n- **Lieber** einen Anzünder', '## Ergebnisse\n\n- Cron kann keine Glut messen\n- **Lieber** einen Anzünder\n- `systemd-run --on-active=15m` für die Würstchen'];
    for (const body of notes) {
      await page.goto(absolute(topicPath));
      await page.fill('#notes #body', body);
      await follow(page, page.locator('#notes form button[type="submit"]'));
      must(pathOf(page) === topicPath, `${topicPath}: saving the notes led to ${short(page.url())}`);
      must((await flash(page)) === de['topic-note-saved'], `${topicPath}: saving the notes said ${JSON.stringify(await flash(page))}, not "${de['topic-note-saved']}"`);
    }
    must(await page.locator('#notes .prose strong', { hasText: 'Lieber' }).count(), `${topicPath}: the notes do not show the rendered Markdown`);
    await shot(page, 'topics-13-notes');
    // Earlier versions are on a page of their own, linked from the notes.
    const historyLink = page.locator('#notes .note-history-link a');
    must(await historyLink.count() === 1, `${topicPath}: no link to the earlier versions of the notes`);
    await follow(page, historyLink);
    must(pathOf(page) === `${topicPath}history/`, `${topicPath}: the history link led to ${short(page.url())}`);
    must(await page.locator('ol.note-history > li').count() === 1, `${topicPath}history/: the notes history does not list the first version once`);
    await shot(page, 'topics-14-notes-history');
    steps.push('notes with history');

    shared.board = { eventId, topicId, email };
    await admins.close();
    await page.close();
    keep = true;
    const ms = (x) => `${Math.round(x)} ms`;
    return {
      counts: `live board: dot ${ms(median(dotLatency))} (median of ${dotLatency.length}), schedule ${ms(scheduleLatency)}`,
      notes: [steps.join('; '), `live board latency, from the browser having the answer to the board showing it: dots ${dotLatency.map(ms).join(', ')}; scheduling ${ms(scheduleLatency)} (the server polls every 500 ms)`],
    };
  } finally {
    await projector.close();
    await ownAdmin?.close();
    if (!keep) {
      shared.boardAttendeeContext = null;
      await context.close();
    }
  }
}

module.exports = { visitor, attendee, waitingAttendee, organizer, feedIdStable, topicBoard, adminEventId, BOARD_EVENT };
