// The committee report (remit report) opened in headless Chromium: it renders without console
// errors or network requests, a screenshot of it is not blank, a post's reason opens from the
// keyboard, and axe-core finds no serious or critical accessibility violation. The page of
// `remit diff --format html` is checked the same way.
//
// Run by CTest (tests/CMakeLists.txt) with REMIT_CLI (the remit executable) and REMIT_BUILD_DIR
// (where the report and its screenshot are written) set, from the project's folder. Exit status
// 77 (reported as skipped) when Chromium or this folder's npm packages (npm ci) are missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const SKIP = 77;
const chromiumPath = process.env.REMIT_CHROMIUM || '/usr/bin/chromium';
const cli = process.env.REMIT_CLI;
const outDir = join(process.env.REMIT_BUILD_DIR || tmpdir(), 'browser');

function skip(why) {
  console.log(`REMIT-TEST-SKIPPED: ${why}`);
  process.exit(SKIP);
}

if (!cli || !existsSync(cli)) {
  console.error('REMIT_CLI must name the remit executable');
  process.exit(1);
}
if (!existsSync(chromiumPath)) skip(`no Chromium at ${chromiumPath} (apt-get install chromium)`);
const require = createRequire(import.meta.url);
let chromium, axePath;
try {
  ({ chromium } = await import('playwright-core'));
  axePath = require.resolve('axe-core/axe.min.js');
} catch {
  skip('the npm packages of tests/browser are not installed (cd tests/browser && npm ci)');
}

const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

function remit(args) {
  const r = spawnSync(cli, args, { encoding: 'utf8' });
  check(r.status === 0, `remit ${args.join(' ')} exits 0 (got ${r.status}: ${r.stderr.trim()})`);
}

mkdirSync(outDir, { recursive: true });
const reportFile = join(outDir, 'report.html');
const diffFile = join(outDir, 'diff.html');
remit(['report', 'policies/council-000/', '--date', '2026-01-31', '-o', reportFile]);
remit(['diff', 'policies/council-000/structure.remit', 'policies/council-000/', '--format', 'html',
  '-o', diffFile]);
if (failures.length) process.exit(1);

const profile = mkdtempSync(join(tmpdir(), 'remit-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
});

async function open(file) {
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, errors, requests };
}

async function axe(page, name) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad) {
    console.log(`  ${v.impact}: ${v.id}: ${v.help} (${v.nodes.length} elements, e.g. ${v.nodes[0].target})`);
  }
  check(bad.length === 0, `${name}: axe-core finds no serious or critical violation`);
}

try {
  const { page, errors, requests } = await open(reportFile);
  check(errors.length === 0, `report: no console errors${errors.length ? ': ' + errors.join('; ') : ''}`);
  check(requests.length === 0, `report: no network requests${requests.length ? ': ' + requests.join(' ') : ''}`);
  const posts = await page.locator('section[aria-labelledby="list"] tr[id^="post-"]').count();
  check(posts === 52, `report: lists the 52 posts of council-000 (found ${posts})`);

  const shot = join(outDir, 'report.png');
  await page.screenshot({ path: shot, fullPage: false });
  const size = statSync(shot).size;
  check(size > 20000, `report: the screenshot ${shot} is not blank (${size} bytes)`);

  // A post's reason opens from the keyboard: focus its summary, press Enter.
  const details = page.locator('details.why').first();
  check(!(await details.evaluate((d) => d.open)), 'report: a reason starts closed');
  await details.locator('summary').first().focus();
  await page.keyboard.press('Enter');
  check(await details.evaluate((d) => d.open), 'report: Enter on its summary opens the reason');
  const text = await details.locator('.reason > p').first().innerText();
  check(/category/.test(text) && !/\.remit:\d/.test(text),
    `report: the reason is in plain words, without file locations ("${text.slice(0, 80)}…")`);
  // Tab reaches the technical explanation inside, and Space opens it.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  const technical = details.locator('details.technical').first();
  check(await technical.evaluate((d) => d.open), 'report: Tab then Space opens the technical explanation');
  // The chart: inline, every listed post's box there, linked both ways, zoomable.
  check(await page.locator('#chart-frame svg').count() === 1, 'report: the org chart is inline');
  const links = await page.evaluate(() => {
    const rows = [...document.querySelectorAll('tr[id^="post-"]')];
    const missing = rows.filter((r) => {
      const box = r.id.replace(/^post-/, 'box-');
      return !document.getElementById(box) || !r.querySelector(`a[href="#${box}"]`);
    }).map((r) => r.id);
    const back = [...document.querySelectorAll('#chart-frame svg a')]
      .map((a) => a.getAttribute('href') || a.getAttribute('xlink:href'))
      .filter((h) => h && h.startsWith('#post-'));
    const dangling = back.filter((h) => !document.getElementById(h.slice(1)));
    return { missing, back: back.length, dangling };
  });
  check(links.missing.length === 0, `report: every post links to its box in the chart${links.missing.length ? ' (not: ' + links.missing.join(' ') + ')' : ''}`);
  check(links.back >= 52 && links.dangling.length === 0,
    `report: the boxes link back to the list (${links.back} links, ${links.dangling.length} dangling)`);
  const width = async () => page.locator('#chart-frame svg').evaluate((s) => s.getBoundingClientRect().width);
  const before = await width();
  await page.click('#zoom-in');
  check((await width()) > before * 1.2, 'report: Zoom in makes the chart larger');
  await page.locator('#chart').scrollIntoViewIfNeeded();
  const chartShot = join(outDir, 'report-chart.png');
  await page.screenshot({ path: chartShot });
  check(statSync(chartShot).size > 20000, `report: the screenshot of the chart ${chartShot} is not blank`);
  await axe(page, 'report');

  const diff = await open(diffFile);
  check(diff.errors.length === 0, 'diff page: no console errors');
  await axe(diff.page, 'diff page');
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('all checks passed');
