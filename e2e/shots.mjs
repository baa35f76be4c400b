// Screenshots of pages as a signed-in person sees them, for looking at a page at a phone's and a
// laptop's width (not a test):
//   node e2e/shots.mjs http://127.0.0.1:8080 koordinatori@demo.bashke.al /tmp/shots /admin/audit /admin/people
// The demo password is used; each page is saved as <dir>/<width>-<path>.png, and its document
// width is printed.
import { launchBrowser, newContext } from './tests/helpers.mjs';

const [base, email, dir, ...paths] = process.argv.slice(2);
const browser = await launchBrowser();
for (const width of [360, 1280]) {
  const context = await newContext(browser, { viewport: { width, height: width === 360 ? 740 : 800 }, locale: 'sq-AL' });
  const page = await context.newPage();
  if (email !== '-') {
    await page.goto(`${base}/login`);
    await page.fill('#login-form input[name=email]', email);
    await page.fill('#login-form input[name=password]', 'Elbasan-demo-2026');
    await Promise.all([page.waitForNavigation(), page.click('#login-form [type=submit]')]);
  }
  for (const path of paths) {
    await page.goto(base + path);
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    const file = `${dir}/${width}-${path.replace(/[^a-z0-9]+/gi, '_')}.png`;
    // TOP=1: the first screen only; AT=<y>: one screen from y px down.
    const at = Number(process.env.AT || 0);
    await page.screenshot(at ? { path: file, fullPage: true, clip: { x: 0, y: at, width, height: width === 360 ? 740 : 800 } } : { path: file, fullPage: !process.env.TOP });
    console.log(`${width} ${path}: ${w}x${h} ${file}`);
  }
  await context.close();
}
await browser.close();
