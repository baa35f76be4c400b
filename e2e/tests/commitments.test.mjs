// Commitments drafted together, in the browser, once in Albanian and once in English with axe on
// every page, then once more in Albanian with JavaScript turned off (without axe, which is
// JavaScript itself): a forum member drafts a commitment on a phone's screen (360 px) and the
// quality panel beside the form flags the missing milestone; the member adds it and the flag
// goes; another member edits the text; the comparison of the two versions shows the words
// removed and added (<del>/<ins>); the forum's chair endorses the commitment with a reason; and
// the public, signed out, reads it at /commitments/{ogp_id} in OGP's layout and finds the change
// in its public history. Uses the demo's forum and accounts (`bashke demo`).

import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import {
  checkA11y as axeCheck,
  clickAndWait,
  currentPath,
  htmlLang,
  launchBrowser,
  newContext,
  stepper,
  submitForm,
  url,
} from './helpers.mjs';

const DEMO_PASSWORD = 'Elbasan-demo-2026';
// The demo forum's chair (only the chair or the coordinator endorses).
const CHAIR = 'anetari@demo.bashke.al';
// Per language: the member who drafts and the member who edits after them (both seated in the
// demo's forum: a member and the co-chair).
const PEOPLE = {
  sq: { drafter: 'qytetari@demo.bashke.al', editor: 'vleresuesi@demo.bashke.al' },
  en: { drafter: 'vleresuesi@demo.bashke.al', editor: 'qytetari@demo.bashke.al' },
};
const PHONE = { width: 360, height: 740 };

async function logIn(page, email) {
  await page.goto(url('/login'));
  await page.fill('#login-form input[name=email]', email);
  await page.fill('#login-form input[name=password]', DEMO_PASSWORD);
  await submitForm(page, '#login-form');
  assert.equal(currentPath(page), '/account');
}

/** The drafting form's field named `name` (names such as `field.q1_problem` hold a dot). */
function field(page, name) {
  return page.locator(`#draft-form [name="${name}"]`);
}

/** Saves the drafting form with its visible main button (not "add a milestone"; not the hidden
 * first button that makes Enter save). */
function save(page) {
  return clickAndWait(page, page.locator('#draft-form button[name=action][value=save]:not([aria-hidden="true"])'));
}

/** The page is no wider than the screen: nothing scrolls sideways. */
async function fitsTheScreen(page, label) {
  const [doc, view] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(doc <= view, `${label} is ${doc} px wide on a ${view} px screen`);
}

/** Whether the quality panel flags the missing milestone (a failing finding that links to it). */
function milestoneFlag(page) {
  return page.locator('aside.quality-panel li.quality-fail a[href="#milestones"]');
}

for (const { lang, js } of [
  { lang: 'sq', js: true },
  { lang: 'en', js: true },
  { lang: 'sq', js: false },
]) {
  describe(`commitments drafted together (${lang}, ${js ? 'with axe' : 'without JavaScript'})`, () => {
    const checkA11y = js ? axeCheck : async () => {};
    let browser;
    let drafter; // a forum member, on a phone
    let editor; // another forum member
    let chair; // the forum's chair
    let visitor; // nobody signed in
    let id = ''; // the commitment's row id (/forum/commitments/{id})
    let ogpId = ''; // its identifier (ALBSN0004)
    const stamp = Date.now();
    const words =
      lang === 'sq'
        ? {
            title: `Buxheti i hapur i lagjeve ${stamp}`,
            brief: 'Bashkia publikon çdo muaj shpenzimet e çdo lagjeje në një faqe të thjeshtë.',
            problem: 'Banorët nuk dinë sa shpenzohet në lagjen e tyre.',
            edited: 'Bashkia publikon çdo javë shpenzimet e çdo lagjeje në një faqe të thjeshtë.',
            removed: 'muaj',
            added: 'javë',
            milestone: 'Faqja e shpenzimeve të lagjeve hapet për publikun.',
            output: 'Faqja në internet me të dhënat e para.',
            note1: 'Shtova hapin e parë.',
            note2: 'Publikimi bëhet çdo javë, si u ra dakord.',
            reason: 'Forumi e miratoi në mbledhjen e tij.',
          }
        : {
            title: `Open neighbourhood budgets ${stamp}`,
            brief: 'The municipality publishes each neighbourhood’s spending every month on a simple page.',
            problem: 'Residents do not know how much is spent in their neighbourhood.',
            edited: 'The municipality publishes each neighbourhood’s spending every week on a simple page.',
            removed: 'month',
            added: 'week',
            milestone: 'The neighbourhood spending page opens to the public.',
            output: 'A web page with the first figures.',
            note1: 'Added the first milestone.',
            note2: 'Published every week, as agreed.',
            reason: 'The forum endorsed it at its meeting.',
          };
    let current; // the page a failing step was on, for its screenshot
    const step = stepper(() => current);

    before(async () => {
      browser = await launchBrowser();
      const open = async (options = {}) => (await newContext(browser, { javaScriptEnabled: js, ...options })).newPage();
      drafter = await open({ viewport: PHONE });
      editor = await open();
      chair = await open();
      visitor = await open();
      for (const page of [drafter, editor, chair, visitor]) await page.goto(url(`/?lang=${lang}`));
    });

    after(async () => {
      await browser?.close();
    });

    step('a member drafts a commitment on a phone; the quality panel flags the missing milestone', async () => {
      current = drafter;
      await logIn(drafter, PEOPLE[lang].drafter);
      await drafter.goto(url('/forum/commitments'));
      await checkA11y(drafter, `the forum's commitments (${lang})`);
      await clickAndWait(drafter, drafter.locator('main a[href="/forum/commitments/new"]').first());
      assert.equal(currentPath(drafter), '/forum/commitments/new');
      assert.equal(await htmlLang(drafter), lang);
      await fitsTheScreen(drafter, 'the new commitment form');
      await checkA11y(drafter, `new commitment (${lang})`);
      await field(drafter, 'title').fill(words.title);
      await field(drafter, 'field.brief_description').fill(words.brief);
      await field(drafter, 'field.q1_problem').fill(words.problem);
      await drafter.check('#values-civic_participation');
      await drafter.check('#values-access_to_information');
      await save(drafter);
      const path = currentPath(drafter);
      assert.match(path, /^\/forum\/commitments\/\d+$/, 'the new commitment is shown');
      id = path.split('/').pop();
      const heading = await drafter.textContent('main h1');
      ogpId = (heading.match(/^\s*([A-Z]+\d+)\s*:/) || [])[1] || '';
      assert.ok(ogpId, `an OGP identifier in the heading: ${heading}`);
      assert.ok(heading.includes(words.title));
      await fitsTheScreen(drafter, 'the commitment');
      await checkA11y(drafter, `the new commitment (${lang})`);

      await drafter.goto(url(`/forum/commitments/${id}/edit`));
      await fitsTheScreen(drafter, 'the edit form');
      assert.equal(await milestoneFlag(drafter).count(), 1, 'the panel flags the missing milestone');
      // The flag says it in words, not by colour alone, and leads to the milestones.
      const flagged = drafter.locator('aside.quality-panel li.quality-fail', {
        has: drafter.locator('a[href="#milestones"]'),
      });
      assert.ok((await flagged.locator('.quality-outcome').textContent()).trim().length > 1);
      await checkA11y(drafter, `edit form with its quality panel (${lang})`);
    });

    step('the member adds the milestone and the flag goes', async () => {
      current = drafter;
      await field(drafter, 'ms-0-description').fill(words.milestone);
      await field(drafter, 'ms-0-output').fill(words.output);
      await field(drafter, 'ms-0-due').fill('30.06.2027');
      await field(drafter, 'note').fill(words.note1);
      await save(drafter);
      assert.equal(currentPath(drafter), `/forum/commitments/${id}`);
      await drafter.goto(url(`/forum/commitments/${id}/edit`));
      assert.equal(await milestoneFlag(drafter).count(), 0, 'no missing milestone any more');
      assert.equal(await field(drafter, 'ms-0-description').inputValue(), words.milestone);
      await fitsTheScreen(drafter, 'the edit form with a milestone');
      await checkA11y(drafter, `edit form with a milestone (${lang})`);
    });

    step('another member edits the description', async () => {
      current = editor;
      await logIn(editor, PEOPLE[lang].editor);
      await editor.goto(url(`/forum/commitments/${id}/edit`));
      assert.equal(await field(editor, 'field.brief_description').inputValue(), words.brief);
      await field(editor, 'field.brief_description').fill(words.edited);
      await field(editor, 'note').fill(words.note2);
      await save(editor);
      assert.equal(currentPath(editor), `/forum/commitments/${id}`);
      await checkA11y(editor, `the edited commitment (${lang})`);
    });

    step('the comparison of the last two versions shows the words removed and added', async () => {
      current = editor;
      await clickAndWait(editor, editor.locator(`main a[href="/forum/commitments/${id}/compare"]`).first());
      const removed = await editor.locator('.text-diff del').allTextContents();
      const added = await editor.locator('.text-diff ins').allTextContents();
      assert.ok(removed.some((t) => t.includes(words.removed)), `removed: ${JSON.stringify(removed)}`);
      assert.ok(added.some((t) => t.includes(words.added)), `added: ${JSON.stringify(added)}`);
      await checkA11y(editor, `the comparison (${lang})`);
      await editor.goto(url(`/forum/commitments/${id}/versions`));
      assert.ok((await editor.textContent('main')).includes(words.note2), 'the version note is listed');
      await checkA11y(editor, `the versions (${lang})`);
    });

    step('the public does not see the draft yet', async () => {
      current = visitor;
      const r = await visitor.goto(url(`/commitments/${ogpId}?lang=${lang}`));
      assert.equal(r.status(), 404, 'a draft is not public');
    });

    step('the chair endorses it with a reason', async () => {
      current = chair;
      await logIn(chair, CHAIR);
      await chair.goto(url(`/forum/commitments/${id}`));
      await chair.selectOption('#status_to', 'forum_endorsed');
      await chair.fill('#status_reason', words.reason);
      await submitForm(chair, `form[action="/forum/commitments/${id}/status"]`);
      assert.equal(currentPath(chair), `/forum/commitments/${id}`);
      assert.equal(await chair.locator('main .badge.status-forum_endorsed').count() > 0, true, 'endorsed');
      assert.ok((await chair.textContent('main')).includes(words.reason), 'the reason is in the history');
      await checkA11y(chair, `the endorsed commitment (${lang})`);
    });

    step('the public reads it in OGP’s layout, in the list and in its history', async () => {
      current = visitor;
      await visitor.goto(url(`/commitments?lang=${lang}&fresh=${stamp}`));
      await checkA11y(visitor, `public list (${lang})`);
      await clickAndWait(visitor, visitor.locator(`main a[href="/commitments/${ogpId}"]`).first());
      assert.equal(currentPath(visitor), `/commitments/${ogpId}`);
      assert.equal(await htmlLang(visitor), lang);
      const main = await visitor.textContent('main');
      for (const text of [words.title, words.edited, words.milestone, words.output, '30.06.2027']) {
        assert.ok(main.includes(text), `the public page shows ${text}`);
      }
      assert.ok(!main.includes(words.brief), 'only the public version is shown');
      await checkA11y(visitor, `public commitment (${lang})`);
      await clickAndWait(visitor, visitor.locator(`main a[href="/commitments/${ogpId}/history"]`).first());
      assert.ok((await visitor.textContent('main')).includes(words.note2));
      await checkA11y(visitor, `public history (${lang})`);
    });

    step('the form and the public page fit a 360 px screen', async () => {
      current = visitor;
      const phone = await (await newContext(browser, { javaScriptEnabled: js, viewport: PHONE })).newPage();
      current = phone;
      await phone.goto(url(`/commitments/${ogpId}?lang=${lang}`));
      await fitsTheScreen(phone, 'the public commitment');
      await phone.goto(url(`/commitments?lang=${lang}`));
      await fitsTheScreen(phone, 'the public list');
      await phone.context().close();
    });
  });
}
