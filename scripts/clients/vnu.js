// The Nu Html Checker (vnu.jar, the W3C validator's engine), run once over many files.
'use strict';

const { spawnSync } = require('child_process');
const { fileURLToPath } = require('url');
const { settings } = require('./lib');

/**
 * Checks `files` (HTML; .svg files as SVG) and returns a map from file to its errors
 * ("line.col: message"). Output that is not about a given file (a crash, a Java
 * problem) comes back under the key '' so that it fails the check, too.
 */
function validate(files) {
  const args = ['-jar', settings.vnuJar, '--errors-only', '--format', 'text'];
  if (files.some((f) => f.endsWith('.svg'))) args.push('--also-check-svg');
  const res = spawnSync('java', [...args, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 300000 });
  if (res.error) return new Map([['', [`java: ${res.error.message}`]]]);
  const errors = new Map(files.map((f) => [f, []]));
  const other = (line) => {
    if (!errors.has('')) errors.set('', []);
    errors.get('').push(line);
  };
  // The text format gives two lines per message:
  //   Error: An “img” element must have an “alt” attribute, …
  //   From line 13, column 1; to line 13, column 44 in resource file:/tmp/x.html
  let message = null;
  for (const line of `${res.stdout}\n${res.stderr}`.split('\n')) {
    if (!line.trim() || /^Document checking completed/.test(line)) continue;
    const where = /^(?:From|At) line (\d+), column (\d+).* in resource (file:.*)$/.exec(line);
    if (where && message !== null) {
      const file = fileURLToPath(where[3]);
      if (errors.has(file)) errors.get(file).push(`${where[1]}.${where[2]}: ${message}`);
      else other(`${file}:${where[1]}.${where[2]}: ${message}`);
      message = null;
      continue;
    }
    if (message !== null) other(message);
    message = /^(?:Fatal )?Error: |^Warning: |^Info: /.test(line) ? line.replace(/^[A-Za-z ]+: /, '') : null;
    if (message === null) other(line);
  }
  if (message !== null) other(message);
  if (res.status !== 0 && [...errors.values()].every((e) => e.length === 0)) {
    errors.set('', [`vnu exited with ${res.status} without naming an error`]);
  }
  return errors;
}

module.exports = { validate };
