// Shared helpers for the client checks: settings from the environment, assertions,
// the site's own UI strings, and calling the Python checkers.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const env = (name, fallback) => {
  const value = process.env[name];
  if (value === undefined || value === '') {
    if (fallback === undefined) throw new Error(`${name} is not set (run scripts/check-clients)`);
    return fallback;
  }
  return value;
};

/**
 * The year of the demo's next BBQ, by the rule of its story (src/demo/mod.rs,
 * `Story::around`): the first Friday in June or July at least three weeks ahead, else
 * next June's. The demo's event slugs are `grillen-<year>`.
 */
function demoYear(today = new Date()) {
  const day = 86400000;
  const earliest = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 21);
  const year = new Date(earliest).getUTCFullYear();
  let friday = new Date(Math.max(earliest, Date.UTC(year, 5, 1)));
  while (friday.getUTCDay() !== 5) friday = new Date(friday.getTime() + day);
  return friday.getUTCMonth() > 6 ? year + 1 : year;
}

const settings = {
  nextEvent: `grillen-${demoYear()}`,
  pastEvent: `grillen-${demoYear() - 1}`,
  root: env('CHECK_ROOT', path.resolve(__dirname, '..', '..')),
  work: env('CHECK_WORK_DIR'),
  screenshots: env('CHECK_SCREENSHOTS', path.resolve(__dirname, '..', '..', 'screenshots')),
  chromium: env('CHECK_CHROMIUM', '/usr/bin/chromium'),
  vnuJar: env('CHECK_VNU_JAR', ''),
  axe: env('CHECK_AXE', ''),
  python: env('CHECK_PYTHON', 'python3'),
  // Our libical checker (ical_check.c), compiled by scripts/check-clients.
  ical: env('CHECK_ICAL', ''),
  base: env('CHECK_BASE_URL', ''),
  organizerEmail: env('CHECK_ORGANIZER_EMAIL', ''),
  organizerPassword: env('CHECK_ORGANIZER_PASSWORD', ''),
  mailDir: env('CHECK_MAIL_DIR', ''),
  serverLog: env('CHECK_SERVER_LOG', ''),
  // Extra calendar URLs (paths or absolute URLs, separated by spaces) to check
  // besides the .ics links found on the pages.
  icsUrls: env('GRILLPLATZ_CHECK_ICS', '').split(/\s+/).filter(Boolean),
  // Extra folder with .eml files to check besides the mail folder of the data dir.
  mailDirExtra: env('GRILLPLATZ_CHECK_MAIL_DIR', ''),
};

/** A failed expectation: the message names the page and what was wrong. */
class CheckError extends Error {}

function must(condition, message) {
  if (!condition) throw new CheckError(message);
}

/** Path and query of a URL on the site under test, for messages. */
function short(url) {
  try {
    const u = new URL(url, settings.base || 'http://localhost');
    return u.pathname + u.search + u.hash;
  } catch {
    return String(url);
  }
}

function absolute(pathOrUrl) {
  return new URL(pathOrUrl, settings.base).href;
}

/** Simple `key = value` messages of locales/<lang>/*.ftl (enough to recognise texts). */
function strings(lang) {
  const dir = path.join(settings.root, 'locales', lang);
  const out = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ftl'))) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      const m = /^([a-z][a-z0-9-]*)\s*=\s*(.+)$/.exec(line);
      if (m) out[m[1]] = m[2].trim();
    }
  }
  return out;
}

/** Runs a Python checker in the tools venv; it prints JSON on stdout. */
function python(script, args) {
  const res = spawnSync(settings.python, [path.join(__dirname, script), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.error) throw new Error(`${script}: ${res.error.message}`);
  if (res.status !== 0) {
    throw new Error(`${script} exited with ${res.status}: ${(res.stderr || res.stdout).trim().slice(0, 2000)}`);
  }
  return JSON.parse(res.stdout);
}

function slugify(text) {
  return text.replace(/^https?:\/\/[^/]+/, '').replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root';
}

module.exports = { settings, must, CheckError, short, absolute, strings, python, slugify };
