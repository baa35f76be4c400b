// The coordinator's side of the demo, in both languages, with an accessibility
// check on every page, forms with errors included. Uses the demo coordinator
// that `bashke demo` prints at start-up.

import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { checkA11y, currentPath, launchBrowser, newContext, stepper, submitForm, url } from './helpers.mjs';

const COORDINATOR = 'koordinatori@demo.bashke.al';
const ADMIN = 'admin@demo.bashke.al';
const DEMO_PASSWORD = 'Elbasan-demo-2026';

async function logIn(page, email) {
  await page.goto(url('/login'));
  await page.fill('#login-form input[name=email]', email);
  await page.fill('#login-form input[name=password]', DEMO_PASSWORD);
  await submitForm(page, '#login-form');
  assert.equal(currentPath(page), '/account');
}

describe('coordinator pages (demo data, with axe)', () => {
  let browser;
  let page;
  const step = stepper(() => page);

  before(async () => {
    browser = await launchBrowser();
    page = await (await newContext(browser, { locale: 'sq-AL' })).newPage();
  });

  after(async () => {
    await browser?.close();
  });

  step('public pages in both languages', async () => {
    for (const lang of ['sq', 'en']) {
      for (const path of ['/news', '/news/3', '/privacy', '/login', '/signup', '/password/forgot']) {
        const res = await page.goto(url(`${path}?lang=${lang}`));
        assert.equal(res.status(), 200, path);
        await checkA11y(page, `${path} (${lang})`);
      }
    }
  });

  step('the coordinator logs in and sees every admin page', async () => {
    await logIn(page, COORDINATOR);
    for (const lang of ['sq', 'en']) {
      for (const path of ['/', '/admin/people', '/admin/calls', '/admin/calls/new', '/admin/calls/1', '/admin/calls/1/edit', '/admin/timeline', '/admin/news/new', '/admin/audit', '/admin/outbox', '/admin/settings', '/orgs/new', '/account']) {
        const res = await page.goto(url(`${path}?lang=${lang}`));
        assert.equal(res.status(), 200, path);
        await checkA11y(page, `${path} (${lang}, signed in)`);
      }
    }
  });

  step('forms shown again with errors stay accessible', async () => {
    await page.goto(url('/admin/news/new?lang=sq'));
    await submitForm(page, '#news-form');
    assert.ok(await page.locator('.field-error').count() > 0, 'errors are shown');
    await checkA11y(page, 'news form with errors');

    await page.goto(url('/orgs/new'));
    await page.fill('#org-form input[name=name]', 'Shoqata “Zëri i të Rinjve”');
    await submitForm(page, '#org-form');
    assert.equal(await page.inputValue('#org-form input[name=name]'), 'Shoqata “Zëri i të Rinjve”', 'typed text kept');
    await checkA11y(page, 'organisation form with errors');

    await page.goto(url('/admin/settings'));
    await page.fill('#settings-form input[name=contact_email]', 'jo-adresë');
    await submitForm(page, '#settings-form');
    await checkA11y(page, 'settings form with errors');
  });

  step('the coordinator publishes a news item with Albanian letters', async () => {
    await page.goto(url('/admin/news/new'));
    await page.fill('#news-form input[name=title_sq]', 'Takimi i parë i grupit të punës');
    await page.fill('#news-form textarea[name=body_sq]', 'Çështjet e diskutuara: **transparenca** dhe gjithëpërfshirja.');
    await submitForm(page, '#news-form');
    assert.match(currentPath(page), /^\/news\/\d+$/);
    assert.ok((await page.textContent('main')).includes('Çështjet e diskutuara'));
    await page.goto(url('/'));
    assert.ok((await page.textContent('main')).includes('Takimi i parë i grupit të punës'), 'on the home page at once');
  });

  step('the platform admin sees the municipalities page', async () => {
    await page.context().clearCookies();
    await logIn(page, ADMIN);
    const res = await page.goto(url('/admin/tenants'));
    assert.equal(res.status(), 200);
    await checkA11y(page, 'municipalities');
  });
});
