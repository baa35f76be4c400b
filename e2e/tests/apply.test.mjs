// A small CSO applies to the demo's Elbasan call, in Albanian, with Albanian
// letters in every field; axe checks every page along the way.

import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { checkA11y, currentPath, launchBrowser, newContext, readLatestMailTo, stepper, submitForm, url } from './helpers.mjs';

const APPLICANT = 'qytetari@demo.bashke.al';
const COORDINATOR = 'koordinatori@demo.bashke.al';
const REVIEWER = 'vleresuesi@demo.bashke.al';
const DEMO_PASSWORD = 'Elbasan-demo-2026';
const ORG = 'Shoqata “Zëri i Shkumbinit” ç ë';

async function logInAs(page, email) {
  await page.context().clearCookies();
  await page.goto(url('/login'));
  await page.fill('#login-form input[name=email]', email);
  await page.fill('#login-form input[name=password]', DEMO_PASSWORD);
  await submitForm(page, '#login-form');
  assert.equal(currentPath(page), '/account');
}

describe('a CSO applies, a reviewer scores, the coordinator decides (with axe)', () => {
  let browser;
  let page;
  let applicationPath;
  const step = stepper(() => page);

  before(async () => {
    browser = await launchBrowser();
    page = await (await newContext(browser, { locale: 'sq-AL' })).newPage();
  });

  after(async () => {
    await browser?.close();
  });

  step('the call is listed and its page explains how to apply', async () => {
    await page.goto(url('/calls'));
    await checkA11y(page, 'calls list');
    await page.click('main .cards a');
    assert.match(currentPath(page), /^\/calls\/\d+$/);
    await checkA11y(page, 'call page');
    await page.goto(url(`${currentPath(page)}?lang=en`));
    await checkA11y(page, 'call page (en)');
    await page.goto(url('/calls?lang=sq'));
  });

  step('the applicant logs in and creates the organisation profile', async () => {
    await page.goto(url('/login'));
    await page.fill('#login-form input[name=email]', APPLICANT);
    await page.fill('#login-form input[name=password]', DEMO_PASSWORD);
    await submitForm(page, '#login-form');
    await page.goto(url('/orgs/new'));
    await page.fill('#org-form input[name=name]', ORG);
    await page.check('#kind-cso');
    await page.selectOption('#size_band', '6_20');
    await page.check('#fields-youth');
    await page.fill('#org-form textarea[name=mission]', 'Të rinjtë e Elbasanit në çdo vendim që i prek.');
    await submitForm(page, '#org-form');
    assert.match(currentPath(page), /^\/orgs\/\d+$/);
    await checkA11y(page, 'organisation page');
  });

  step('starts an application for the organisation', async () => {
    await page.goto(url('/calls'));
    await page.click('main .cards a');
    await page.click('main a.button');
    assert.match(currentPath(page), /\/apply$/);
    await checkA11y(page, 'start application');
    await page.check('#type-cso');
    await page.selectOption('#org_id', { label: `${ORG} (Organizatë e shoqërisë civile (OSHC), e regjistruar)` });
    await submitForm(page, '#apply-form');
    assert.match(currentPath(page), /^\/applications\/\d+\/edit$/);
    applicationPath = currentPath(page).replace(/\/edit$/, '');
    await checkA11y(page, 'application form');
  });

  step('an incomplete form is explained next to each field, nothing lost', async () => {
    await page.fill('#description', 'Grup të rinjsh që nga viti 2019 — çështje të qytetit.');
    await page.click('#application-form button[value=review]');
    await page.waitForLoadState('load');
    assert.ok((await page.locator('.field-error').count()) > 0);
    assert.equal(await page.inputValue('#description'), 'Grup të rinjsh që nga viti 2019 — çështje të qytetit.');
    await checkA11y(page, 'application form with errors');
  });

  step('the complete form goes to the review screen and is submitted', async () => {
    await page.fill('#work_title-0', 'Dëgjesa publike për buxhetin e të rinjve');
    await page.fill('#work_year-0', '2024');
    await page.fill('#work_role-0', 'Organizatorë');
    await page.fill('#work_description-0', 'Tri takime në Shirgjan, Bradashesh dhe qendër.');
    await page.fill('#statement', 'Duam që të rinjtë të jenë pjesë e grupit të punës dhe e planit të veprimit.');
    await page.check('#fields-youth');
    // Administrative units are chosen from the municipality's list, not typed.
    for (const unit of ['Elbasan', 'Shirgjan', 'Bradashesh']) {
      await page.check(`#areas input[value="${unit}"]`);
    }
    await page.fill('#contact_name', 'Arbër Çela');
    await page.fill('#contact_phone', '+355 69 123 4567');
    await page.check('#consent_privacy-yes');
    await page.check('#consent_listing-yes');
    await page.click('#application-form button[value=review]');
    await page.waitForLoadState('load');
    assert.equal(currentPath(page), `${applicationPath}/review`);
    // The draft is saved: attach a PDF, named with Albanian letters.
    await page.goto(url(`${applicationPath}/edit`));
    await page.setInputFiles('#file', {
      name: 'Raporti-çështjet-ë.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n% raport i shkurtër\n'),
    });
    await submitForm(page, '#upload-form');
    assert.ok((await page.textContent('main')).includes('Raporti-çështjet-ë.pdf'), 'the file is listed');
    await checkA11y(page, 'application form with an attachment');
    await page.goto(url(`${applicationPath}/review`));
    assert.ok((await page.textContent('main')).includes('Raporti-çështjet-ë.pdf'));
    await checkA11y(page, 'review screen');
    await submitForm(page, '#submit-form');
    assert.equal(currentPath(page), applicationPath);
    const text = await page.textContent('main');
    assert.match(text, /ELB-\d{4}-\d{4}/);
    await checkA11y(page, 'submitted application');
  });

  step('the confirmation e-mail carries the reference', async () => {
    const mail = await readLatestMailTo(APPLICANT);
    assert.match(mail, /ELB-\d{4}-\d{4}/);
    await page.goto(url('/my/applications'));
    await checkA11y(page, 'my applications');
  });

  step('the coordinator assigns the reviewer to the whole call', async () => {
    await logInAs(page, COORDINATOR);
    await page.goto(url('/admin/calls/1/applications'));
    await checkA11y(page, 'ranked table');
    // Picked from the people who hold the reviewer role, never typed.
    await page.selectOption('#assign-call-form select[name=reviewer]', { label: 'Besnik Vlerësuesi' });
    await submitForm(page, '#assign-call-form');
    assert.equal(currentPath(page), '/admin/calls/1/applications');
  });

  step('the reviewer scores every criterion', async () => {
    await logInAs(page, REVIEWER);
    await page.goto(url('/review'));
    await checkA11y(page, 'review queue');
    await page.click(`main a[href="/review/${applicationPath.split('/').pop()}"]`);
    await checkA11y(page, 'review form');
    // Submitting with a criterion left out is explained.
    await page.click('#review-form button[value=submit]');
    await page.waitForLoadState('load');
    assert.ok((await page.locator('.error-summary').count()) > 0);
    await checkA11y(page, 'review form with errors');
    for (const group of await page.locator('#review-form .scale').all()) {
      await group.locator('input[value="4"]').check();
    }
    await page.fill('#review-form textarea >> nth=0', 'Përvojë e mirë me të rinjtë; çështje të qarta.');
    await page.click('#review-form button[value=submit]');
    await page.waitForLoadState('load');
    assert.ok((await page.textContent('main')).includes('4,00'));
    await checkA11y(page, 'submitted review');
  });

  step('the coordinator selects with a reason; the outcome waits for the deadline', async () => {
    await logInAs(page, COORDINATOR);
    await page.goto(url('/admin/calls/1/applications'));
    const id = applicationPath.split('/').pop();
    await page.check(`#app-${id}`);
    await page.selectOption('#decide-form select[name=decision]', 'select');
    await page.fill('#reason', 'Përvojë e dëshmuar me të rinjtë e zonave rurale');
    await submitForm(page, '#decide-form');
    await page.goto(url(`/admin/applications/${id}`));
    await checkA11y(page, 'application (coordinator)');
    // The call is still open: publishing is not offered yet, and the page says when it will be.
    await page.goto(url('/admin/calls/1/applications'));
    assert.equal(await page.locator('#outcome-form').count(), 0);
    assert.ok((await page.textContent('main')).includes('pasi të mbyllet thirrja'));
    // The applicant sees "submitted", not the coordinator's draft decision.
    await logInAs(page, APPLICANT);
    await page.goto(url(applicationPath));
    const text = await page.textContent('main');
    assert.ok(text.includes('Dorëzuar') && !text.includes('Përzgjedhur') && !text.includes('Përvojë e dëshmuar'));
  });

  step('on the closed call the coordinator decides on every application and publishes the outcome', async () => {
    await logInAs(page, COORDINATOR);
    await page.goto(url('/admin/calls/2/applications'));
    await checkA11y(page, 'ranked table of the closed call');
    for (const box of await page.locator('#decide-form input[name=applications]').all()) await box.check();
    await page.selectOption('#decide-form select[name=decision]', 'select');
    await page.fill('#reason', 'Lidhje të forta me të rinjtë dhe gratë e njësive rurale');
    await submitForm(page, '#decide-form');
    await page.goto(url('/admin/calls/2/applications'));
    await submitForm(page, '#outcome-form');
    // The final step says what will be sent to how many people, and asks once more.
    assert.ok((await page.textContent('main')).includes('4 aplikues'));
    await checkA11y(page, 'outcome confirmation');
    await submitForm(page, '#confirm-form');
    assert.equal(currentPath(page), '/calls/2/outcome');
    const main = await page.textContent('main');
    assert.ok(main.includes('Rinia për Shushicën') && main.includes('Labinot-Fushë'));
    await checkA11y(page, 'public outcome');
    await page.goto(url('/calls/2/outcome?lang=en'));
    await checkA11y(page, 'public outcome (en)');
  });

  step('the applicant sees the outcome and receives the e-mail', async () => {
    const mail = await readLatestMailTo(APPLICANT);
    assert.match(mail, /Përzgjedhur/);
    assert.match(mail, /Lidhje të forta me të rinjtë dhe gratë e njësive rurale\./);
    assert.match(mail, /të Bashkisë Elbasan/);
    await logInAs(page, APPLICANT);
    await page.goto(url('/my/applications'));
    await page.click('main tr:has-text("Thirrje për të rinjtë") a');
    const text = await page.textContent('main');
    assert.ok(text.includes('Përzgjedhur') && text.includes('Lidhje të forta'));
    await checkA11y(page, 'application with decision');
  });
});
