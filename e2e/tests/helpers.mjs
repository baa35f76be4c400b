// Shared plumbing for the browser tests: one place that knows how to start
// Debian's Chromium, where the server and its data dir are, how to run axe,
// and how to read the e-mails the server "sends" into files.
//
// The tests run against a server started by scripts/e2e.sh, which passes:
//   BASHKE_URL       e.g. http://127.0.0.1:18080
//   BASHKE_DATA_DIR  the server's data dir (outgoing mail lands in mail/)
//   CHROMIUM_PATH    optional, defaults to Debian's /usr/bin/chromium

import assert from 'node:assert/strict';
import { readdir, readFile, stat, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASHKE_URL || 'http://127.0.0.1:18080').replace(/\/+$/, '');
export const DATA_DIR = process.env.BASHKE_DATA_DIR || '';

// The password every test account uses: long enough for any sane policy.
export const PASSWORD = 'Qytet-i-hapur-2026';

/** Absolute URL on the server under test. */
export function url(pathAndQuery) {
  return BASE_URL + pathAndQuery;
}

/** Path of the page currently shown, e.g. "/login" (no query). */
export function currentPath(page) {
  return new URL(page.url()).pathname;
}

/** A fresh address per run, so the tests never collide with earlier runs. */
export function uniqueEmail(prefix) {
  const rnd = Math.random().toString(36).slice(2, 8);
  return `${prefix}.${Date.now()}${rnd}@example.org`;
}

export async function launchBrowser() {
  // We never let Playwright download its own browser (this machine has no
  // internet besides package registries); Debian's Chromium is used instead.
  // The background-networking flags stop Chromium from calling Google
  // services, which fail slowly and noisily on a closed network.
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox', // we run as root in CI; the sandbox refuses root
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A browser context with our defaults. bypassCSP is on because axe is
 * injected as an inline script, which a strict Content-Security-Policy
 * (that the server should send) would rightly block.
 */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ bypassCSP: true, ...options });
  // Pages are local and small: a slow step means something hangs, so fail
  // fast instead of waiting Playwright's default 30 s per action.
  context.setDefaultTimeout(15_000);
  return context;
}

/** The `lang` attribute of the <html> element of the current page. */
export function htmlLang(page) {
  return page.locator('html').getAttribute('lang');
}

/**
 * Clicks something that loads a new page (a link, a submit button) and waits
 * until that page has loaded. Works with and without JavaScript, across
 * redirects, and also when the new page has the same URL (a form with errors).
 */
export async function clickAndWait(page, locator) {
  const navigated = page.waitForEvent('framenavigated', (f) => f === page.mainFrame());
  await locator.click();
  await navigated;
  await page.waitForLoadState('load');
}

/** Submits a form with its submit button; see clickAndWait. */
export function submitForm(page, formSelector) {
  return clickAndWait(page, page.locator(`${formSelector} [type=submit]`).first());
}

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

/**
 * Runs axe (WCAG 2.0/2.1 A and AA rules) on the current page and fails
 * with the rule ids and CSS selectors of the offending elements, so that
 * the failure message alone says what to fix.
 */
export async function checkA11y(page, label) {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  // assert.ok rather than deepEqual: the message already lists everything,
  // a diff against [] would only repeat it.
  assert.ok(
    violations.length === 0,
    `accessibility violations on ${label} (${page.url()}):\n${JSON.stringify(violations, null, 2)}`,
  );
}

/**
 * Runs the steps of one user journey in order. node:test would go on with
 * later steps after one fails, which then fail too and bury the real cause;
 * here they are skipped instead. On a failure, a screenshot and the page's
 * HTML are saved (to $E2E_ARTIFACTS_DIR or the temp dir) and their paths
 * printed, because a headless browser leaves nothing else to look at.
 */
export function stepper(getPage) {
  let broken = false;
  return function step(name, fn) {
    it(name, async (t) => {
      if (broken) {
        t.skip('an earlier step failed');
        return;
      }
      try {
        await fn(t);
      } catch (err) {
        broken = true;
        await saveArtifacts(getPage(), name);
        throw err;
      }
    });
  };
}

async function saveArtifacts(page, name) {
  if (!page || page.isClosed()) return;
  try {
    const dir = process.env.E2E_ARTIFACTS_DIR || path.join(os.tmpdir(), 'bashke-e2e-artifacts');
    await mkdir(dir, { recursive: true });
    const base = path.join(dir, `${Date.now()}-${name.replace(/[^A-Za-z0-9]+/g, '-')}`);
    await page.screenshot({ path: `${base}.png`, fullPage: true });
    await writeFile(`${base}.html`, await page.content());
    console.error(`# failure artifacts: ${base}.png ${base}.html (page was ${page.url()})`);
  } catch (e) {
    console.error(`# could not save failure artifacts: ${e.message}`);
  }
}

// ---------------------------------------------------------------------------
// Mail. The server writes every outgoing mail as an RFC 5322 .eml file into
// $BASHKE_DATA_DIR/mail/ (lettre's FileTransport). An outbox worker sends
// asynchronously, so the file appears some time after the HTTP response.

/**
 * Waits (up to timeoutMs) for the newest mail whose To: header contains
 * `address` and returns its decoded text (text/plain part preferred, else
 * text/html, else the single body).
 */
export async function readLatestMailTo(address, { timeoutMs = 10_000, dir } = {}) {
  const mailDir = dir || path.join(DATA_DIR, 'mail');
  const needle = address.toLowerCase();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await newestMailTo(mailDir, needle);
    if (found !== null) return found;
    if (Date.now() > deadline) {
      throw new Error(`no mail to ${address} in ${mailDir} after ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function newestMailTo(mailDir, needle) {
  let names;
  try {
    names = (await readdir(mailDir)).filter((n) => n.endsWith('.eml'));
  } catch (e) {
    if (e.code === 'ENOENT') return null; // nothing sent yet
    throw e;
  }
  const files = await Promise.all(
    names.map(async (n) => {
      const p = path.join(mailDir, n);
      return { p, mtime: (await stat(p)).mtimeMs };
    }),
  );
  files.sort((a, b) => b.mtime - a.mtime);
  for (const { p } of files) {
    // latin1 maps each byte to one char, so the raw bytes survive until we
    // know the transfer encoding; text is turned into UTF-8 only at the end.
    const raw = await readFile(p, 'latin1');
    const { headers, body } = splitMessage(raw);
    if (!(headers.get('to') || '').toLowerCase().includes(needle)) continue;
    const text = decodeEntity(headers, body);
    // A file still being written may have no body yet: treat it as not there.
    if (text !== null && text.trim() !== '') return text;
  }
  return null;
}

/** Splits a message (or MIME part) into unfolded, lower-cased headers and body. */
function splitMessage(raw) {
  const m = /\r?\n\r?\n/.exec(raw);
  const head = m ? raw.slice(0, m.index) : raw;
  const body = m ? raw.slice(m.index + m[0].length) : '';
  const headers = new Map();
  // Continuation lines start with white space (RFC 5322 folding).
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return { headers, body };
}

function headerParam(value, name) {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value || '');
  return m ? (m[1] ?? m[2]) : null;
}

/** Returns the decoded text of an entity, walking into multipart bodies. */
function decodeEntity(headers, body) {
  const type = (headers.get('content-type') || 'text/plain').toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = headerParam(headers.get('content-type'), 'boundary');
    if (!boundary) return null;
    const parts = splitMultipart(body, boundary).map((p) => {
      const { headers: h, body: b } = splitMessage(p);
      return { type: (h.get('content-type') || 'text/plain').toLowerCase(), h, b };
    });
    const pick =
      parts.find((p) => p.type.startsWith('text/plain')) ||
      parts.find((p) => p.type.startsWith('text/html')) ||
      parts.find((p) => p.type.startsWith('multipart/'));
    return pick ? decodeEntity(pick.h, pick.b) : null;
  }
  const encoding = (headers.get('content-transfer-encoding') || '7bit').toLowerCase();
  let bytes;
  if (encoding === 'quoted-printable') bytes = decodeQuotedPrintable(body);
  else if (encoding === 'base64') bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  else bytes = Buffer.from(body, 'latin1');
  const charset = (headerParam(headers.get('content-type'), 'charset') || 'utf-8').toLowerCase();
  return new TextDecoder(charset === 'us-ascii' ? 'utf-8' : charset).decode(bytes);
}

function splitMultipart(body, boundary) {
  const parts = [];
  const delimiter = `--${boundary}`;
  // Everything before the first delimiter is preamble, after the closing
  // "--boundary--" is epilogue; neither is content.
  const chunks = body.split(new RegExp(`\\r?\\n?${escapeRegExp(delimiter)}`));
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    parts.push(chunk.replace(/^[ \t]*\r?\n/, ''));
  }
  return parts;
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Quoted-printable (RFC 2045 6.7) to bytes. */
export function decodeQuotedPrintable(text) {
  const joined = text.replace(/=\r?\n/g, ''); // soft line breaks
  const out = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      out.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(joined.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(out);
}

/**
 * Waits (up to timeoutMs) for a mail written at or after `sinceMs` whose
 * decoded text contains `needle` (say, a link's path) and returns that text.
 * For mails to people whose address the test does not know (the selected
 * applicant the coordinator seats, the members a meeting invites).
 */
export async function readMailContaining(needle, sinceMs, { timeoutMs = 10_000, dir } = {}) {
  const mailDir = dir || path.join(DATA_DIR, 'mail');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let names = [];
    try {
      names = (await readdir(mailDir)).filter((n) => n.endsWith('.eml'));
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
    const files = await Promise.all(
      names.map(async (n) => {
        const p = path.join(mailDir, n);
        return { p, mtime: (await stat(p)).mtimeMs };
      }),
    );
    files.sort((a, b) => b.mtime - a.mtime);
    for (const { p, mtime } of files) {
      if (mtime < sinceMs) break;
      const { headers, body } = splitMessage(await readFile(p, 'latin1'));
      const text = decodeEntity(headers, body);
      if (text && text.includes(needle)) return text;
    }
    if (Date.now() > deadline) throw new Error(`no mail containing ${needle} in ${mailDir} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
