// Shared pieces of the console's browser tests: a real `pathrank serve` on
// 127.0.0.1 (port 0), Debian's chromium through playwright-core, and a page
// that records console errors.

import {spawn} from 'node:child_process';
import {createRequire} from 'node:module';
import {mkdtempSync, mkdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

const require = createRequire(path.join(process.env.CONSOLE_MODULES, 'index.js'));
const {chromium} = require('playwright-core');

export const SOURCE = process.env.PATHRANK_SOURCE_DIR;
export const OUT = process.env.CONSOLE_OUT;
export const CATALOG = path.join(SOURCE, 'datasets/go-backend/catalog.json');

// Starts `pathrank serve --port 0` and resolves when it prints its address.
// `env` adds variables (e.g. PATHRANK_API_KEYS).
export async function startServer(env = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pathrank-console-'));
  const child = spawn(process.env.PATHRANK_BIN, ['serve', '--host', '127.0.0.1', '--port', '0',
    '--catalog', CATALOG, '--db', path.join(dir, 'learners.db'), '--access-log', 'off'],
  {env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
  let output = '';
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pathrank serve did not start:\n${output}`)),
      30000);
    const read = (chunk) => {
      output += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`pathrank serve exited (${code}):\n${output}`)));
  });
  return {
    base,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, {recursive: true, force: true});
    },
  };
}

export async function launch() {
  const args = ['--headless=new', '--disable-gpu', '--disable-dev-shm-usage'];
  if (process.getuid && process.getuid() === 0) args.push('--no-sandbox');
  return chromium.launch({executablePath: '/usr/bin/chromium', args, timeout: 60000});
}

// A page whose console errors and uncaught exceptions land in `errors`.
export async function openPage(browser, width = 1280, height = 900) {
  const context = await browser.newContext({viewport: {width, height}});
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.errors.push(msg.text());
  });
  page.on('pageerror', (error) => page.errors.push(`uncaught: ${error.message}`));
  page.setDefaultTimeout(15000);
  return page;
}

// Console errors other than the browser's "Failed to load resource" lines
// for the answers with `statuses` (the API errors a test provokes).
export function unexpectedErrors(page, statuses = []) {
  return page.errors.filter((text) => !statuses.some((status) =>
    text.startsWith(`Failed to load resource: the server responded with a status of ${status}`)));
}

// JSON from the API, for the tests' own expectations.
export async function apiJson(base, method, route, body, key) {
  const headers = {'Content-Type': 'application/json'};
  if (key) headers.Authorization = `Bearer ${key}`;
  const res = await fetch(base + route, {method, headers,
    body: body === undefined ? undefined : JSON.stringify(body)});
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return res.json();
}

// The ids of the ranking, once it has at least one item.
export async function rankingIds(page, selector = '#ranking li.rank') {
  await page.waitForSelector(selector);
  return page.$$eval(selector, (els) => els.map((el) => el.dataset.item));
}

export function screenshotPath(name) {
  const dir = path.join(OUT, 'screenshots');
  mkdirSync(dir, {recursive: true});
  return path.join(dir, `${name}.png`);
}
