// The sign-up journey of a new Albanian-speaking user, in a real browser,
// with an accessibility check on every kind of page along the way.
//
// Selectors use ids, names, hreflang, URLs and lang attributes only: the
// visible text is translated and may change without breaking anything.

import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import {
  PASSWORD,
  checkA11y,
  clickAndWait,
  currentPath,
  htmlLang,
  launchBrowser,
  newContext,
  readLatestMailTo,
  stepper,
  submitForm,
  uniqueEmail,
  url,
} from './helpers.mjs';

const DISPLAY_NAME = 'Arbër Çela';

describe('sign-up journey (sq-AL browser, with axe)', () => {
  let browser;
  let page;
  const email = uniqueEmail('arber');
  const step = stepper(() => page);

  before(async () => {
    browser = await launchBrowser();
    // The browser asks for Albanian (Accept-Language: sq-AL), as a visitor
    // from Albania would, so the default language is negotiated, not set.
    const context = await newContext(browser, { locale: 'sq-AL' });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
  });

  step('home page follows Accept-Language, ?lang= switches and is remembered', async () => {
    const res = await page.goto(url('/'));
    assert.equal(res.status(), 200);
    assert.equal(await htmlLang(page), 'sq');
    await checkA11y(page, 'home (sq)');

    await page.goto(url('/?lang=en'));
    assert.equal(await htmlLang(page), 'en');
    await checkA11y(page, 'home (en)');

    // No ?lang= and the browser still asks for Albanian: only the cookie
    // set by ?lang=en can keep English here.
    await page.goto(url('/'));
    assert.equal(await htmlLang(page), 'en', 'the language choice is not remembered');

    await page.goto(url('/?lang=sq'));
    assert.equal(await htmlLang(page), 'sq');
  });

  step('an empty sign-up form comes back with error messages', async () => {
    await page.goto(url('/signup'));
    assert.equal(await htmlLang(page), 'sq');
    // Turn off the browser's own checks of `required` fields, so that the
    // empty form really reaches the server and its validation is tested.
    await page.locator('form#signup-form').evaluate((f) => {
      f.noValidate = true;
    });
    await submitForm(page, 'form#signup-form');
    assert.ok((await page.locator('.field-error').count()) > 0, 'no .field-error on the page');
    await checkA11y(page, 'sign-up form with errors');
  });

  step('a filled-in sign-up form asks the user to check their e-mail', async () => {
    const form = page.locator('form#signup-form');
    await form.locator('[name="display_name"]').fill(DISPLAY_NAME);
    await form.locator('[name="email"]').fill(email);
    await form.locator('[name="password"]').fill(PASSWORD);
    await submitForm(page, 'form#signup-form');
    assert.equal(currentPath(page), '/signup/sent');
    await checkA11y(page, 'sign-up sent');
  });

  step('the link in the verification e-mail verifies the address', async () => {
    const mail = await readLatestMailTo(email);
    const link = /\/verify-email\?token=[A-Za-z0-9_-]+/.exec(mail);
    assert.ok(link, `no /verify-email link in the mail:\n${mail}`);
    // The mail's host is the configured base URL, which need not be the
    // address the test reaches the server on: only path + query are used.
    await page.goto(url(link[0]));
    assert.equal(currentPath(page), '/login');
    await assert.doesNotReject(
      page.locator('.flash').first().waitFor({ state: 'visible' }),
      'no .flash message after verification',
    );
  });

  step('the user logs in and sees their account', async () => {
    await page.goto(url('/login'));
    const form = page.locator('form#login-form');
    await form.locator('[name="email"]').fill(email);
    await form.locator('[name="password"]').fill(PASSWORD);
    await submitForm(page, 'form#login-form');
    assert.equal(currentPath(page), '/account');
    assert.ok(
      (await page.locator('body').innerText()).includes(DISPLAY_NAME),
      `the account page does not show "${DISPLAY_NAME}"`,
    );
    await checkA11y(page, 'account (sq)');
  });

  step('the language switcher in the header changes the language', async () => {
    await clickAndWait(page, page.locator('a[hreflang="en"]').first());
    assert.equal(await htmlLang(page), 'en');
    assert.equal(currentPath(page), '/account', 'switching language left the page');
    await checkA11y(page, 'account (en)');

    await clickAndWait(page, page.locator('a[hreflang="sq"]').first());
    assert.equal(await htmlLang(page), 'sq');
    assert.equal(currentPath(page), '/account');
  });

  step('logging out shows the log-in link again', async () => {
    await submitForm(page, 'form#logout-form');
    assert.equal(currentPath(page), '/');
    assert.ok(
      (await page.locator('a[href^="/login"]').count()) > 0,
      'no link to /login after logging out',
    );
  });

  step('an unknown page is a full HTML 404 page', async () => {
    const res = await page.goto(url('/no-such-page'));
    assert.equal(res.status(), 404);
    assert.match(res.headers()['content-type'] || '', /^text\/html/);
    assert.ok(await htmlLang(page), '404 page has no <html lang>');
    assert.notEqual((await page.title()).trim(), '', '404 page has no <title>');
    await checkA11y(page, '404 page');
  });

  step('the log-in page in English is accessible', async () => {
    await page.goto(url('/login?lang=en'));
    assert.equal(await htmlLang(page), 'en');
    await checkA11y(page, 'login (en)');
  });
});
