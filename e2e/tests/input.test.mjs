// Public input's whole path in the browser, once in Albanian and once in English, with axe on
// every page: a citizen submits an idea (a missing description is refused with everything typed
// kept), another person supports it and comments, a rude comment is reported and a moderator
// hides it with a reason, a forum member groups the idea with a similar input and answers it,
// and the citizen reads the reasoned response on the page and in the e-mail. Then the same path
// once more in Albanian with JavaScript turned off (without axe, which is JavaScript itself).
// Uses the demo's open input phase and its accounts.

import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import {
  checkA11y as axeCheck,
  clickAndWait,
  currentPath,
  launchBrowser,
  newContext,
  readMailContaining,
  stepper,
  submitForm,
  url,
} from './helpers.mjs';

const DEMO_PASSWORD = 'Elbasan-demo-2026';
const MODERATOR = 'moderatori@demo.bashke.al';
const FORUM_MEMBER = 'anetari@demo.bashke.al';
// Per language: the author and the one who supports and comments (demo citizens).
const PEOPLE = {
  sq: { author: 'qytetari@demo.bashke.al', other: 'drita.marku@demo.bashke.al' },
  en: { author: 'arta.kola@demo.bashke.al', other: 'besnik.hoxha@demo.bashke.al' },
};

async function logIn(page, email) {
  await page.goto(url('/login'));
  await page.fill('#login-form input[name=email]', email);
  await page.fill('#login-form input[name=password]', DEMO_PASSWORD);
  await submitForm(page, '#login-form');
  assert.equal(currentPath(page), '/account');
}

/** Chooses the first real option of a select (the empty one says "choose"). */
async function chooseFirst(page, selector) {
  const value = await page.locator(`${selector} option:not([value=""])`).first().getAttribute('value');
  await page.selectOption(selector, value);
}

for (const { lang, js } of [
  { lang: 'sq', js: true },
  { lang: 'en', js: true },
  { lang: 'sq', js: false },
]) {
  describe(`public input's path (${lang}, ${js ? 'with axe' : 'without JavaScript'})`, () => {
    const checkA11y = js ? axeCheck : async () => {};
    let browser;
    let author; // the citizen who submits
    let other; // the one who supports and comments
    let moderator;
    let member; // a forum member
    let visitor; // nobody signed in
    let inputPath = '';
    const stamp = Date.now();
    const title =
      lang === 'sq' ? `Stola dhe hije në parkun e lagjes Kala ${stamp}` : `Benches and shade in the Kala park ${stamp}`;
    const body =
      lang === 'sq'
        ? 'Parku i lagjes Kala nuk ka stola as pemë për hije; të moshuarit dhe prindërit me fëmijë nuk kanë ku të ulen.'
        : 'The Kala neighbourhood park has no benches or trees for shade; older people and parents have nowhere to sit.';
    const rude = lang === 'sq' ? `Ju jeni të gjithë budallenj ${stamp}` : `You are all idiots ${stamp}`;
    const hideReason = lang === 'sq' ? 'Fyen pjesëmarrësit e tjerë.' : 'It insults other participants.';
    const justification =
      lang === 'sq'
        ? `Bashkia do të vendosë stola dhe pemë në parkun e lagjes Kala në pranverë ${stamp}.`
        : `The municipality will put benches and trees in the Kala park in the spring ${stamp}.`;
    let current; // the page a failing step was on, for its screenshot
    const step = stepper(() => current);

    before(async () => {
      browser = await launchBrowser();
      const open = async () => (await newContext(browser, { javaScriptEnabled: js })).newPage();
      author = await open();
      other = await open();
      moderator = await open();
      member = await open();
      visitor = await open();
      for (const page of [author, other, moderator, member, visitor]) await page.goto(url(`/?lang=${lang}`));
    });

    after(async () => {
      await browser?.close();
    });

    step('a citizen submits an idea; a missing description is refused with the rest kept', async () => {
      current = author;
      await visitor.goto(url('/input'));
      await checkA11y(visitor, `/input (${lang})`);
      await logIn(author, PEOPLE[lang].author);
      await author.goto(url('/input/new'));
      await checkA11y(author, `new input (${lang})`);
      await author.check('#input_kind-idea');
      await author.fill('#input-form input[name=title]', title);
      await chooseFirst(author, '#theme');
      await chooseFirst(author, '#unit');
      await submitForm(author, '#input-form');
      assert.ok((await author.locator('.field-error').count()) > 0, 'the missing description is named');
      assert.equal(await author.inputValue('#input-form input[name=title]'), title, 'typed title kept');
      await checkA11y(author, `new input with an error (${lang})`);
      await author.fill('#input-form textarea[name=body]', body);
      await submitForm(author, '#input-form');
      inputPath = currentPath(author);
      assert.match(inputPath, /^\/input\/\d+$/);
      assert.ok((await author.textContent('main')).includes(title));
      await checkA11y(author, `the new input (${lang})`);
      // Found without accents in the public list.
      const q = lang === 'sq' ? 'stola hije lagjes kala' : 'benches shade kala';
      await visitor.goto(url(`/input?q=${encodeURIComponent(q)}&fresh=${stamp}`));
      assert.ok((await visitor.textContent('main')).includes(title), 'the search finds the new input');
      await checkA11y(visitor, `search (${lang})`);
    });

    step('another person supports it and comments; someone writes something rude', async () => {
      current = other;
      await logIn(other, PEOPLE[lang].other);
      await other.goto(url(inputPath));
      await clickAndWait(other, other.locator(`form[action="${inputPath}/support"] [type=submit]`));
      assert.ok((await other.locator(`form[action="${inputPath}/support/withdraw"]`).count()) > 0, 'supported');
      await checkA11y(other, `supported input (${lang})`);
      await other.fill('#comment', lang === 'sq' ? 'Dakord, edhe fëmijët e mi luajnë atje.' : 'Agreed, my children play there too.');
      await submitForm(other, `form.comment-form[action="${inputPath}/comments"]`);
      await other.fill('#comment', rude);
      await submitForm(other, `form.comment-form[action="${inputPath}/comments"]`);
      assert.ok((await other.textContent('main')).includes(rude));
      await checkA11y(other, `input with comments (${lang})`);
    });

    step('the author reports the rude comment and a moderator hides it with a reason', async () => {
      current = author;
      await author.goto(url(inputPath));
      const comment = author.locator('li', { hasText: rude }).last();
      await clickAndWait(author, comment.locator('a[href$="/report"]'));
      await checkA11y(author, `report form (${lang})`);
      await author.fill('textarea[name=report_reason]', lang === 'sq' ? 'Fyerje.' : 'An insult.');
      await submitForm(author, 'main form[action$="/report"]');

      current = moderator;
      await logIn(moderator, MODERATOR);
      await moderator.goto(url('/moderation'));
      await checkA11y(moderator, `moderation queue (${lang})`);
      const group = moderator.locator('section.report-group', { hasText: rude });
      assert.equal(await group.count(), 1, 'the report is in the queue');
      await clickAndWait(moderator, group.locator('a[href$="/hide"]'));
      await checkA11y(moderator, `hide form (${lang})`);
      await moderator.fill('textarea[name=hide_reason]', hideReason);
      await submitForm(moderator, 'main form[action$="/hide"]');
      await checkA11y(moderator, `hide confirmation (${lang})`);
      await submitForm(moderator, '#confirm-form');

      await visitor.goto(url(`${inputPath}?fresh=${Date.now()}`));
      const text = await visitor.textContent('main');
      assert.ok(!text.includes(rude), 'the rude text is gone from the page');
      assert.ok(text.includes(hideReason), 'the reason shows in its place');
      await checkA11y(visitor, `input with a hidden comment (${lang})`);
    });

    step('a forum member groups the idea with a similar input and answers it', async () => {
      current = member;
      await logIn(member, FORUM_MEMBER);
      await member.goto(url('/forum/grouping'));
      await checkA11y(member, `grouping board (${lang})`);
      await member.goto(url('/forum/grouping/clusters/new'));
      await checkA11y(member, `new cluster (${lang})`);
      const id = inputPath.split('/').pop();
      await member.fill('main form input[name=title_sq]', `Parqet e lagjeve ${stamp}`);
      await member.fill('main form input[name=title_en]', `Neighbourhood parks ${stamp}`);
      await member.check(`#inputs-${id}`);
      // The similar input: the first other one offered.
      await member.locator(`#inputs input[type=checkbox]:not(#inputs-${id})`).first().check();
      await submitForm(member, 'main form[method=post]');
      assert.ok((await member.textContent('main')).includes(`Parqet e lagjeve ${stamp}`) || (await member.textContent('main')).includes(`Neighbourhood parks ${stamp}`), 'the cluster is saved');
      await checkA11y(member, `cluster saved (${lang})`);

      await member.goto(url(`${inputPath}/answer`));
      await checkA11y(member, `answer form (${lang})`);
      // Publishing without a justification is refused, the status kept.
      await member.check('#status-adopted');
      await clickAndWait(member, member.locator('main form button[name=publish][value=yes]'));
      assert.ok((await member.locator('.field-error').count()) > 0, 'the missing justification is named');
      assert.ok(await member.isChecked('#status-adopted'), 'the chosen status is kept');
      await checkA11y(member, `answer form with an error (${lang})`);
      await member.fill('main form textarea[name=body_sq]', justification);
      await member.fill('main form textarea[name=body_en]', justification);
      await clickAndWait(member, member.locator('main form button[name=publish][value=yes]'));
      await checkA11y(member, `answer publication confirmation (${lang})`);
      const since = Date.now();
      await submitForm(member, '#confirm-form');
      assert.ok((await member.textContent('main')).includes(justification), 'the answer shows');

      // The citizen reads the reasoned response on the page and in the e-mail.
      await author.goto(url(inputPath));
      assert.ok((await author.textContent('main')).includes(justification), 'the author sees the answer');
      await checkA11y(author, `answered input (${lang})`);
      const mail = await readMailContaining(justification, since);
      assert.ok(mail.includes(title), 'the e-mail names the input');
      for (const path of ['/input', '/input/clusters', '/input/coverage', inputPath]) {
        const r = await visitor.goto(url(`${path}?fresh=${Date.now()}`));
        assert.equal(r.status(), 200, path);
        await checkA11y(visitor, `${path} (${lang})`);
      }
    });
  });
}
