// Every signed-in page of the demo reflows on a 360 px phone (WCAG 1.4.10): the document is
// never wider than the screen, for the coordinator, a reviewer and an applicant. Only a data
// table's own scroll box may scroll sideways, and it does not widen the page.
//
// The pages are found by following the links of each person's pages (GET only, same site,
// no downloads), so a page added later is checked without being listed here.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { currentPath, launchBrowser, newContext, submitForm, url } from './helpers.mjs';

const DEMO_PASSWORD = 'Elbasan-demo-2026';
const WIDTH = 360;
// Enough to reach every kind of page of the demo; pagination and filters repeat page kinds.
const MAX_PAGES = 70;

const SKIP = [
  /^\/logout/,
  /\.(csv|zip|pdf|json|ics|atom|xml)$/,
  /^\/applications\/\d+\/(files\/|pdf)/,
  /^\/calls\/\d+\/documents\//,
  /^\/api\//,
];

async function logIn(page, email) {
  await page.goto(url('/login?lang=sq'));
  await page.fill('#login-form input[name=email]', email);
  await page.fill('#login-form input[name=password]', DEMO_PASSWORD);
  await submitForm(page, '#login-form');
  assert.equal(currentPath(page), '/account', `${email} could not log in`);
}

/** The page's width beyond the screen, with the widest elements to blame. */
async function overflow(page) {
  return page.evaluate((width) => {
    const doc = document.documentElement;
    const culprits = [];
    if (doc.scrollWidth > width) {
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && !el.closest('.table-scroll')) {
          const name = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : '');
          culprits.push(`${name} (${Math.round(r.right)} px)`);
        }
      }
    }
    return { width: doc.scrollWidth, culprits: culprits.slice(0, 6) };
  }, WIDTH);
}

/** Visits the pages reachable from `starts`, in both languages for the starting pages. */
async function crawl(page, starts) {
  const seen = new Set();
  const queue = [...starts];
  const wide = [];
  while (queue.length > 0 && seen.size < MAX_PAGES) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    // A link that turns out to be a download is not a page.
    const res = await page.goto(url(path)).catch((e) => (/Download is starting/.test(e.message) ? null : Promise.reject(e)));
    if (!res || res.status() >= 400) continue;
    const { width, culprits } = await overflow(page);
    if (width > WIDTH) wide.push(`${path}: ${width} px wide; ${culprits.join(', ')}`);
    const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
    for (const href of links) {
      if (!href || !href.startsWith('/') || href.startsWith('//')) continue;
      const target = new URL(href, 'http://x');
      if (target.searchParams.has('lang')) continue;
      if (SKIP.some((re) => re.test(target.pathname))) continue;
      // One page per kind of list: filters and pages of a list look alike.
      const key = target.pathname + (target.searchParams.has('after') || target.searchParams.has('before') || target.searchParams.has('page') ? '' : target.search);
      if (!seen.has(key)) queue.push(key);
    }
  }
  return { seen, wide };
}

describe('every signed-in page fits a 360 px phone', () => {
  let browser;

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  for (const [who, email, starts] of [
    ['the coordinator', 'koordinatori@demo.bashke.al', ['/account', '/admin', '/admin/people', '/admin/calls', '/admin/calls/2/applications', '/admin/audit', '/admin/audit?action_kind=reads', '/admin/outbox', '/admin/settings', '/admin/timeline', '/admin/news/new', '/admin/calls/new', '/admin/calls/1/edit', '/admin/calls/2']],
    ['a reviewer', 'vleresuesi@demo.bashke.al', ['/account', '/review']],
    ['an applicant', 'qytetari@demo.bashke.al', ['/account', '/my/applications']],
  ]) {
    // Each person is checked on their own, so that one failure does not hide another's.
    it(`${who}: no page is wider than the screen`, async () => {
      const context = await newContext(browser, { viewport: { width: WIDTH, height: 740 }, locale: 'sq-AL' });
      const page = await context.newPage();
      await logIn(page, email);
      const { seen, wide } = await crawl(page, starts);
      // Both languages of the pages a person starts from: English words are longer.
      await page.goto(url('/account?lang=en'));
      const english = await crawl(page, starts);
      wide.push(...english.wide.map((w) => `${w} (en)`));
      await page.goto(url('/account?lang=sq'));
      assert.ok(seen.size >= starts.length, `${who}: only ${seen.size} pages visited`);
      assert.deepEqual(wide, [], `${who}: pages wider than ${WIDTH} px:\n${wide.join('\n')}`);
    });
  }
});
