// The same sign-up and log-in with JavaScript turned off: the app is
// server-rendered and every form must work as plain HTML. (No axe here:
// axe is itself JavaScript and cannot run in such a page.)

import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import {
  PASSWORD,
  currentPath,
  launchBrowser,
  newContext,
  readLatestMailTo,
  stepper,
  submitForm,
  uniqueEmail,
  url,
} from './helpers.mjs';

const DISPLAY_NAME = 'Drita Hoxha';

describe('sign-up and log-in without JavaScript', () => {
  let browser;
  let page;
  const email = uniqueEmail('drita.nojs');
  const step = stepper(() => page);

  before(async () => {
    browser = await launchBrowser();
    const context = await newContext(browser, { locale: 'sq-AL', javaScriptEnabled: false });
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
  });

  step('sign up', async () => {
    await page.goto(url('/signup'));
    const form = page.locator('form#signup-form');
    await form.locator('[name="display_name"]').fill(DISPLAY_NAME);
    await form.locator('[name="email"]').fill(email);
    await form.locator('[name="password"]').fill(PASSWORD);
    await submitForm(page, 'form#signup-form');
    assert.equal(currentPath(page), '/signup/sent');
  });

  step('verify the e-mail address', async () => {
    const mail = await readLatestMailTo(email);
    const link = /\/verify-email\?token=[A-Za-z0-9_-]+/.exec(mail);
    assert.ok(link, `no /verify-email link in the mail:\n${mail}`);
    await page.goto(url(link[0]));
    assert.equal(currentPath(page), '/login');
    assert.ok((await page.locator('.flash').count()) > 0, 'no .flash message after verification');
  });

  step('log in', async () => {
    const form = page.locator('form#login-form');
    await form.locator('[name="email"]').fill(email);
    await form.locator('[name="password"]').fill(PASSWORD);
    await submitForm(page, 'form#login-form');
    assert.equal(currentPath(page), '/account');
    assert.ok((await page.locator('body').innerText()).includes(DISPLAY_NAME));
  });

  step('log out', async () => {
    await submitForm(page, 'form#logout-form');
    assert.equal(currentPath(page), '/');
    assert.ok((await page.locator('a[href^="/login"]').count()) > 0);
  });
});
