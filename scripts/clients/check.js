// Runs the client checks against the server that scripts/check-clients started,
// prints each problem with the page it is on, a summary table and the closing
// "N passed, M failed" line; exits 1 when a check failed.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { settings, must, short, absolute, python } = require('./lib');
const { launch, newContext, axe } = require('./browser');
const { validate } = require('./vnu');
const journeys = require('./journeys');
const pages = require('./pages');

const SELFTEST = path.join(__dirname, 'selftest');

/** A checked page for messages: its address, and its name when that says more. */
const label = (r) => (r.name === r.url ? r.url : `${r.name} (${r.url})`);

/** A URL on the site as its path, a file (a mail, maybe with its attachment) by its name. */
const where = (source) => (/^https?:/.test(source) ? short(source) : path.basename(source));

/** Feeds, calendars and mails with problems, as "where: problem" lines. */
function listProblems(results, key) {
  return results.flatMap((r) => r.problems.map((p) => `${where(r[key])}: ${p}`));
}

/**
 * Our libical checker (ical_check.c) over `files`: a map from file to its events and
 * problems ("VEVENT 2 (title): X-LIC-ERROR ..."). It prints tab-separated lines.
 */
function icalCheck(files) {
  must(settings.ical && fs.existsSync(settings.ical), `the libical checker is not built (CHECK_ICAL=${settings.ical || 'unset'}; run scripts/check-clients)`);
  const res = spawnSync(settings.ical, files, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (res.error) throw new Error(`ical_check: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`ical_check exited with ${res.status}${res.signal ? ` (${res.signal})` : ''}: ${res.stderr.trim().slice(0, 500)}`);
  const out = new Map();
  for (const line of res.stdout.split('\n').filter(Boolean)) {
    const [file, kind, a, b] = line.split('\t');
    if (!out.has(file)) out.set(file, { events: 0, problems: [], done: false });
    const entry = out.get(file);
    if (kind === 'problem') entry.problems.push(`${a}: ${b}`);
    else if (kind === 'done') Object.assign(entry, { events: Number(a), done: true });
  }
  for (const f of files) {
    if (!out.get(f)?.done) throw new Error(`ical_check gave no result for ${f} (output: ${res.stdout.slice(-300)} ${res.stderr.slice(-300)})`);
  }
  return out;
}

const SPAM_LIMIT = 2.0;

/** The rules a mail hit, most points first: "MISSING_DATE 2.7, MIME_HTML_ONLY 0.1". */
const spamRules = (r) => Object.entries(r.rules).filter(([, pts]) => Math.abs(pts) >= 0.01)
  .sort((a, b) => b[1] - a[1]).map(([rule, pts]) => `${rule} ${pts}`).join(', ') || 'no rule with points';

// ------------------------------------------------------------------ the checks

/** Broken input must be reported by every checker, or a green run means nothing. */
async function selfTest(browser) {
  const html = path.join(SELFTEST, 'broken.html');
  const found = [];
  const vnuErrors = validate([html]);
  const mine = vnuErrors.get(html) || [];
  must(!vnuErrors.get('')?.length, `vnu did not run: ${(vnuErrors.get('') || []).join(' | ')}`);
  must(mine.some((e) => /Duplicate ID/i.test(e)), `vnu missed the duplicate id in broken.html (said: ${mine.join(' | ') || 'nothing'})`);
  must(mine.some((e) => /[“"]alt[”"] attribute/i.test(e)), `vnu missed the <img> without alt in broken.html (said: ${mine.join(' | ') || 'nothing'})`);
  found.push(`vnu ${mine.length}`);

  const context = await newContext(browser, 'en-US');
  try {
    const page = await context.newPage();
    await page.setContent(fs.readFileSync(html, 'utf8'));
    const violations = await axe(page);
    must(violations.some((v) => v.id === 'image-alt'), `axe missed the <img> without alt in broken.html (said: ${violations.map((v) => v.id).join(', ') || 'nothing'})`);
    found.push(`axe ${violations.length}`);
  } finally {
    await context.close();
  }

  const [feed] = python('feeds.py', ['check', path.join(SELFTEST, 'broken-feed.atom')]);
  must(feed.problems.some((p) => p.includes('bozo')), `feeds.py accepted the malformed broken-feed.atom (said: ${feed.problems.join(' | ') || 'nothing'})`);
  must(feed.problems.some((p) => p.includes('no <id>')), 'feeds.py missed the entry without id in broken-feed.atom');
  found.push(`feed ${feed.problems.length}`);

  const [ics] = python('calendar_check.py', [path.join(SELFTEST, 'broken.ics')]);
  for (const want of ['CRLF', 'PRODID', 'UID', 'VTIMEZONE']) {
    must(ics.problems.some((p) => p.includes(want)), `calendar_check.py missed "${want}" in broken.ics (said: ${ics.problems.join(' | ') || 'nothing'})`);
  }
  found.push(`ics ${ics.problems.length}`);

  // libical: a TZID without its VTIMEZONE, and a property value it cannot parse.
  const brokenIcs = path.join(SELFTEST, 'broken.ics');
  const malformedIcs = path.join(SELFTEST, 'malformed.ics');
  const ical = icalCheck([brokenIcs, malformedIcs]);
  const said = (f) => ical.get(f).problems.join(' | ') || 'nothing';
  must(ical.get(brokenIcs).problems.some((p) => /TZID Europe\/Berlin without a VTIMEZONE/.test(p)), `ical_check missed the TZID without VTIMEZONE in broken.ics (said: ${said(brokenIcs)})`);
  must(ical.get(malformedIcs).problems.some((p) => /X-LIC-ERROR VALUE-PARSE-ERROR.*DTEND/.test(p)), `ical_check missed the malformed DTEND in malformed.ics (said: ${said(malformedIcs)})`);
  found.push(`libical ${ical.get(brokenIcs).problems.length + ical.get(malformedIcs).problems.length}`);

  const [mail] = python('mail_check.py', [path.join(SELFTEST, 'broken.eml')]);
  for (const want of ['no To', 'no Message-ID', 'no text/html']) {
    must(mail.problems.some((p) => p.includes(want)), `mail_check.py missed "${want}" in broken.eml (said: ${mail.problems.join(' | ') || 'nothing'})`);
  }
  found.push(`mail ${mail.problems.length}`);

  const [spam] = python('spam_check.py', [path.join(SELFTEST, 'spammy.eml')]);
  must(spam.score !== null, `spam_check.py gave no score for spammy.eml: ${spam.error}`);
  must(spam.score >= SPAM_LIMIT, `SpamAssassin scored the spammy.eml only ${spam.score} (< ${SPAM_LIMIT}): ${spamRules(spam)}`);
  found.push(`spam ${spam.score}`);
  return { counts: `caught: ${found.join(', ')}` };
}

async function pagePass(browser, shared) {
  shared.pass = await pages.pass(browser, shared);
  const { results } = shared.pass;
  must(results.length > 0, 'no page to check');
  const problems = [];
  for (const r of results) {
    for (const p of r.problems) problems.push(`${label(r)}: ${p}`);
    for (const c of r.console) problems.push(`${label(r)}: browser console: ${c}`);
  }
  const admin = results.filter((r) => r.as === 'organizer').length;
  const unlisted = results.filter((r) => r.note).map((r) => r.url);
  const notes = unlisted.length ? [`linked from the navigation but not in /sitemap.xml (checked anyway): ${unlisted.join(', ')}`] : [];
  const { spent } = shared.pass;
  notes.push(`Chromium time summed over ${process.env.GRILLPLATZ_CHECK_PARALLEL || 3} tabs: loading ${spent.load.toFixed(0)} s, axe ${spent.axe.toFixed(0)} s, screenshots ${spent.screenshots.toFixed(0)} s`);
  return { problems, notes, counts: `${results.length} pages (${admin} admin), ${results.length * 2} screenshots` };
}

function needPass(shared) {
  must(shared.pass, 'the page pass did not run');
  return shared.pass.results.filter((r) => r.file);
}

async function html(shared) {
  const checked = needPass(shared);
  must(checked.length > 0, 'no saved page to validate');
  const svgs = ['logo.svg', 'favicon.svg'].map((f) => path.join(settings.root, 'static', f)).filter((f) => fs.existsSync(f));
  const errors = validate([...checked.map((r) => r.file), ...svgs]);
  const problems = [];
  for (const line of errors.get('') || []) problems.push(`vnu: ${line}`);
  for (const r of checked) for (const e of errors.get(r.file) || []) problems.push(`${label(r)} ${e}  [${path.basename(r.file)}]`);
  for (const f of svgs) for (const e of errors.get(f) || []) problems.push(`static/${path.basename(f)} ${e}`);
  return { problems, counts: `${checked.length} pages, ${svgs.length} SVGs, ${problems.length} errors` };
}

async function a11y(shared) {
  const checked = needPass(shared);
  must(checked.length > 0, 'no page was checked');
  const problems = [];
  let count = 0;
  for (const r of checked) {
    // One line per rule and page; the widths where it failed in brackets.
    const byRule = new Map();
    for (const v of r.violations) {
      const seen = byRule.get(v.id);
      if (seen) seen.widths.push(v.width);
      else byRule.set(v.id, { ...v, widths: [v.width] });
    }
    for (const v of byRule.values()) {
      count += 1;
      problems.push(`${v.id} (${v.impact}) on ${label(r)} at ${v.widths.join('/')} px, ${v.nodes} element(s): ${v.targets.join(' | ')} — ${v.help}`);
    }
  }
  return { problems, counts: `${checked.length} pages × 2 widths, ${count} violations` };
}

async function feeds(shared) {
  const found = new Set([absolute('/de/feed.atom'), absolute('/en/feed.atom')]);
  for (const href of shared.pass?.feeds || []) found.add(href);
  // Every category in the sitemap has its feed, linked from its page or not.
  const entries = await pages.sitemap();
  for (const { loc } of entries) {
    const m = /^(.*\/(?:de|en)\/category\/[^/]+\/)$/.exec(loc);
    if (m) found.add(`${m[1]}feed.atom`);
  }
  const list = [...found].filter((u) => u.startsWith(settings.base)).sort();
  const results = python('feeds.py', ['check', ...list]);
  const problems = listProblems(results, 'feed');
  for (const r of results) if (/\/(de|en)\/feed\.atom$/.test(r.feed) && r.entries === 0) problems.push(`${short(r.feed)}: no entries`);
  const entriesTotal = results.reduce((n, r) => n + r.entries, 0);
  return { problems, counts: `${results.length} feeds, ${entriesTotal} entries` };
}

async function feedIds(shared) {
  return journeys.feedIdStable(shared, (feed) => python('feeds.py', ['ids', feed]));
}

/** Every .ics linked from a checked page or named in GRILLPLATZ_CHECK_ICS, and every
 * calendar attached to a mail; each is saved to the work dir for libical. */
async function calendars(shared) {
  const found = new Set(shared.pass?.calendars || []);
  for (const u of settings.icsUrls) found.add(absolute(u));
  const mails = mailFiles();
  const results = found.size || mails.length
    ? python('calendar_check.py', ['--save', path.join(settings.work, 'ics'), ...[...found].sort(), ...mails])
    : [];
  shared.calendarFiles = results.filter((r) => r.saved).map((r) => ({ name: r.calendar, file: r.saved }));
  if (results.length === 0) {
    return { skip: `no .ics link on the ${shared.pass?.results.length ?? 0} pages, none in GRILLPLATZ_CHECK_ICS, none attached to a mail` };
  }
  const events = results.reduce((n, r) => n + r.events, 0);
  const attached = results.filter((r) => !/^https?:/.test(r.calendar)).length;
  return { problems: listProblems(results, 'calendar'), counts: `${results.length} calendars (${attached} attached to mails), ${events} events` };
}

/** The same calendars through libical: parse, RFC 5546 restrictions, TZIDs. */
async function libical(shared) {
  if (!shared.calendarFiles) return { skip: 'the icalendar check saved no calendar' };
  const files = shared.calendarFiles;
  must(files.length > 0, 'no calendar was saved by the icalendar check');
  const results = icalCheck(files.map((f) => f.file));
  const problems = [];
  let events = 0;
  for (const { name, file } of files) {
    const r = results.get(file);
    events += r.events;
    for (const p of r.problems) problems.push(`${where(name)}: ${p}  [${path.basename(file)}]`);
  }
  return { problems, counts: `${files.length} calendars, ${events} events, ${problems.length} errors` };
}

function emlFiles(dir) {
  if (!dir || !fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return emlFiles(p);
    return e.name.endsWith('.eml') ? [p] : [];
  });
}

const mailFiles = () => [...emlFiles(settings.mailDir), ...emlFiles(settings.mailDirExtra)];

async function mails() {
  const files = mailFiles();
  if (files.length === 0) {
    return { skip: `no .eml file from the SMTP sink${settings.mailDirExtra ? ' or GRILLPLATZ_CHECK_MAIL_DIR' : ''}` };
  }
  const results = python('mail_check.py', files);
  // One line per kind of mail (its subject without the event's name is close enough).
  const subjects = new Map();
  for (const r of results) subjects.set(r.subject, (subjects.get(r.subject) || 0) + 1);
  const notes = [`subjects: ${[...subjects].map(([s, n]) => `${JSON.stringify(s)} ×${n}`).join(', ')}`];
  return { problems: results.flatMap((r) => r.problems.map((p) => `${path.basename(r.mail)} ("${r.subject}"): ${p}`)), counts: `${results.length} mails, ${subjects.size} subjects`, notes };
}

/** Every mail through SpamAssassin's local rules: each must score below SPAM_LIMIT. */
async function spam() {
  const files = mailFiles();
  if (files.length === 0) return { skip: "no .eml file from the SMTP sink" };
  const results = python('spam_check.py', files);
  const problems = [];
  const notes = [];
  for (const r of [...results].sort((a, b) => (b.score ?? 99) - (a.score ?? 99))) {
    const name = `${path.basename(r.mail)} ("${r.subject}")`;
    if (r.score === null) {
      problems.push(`${name}: ${r.error}`);
      continue;
    }
    notes.push(`${r.score.toFixed(1).padStart(4)}  ${name}`);
    if (r.score >= SPAM_LIMIT) problems.push(`${name}: SpamAssassin score ${r.score} ≥ ${SPAM_LIMIT}: ${spamRules(r)}`);
  }
  const top = Math.max(...results.map((r) => r.score ?? 0));
  return { problems, notes, counts: `${results.length} mails, highest score ${top.toFixed(1)} (limit ${SPAM_LIMIT})` };
}

// ------------------------------------------------------------------ running and reporting

async function main() {
  const selfTestOnly = process.argv.includes('--self-test');
  const shared = {};
  const checks = [['self-test: checkers catch broken input', (b) => selfTest(b)]];
  if (!selfTestOnly) {
    checks.push(
      ['visitor journey', (b) => journeys.visitor(b, shared)],
      ['attendee journey', (b) => journeys.attendee(b, shared)],
      ['waiting-list journey', (b) => journeys.waitingAttendee(b, shared)],
      ['organizer journey', (b) => journeys.organizer(b, shared)],
      ['topic board journey (attendee, organizer, live board)', (b) => journeys.topicBoard(b, shared)],
      ['feed entry id stable after edit', () => feedIds(shared)],
      ['pages load (status, console)', (b) => pagePass(b, shared)],
      ['HTML valid (Nu Html Checker)', () => html(shared)],
      ['accessibility (axe-core, WCAG 2.1 AA)', () => a11y(shared)],
      ['Atom feeds (feedparser)', () => feeds(shared)],
      ['calendar files (icalendar)', () => calendars(shared)],
      ['calendar files (libical)', () => libical(shared)],
      ['mails (.eml)', () => mails()],
      ['mails (SpamAssassin, local rules)', () => spam()],
    );
    for (const f of fs.existsSync(settings.screenshots) ? fs.readdirSync(settings.screenshots) : []) {
      if (/^(visitor|attendee|organizer|topics|page)-.*\.png$/.test(f)) fs.rmSync(path.join(settings.screenshots, f));
    }
  }

  const browser = await launch();
  const rows = [];
  try {
    for (const [name, fn] of checks) {
      const started = Date.now();
      let row;
      try {
        const out = (await fn(browser)) || {};
        if (out.skip) row = { name, result: 'skip', counts: out.skip, problems: [] };
        else {
          const problems = out.problems || [];
          row = { name, result: problems.length ? 'FAIL' : 'pass', counts: out.counts || '', problems, notes: out.notes };
        }
      } catch (err) {
        row = { name, result: 'FAIL', counts: '', problems: [err.message.split('\n')[0]] };
      }
      row.seconds = (Date.now() - started) / 1000;
      rows.push(row);
      const mark = { pass: 'ok  ', FAIL: 'FAIL', skip: 'skip' }[row.result];
      console.log(`${mark} ${row.name} (${row.seconds.toFixed(1)} s)${row.counts ? `: ${row.counts}` : ''}`);
      for (const n of row.notes || []) console.log(`     note: ${n}`);
      for (const p of row.problems.slice(0, 200)) console.log(`     - ${p}`);
      if (row.problems.length > 200) console.log(`     … and ${row.problems.length - 200} more`);
    }
  } finally {
    await shared.adminContext?.close().catch(() => {});
    await shared.boardAttendeeContext?.close().catch(() => {});
    await browser.close();
  }

  const nameWidth = Math.max(...rows.map((r) => r.name.length), 5);
  const countWidth = Math.min(Math.max(...rows.map((r) => r.counts.length), 6), 70);
  const line = (a, b, c, d) => `${a.padEnd(nameWidth)}  ${b.padEnd(6)}  ${c.padEnd(countWidth)}  ${d.padStart(7)}`;
  console.log('');
  console.log(line('check', 'result', 'counts', 'seconds'));
  console.log(line('-'.repeat(nameWidth), '------', '-'.repeat(countWidth), '-------'));
  for (const r of rows) console.log(line(r.name, r.result, r.counts.length > countWidth ? `${r.counts.slice(0, countWidth - 1)}…` : r.counts, r.seconds.toFixed(1)));
  if (process.env.CHECK_SETUP) console.log(`setup (s): ${process.env.CHECK_SETUP}`);
  if (fs.existsSync(settings.screenshots)) console.log(`screenshots: ${settings.screenshots}`);

  const failed = rows.filter((r) => r.result === 'FAIL');
  const passed = rows.filter((r) => r.result === 'pass');
  const skipped = rows.filter((r) => r.result === 'skip');
  if (skipped.length) console.log(`not counted (nothing to check yet): ${skipped.map((r) => r.name).join(', ')}`);
  if (failed.length) {
    console.log('');
    for (const r of failed) console.log(`check-clients: ${r.name} failed: ${r.problems[0]}${r.problems.length > 1 ? ` (and ${r.problems.length - 1} more above)` : ''}`);
  }
  console.log(`${passed.length} passed, ${failed.length} failed`);
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((err) => {
  console.error(`check-clients: ${err.stack || err}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
