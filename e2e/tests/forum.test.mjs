// The forum's whole path in the browser, once in Albanian and once in English,
// with axe on every page: the coordinator turns a selected applicant into a
// member, the member accepts from the e-mailed link, the coordinator schedules
// and publishes a meeting, a member answers from the invitation's link,
// attendance is taken, minutes with a decision are approved by the chair and
// published, and the public sees them. Uses the demo (two selected applicants
// wait to be seated, one per language).

import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import {
  checkA11y,
  clickAndWait,
  currentPath,
  launchBrowser,
  newContext,
  readMailContaining,
  stepper,
  submitForm,
  url,
} from './helpers.mjs';

const COORDINATOR = 'koordinatori@demo.bashke.al';
const CHAIR = 'anetari@demo.bashke.al';
const DEMO_PASSWORD = 'Elbasan-demo-2026';

async function logIn(page, email) {
  await page.goto(url('/login'));
  await page.fill('#login-form input[name=email]', email);
  await page.fill('#login-form input[name=password]', DEMO_PASSWORD);
  await submitForm(page, '#login-form');
  assert.equal(currentPath(page), '/account');
}

/** The first link to `pathPrefix` in a mail's text, as a path with its query. */
function linkIn(text, pathPrefix) {
  const m = new RegExp(`https?://[^\\s/]+(${pathPrefix.replace(/[?]/g, '\\?')}[^\\s>)"]*)`).exec(text);
  assert.ok(m, `no ${pathPrefix} link in:\n${text}`);
  return m[1];
}

/** dd.mm.yyyy HH:MM, days from now (the form's format; local time is fine a week ahead). */
function when(daysAhead, hour) {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  const two = (n) => String(n).padStart(2, '0');
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()} ${two(hour)}:00`;
}

for (const lang of ['sq', 'en']) {
  describe(`the forum's path (${lang}, with axe)`, () => {
    let browser;
    let staff; // the coordinator's page
    let chair; // the chair's page
    let visitor; // a page without a session
    let meetingPath = '';
    const title = lang === 'sq' ? `Takimi i parë i grupit të punës ${Date.now()}` : `First working group meeting ${Date.now()}`;
    const decision = lang === 'sq' ? 'Forumi miraton kalendarin e bashkë-krijimit për çështjet e ujit' : 'The forum adopts the co-creation calendar for water services';
    const step = stepper(() => staff);

    before(async () => {
      browser = await launchBrowser();
      staff = await (await newContext(browser)).newPage();
      chair = await (await newContext(browser)).newPage();
      visitor = await (await newContext(browser)).newPage();
      for (const page of [staff, chair, visitor]) await page.goto(url(`/?lang=${lang}`));
    });

    after(async () => {
      await browser?.close();
    });

    step('the coordinator seats a selected applicant in one step', async () => {
      await logIn(staff, COORDINATOR);
      await staff.goto(url(`/admin/forum?lang=${lang}`));
      await checkA11y(staff, `/admin/forum (${lang})`);
      const forms = staff.locator('form.seat-form');
      assert.ok((await forms.count()) > 0, 'a selected applicant waits to be seated');
      const since = Date.now();
      await clickAndWait(staff, forms.first().locator('[type=submit]'));
      assert.equal(currentPath(staff), '/admin/forum');
      await checkA11y(staff, `/admin/forum after seating (${lang})`);
      const mail = await readMailContaining('/forum/membership?token=', since);
      const link = linkIn(mail, '/forum/membership?token=');

      // The member answers from the link, without signing in.
      await visitor.goto(url(link));
      await checkA11y(visitor, `membership answer (${lang})`);
      await clickAndWait(visitor, visitor.locator('#membership-form button[value=accept]'));
      assert.equal(currentPath(visitor), '/forum/membership');
      await checkA11y(visitor, `membership accepted (${lang})`);
      // The link works once.
      const again = await visitor.goto(url(link));
      assert.equal(again.status(), 400);
    });

    step('the coordinator schedules the meeting with an agenda and publishes it', async () => {
      await staff.goto(url('/admin/forum/meetings/new'));
      await checkA11y(staff, `new meeting (${lang})`);
      // A meeting ending before it starts is refused, with everything typed kept.
      await staff.check('#meeting_kind-first_meeting');
      await staff.fill('#meeting-form input[name=title_sq]', title);
      await staff.fill('#meeting-form input[name=title_en]', title);
      await staff.fill('#meeting-form input[name=starts_at]', when(7, 17));
      await staff.fill('#meeting-form input[name=ends_at]', when(7, 15));
      await staff.fill('#meeting-form input[name=place]', 'Salla e Këshillit Bashkiak');
      await staff.check('#visibility-public');
      await submitForm(staff, '#meeting-form');
      assert.ok((await staff.locator('.field-error').count()) > 0, 'the error is shown');
      assert.equal(await staff.inputValue('#meeting-form input[name=title_sq]'), title, 'typed text kept');
      await checkA11y(staff, `meeting form with errors (${lang})`);
      await staff.fill('#meeting-form input[name=ends_at]', when(7, 19));
      await submitForm(staff, '#meeting-form');
      meetingPath = currentPath(staff).replace('/admin', '');
      assert.match(meetingPath, /^\/forum\/meetings\/\d+$/);
      await checkA11y(staff, `meeting staff page (${lang})`);

      await staff.fill('#agenda-form input[name=item_title_sq]', 'Rolet dhe përgjegjësitë');
      await staff.fill('#agenda-form input[name=presenter]', 'Koordinatori OGP');
      await staff.fill('#agenda-form input[name=minutes_allotted]', '30');
      await submitForm(staff, '#agenda-form');
      assert.ok((await staff.textContent('main')).includes('Rolet dhe përgjegjësitë'));

      await submitForm(staff, '#publish-form');
      await checkA11y(staff, `publish confirmation (${lang})`);
      const since = Date.now();
      await submitForm(staff, '#confirm-form');
      assert.equal(currentPath(staff), `/admin${meetingPath}`);

      // A member answers from the invitation's link, without signing in.
      const mail = await readMailContaining('/forum/meetings/answer?token=', since);
      await visitor.goto(url(linkIn(mail, '/forum/meetings/answer?token=')));
      await checkA11y(visitor, `invitation answer (${lang})`);
      await submitForm(visitor, '#answer-link-form');
      assert.equal(currentPath(visitor), '/forum/meetings/answer');
      await checkA11y(visitor, `invitation answered (${lang})`);
    });

    step('attendance is taken and minutes with a decision are written', async () => {
      const admin = `/admin${meetingPath}`;
      await staff.goto(url(`${admin}/attendance`));
      await checkA11y(staff, `attendance (${lang})`);
      for (const radio of await staff.locator('#attendance-form input[type=radio][value=present]').all()) {
        await radio.check();
      }
      await submitForm(staff, '#attendance-form');
      await checkA11y(staff, `attendance saved (${lang})`);

      await staff.goto(url(`${admin}/minutes`));
      await checkA11y(staff, `minutes editor (${lang})`);
      await staff.fill('#minutes-form textarea[name=minutes_sq]', 'Forumi diskutoi **rolet** dhe kalendarin e punës.');
      await staff.fill('#minutes-form textarea[name=minutes_en]', 'The forum discussed **roles** and the calendar of work.');
      await submitForm(staff, '#minutes-form');
      await staff.goto(url(`${admin}/minutes`));
      await staff.fill('#decision-form textarea[name=decision_sq]', decision);
      await staff.fill('#decision-form textarea[name=decision_en]', decision);
      await staff.fill('#decision-form input[name=votes_for]', '7');
      await staff.fill('#decision-form input[name=votes_against]', '0');
      await staff.fill('#decision-form input[name=votes_abstain]', '1');
      await submitForm(staff, '#decision-form');
      assert.ok((await staff.textContent('main')).includes(decision));
      await checkA11y(staff, `minutes with a decision (${lang})`);

      // Not approved yet: publishing is refused with a message.
      await submitForm(staff, 'form[action$="/minutes/publish"]');
      if ((await staff.locator('#confirm-form').count()) > 0) await submitForm(staff, '#confirm-form');
      assert.ok((await staff.locator('.field-error, .error-summary').count()) > 0, 'unapproved minutes are not published');
      await checkA11y(staff, `minutes refused for publication (${lang})`);
    });

    step('the chair approves, the coordinator publishes, the public reads', async () => {
      await logIn(chair, CHAIR);
      await chair.goto(url(`${meetingPath}/minutes?lang=${lang}`));
      await checkA11y(chair, `draft minutes for the chair (${lang})`);
      await submitForm(chair, 'form[action$="/minutes/approve"]');
      await checkA11y(chair, `approved minutes (${lang})`);

      await staff.goto(url(`/admin${meetingPath}/minutes`));
      await submitForm(staff, 'form[action$="/minutes/publish"]');
      await checkA11y(staff, `minutes publication confirmation (${lang})`);
      await submitForm(staff, '#confirm-form');

      const res = await visitor.goto(url(`${meetingPath}/minutes?lang=${lang}`));
      assert.equal(res.status(), 200);
      assert.ok((await visitor.textContent('main')).includes(decision), 'the decision is public');
      await checkA11y(visitor, `published minutes (${lang})`);
      for (const path of ['/forum', '/forum/meetings', meetingPath, '/forum/decisions', '/forum/texts', '/forum/texts/compare?from=1&to=2', '/forum/health']) {
        const r = await visitor.goto(url(path.includes('?') ? `${path}&lang=${lang}` : `${path}?lang=${lang}`));
        assert.equal(r.status(), 200, path);
        await checkA11y(visitor, `${path} (${lang})`);
      }
      await visitor.goto(url(`/forum/decisions?lang=${lang}&q=${encodeURIComponent(lang === 'sq' ? 'CESHTJET E UJIT' : 'water')}`));
      assert.ok((await visitor.textContent('main')).includes(decision), 'the decisions log finds it without accents');
    });
  });
}
