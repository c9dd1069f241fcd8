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

const EVENT = '/en/events/grillen-2027/';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** To, Subject and links of every .eml in the data dir's mail folder addressed to `email`, newest first. */
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

module.exports = { visitor, attendee, organizer, feedIdStable };
