// End-to-end journeys of the web app in Debian's headless Chromium, on the served app and
// on the single-file tradeready.html opened from file://. Run by `cargo xtask e2e`, which
// builds the app, serves it and sets TRADEREADY_URL and TRADEREADY_FILE.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync, spawnSync } from 'node:child_process';
import http from 'node:http';
import { createHash } from 'node:crypto';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SERVED = process.env.TRADEREADY_URL;
const SINGLE = 'file://' + process.env.TRADEREADY_FILE;
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
/** The command line (xtask e2e builds it): what the browser downloads must be its bytes. */
const cli = (...args) => execFileSync(process.env.TRADEREADY_CLI, args, { maxBuffer: 64 << 20 });
const EXAMPLES = path.join(ROOT, 'assessments/examples');
// The version of the WCO profile the app embeds: the newest, the last the command line lists.
const NEWEST = cli('profiles').toString().trim().split('\n').filter((l) => l.startsWith('wco-resilience '))
  .pop().split(/\s+/)[1];
// Northland's latest cycle, answered under 1.1.0, as answered under the newest version: 1.2.0 and 1.2.1
// changed text only and kept every id, so the file needs only its profile line (and hash).
const NORTHLAND_2026 = path.join(EXAMPLES, 'northland-2026.yaml');
const EXAMPLE = (() => {
  const released = fs.readFileSync(path.join(ROOT, `assessments/profiles/wco-resilience/${NEWEST}.yaml`));
  const sha = createHash('sha256').update(released).digest('hex');
  const text = fs.readFileSync(NORTHLAND_2026, 'utf8');
  const line = /^profile: \{id: wco-resilience, version: [^,]+, sha256: [0-9a-f]+\}$/m;
  assert.match(text, line);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tradeready-e2e-example-')), 'northland-2026.yaml');
  fs.writeFileSync(file, text.replace(line, `profile: {id: wco-resilience, version: ${NEWEST}, sha256: ${sha}}`));
  return file;
})();
// An example of an earlier version (1.0.0), which the app carries forward when it is imported.
const EARLIER = path.join(ROOT, 'assessments/examples/northland-2025.yaml');
const WORKSHOP = fs.readdirSync(path.join(EXAMPLES, 'workshop')).filter((f) => f.endsWith('.yaml')).sort()
  .map((f) => path.join(EXAMPLES, 'workshop', f));
const NORTHLAND = ['2023', '2024', '2025'].map((c) => path.join(EXAMPLES, `northland-${c}.yaml`));
/** Each file's administration name and code. */
const administrations = (files) => files.map((f) => {
  const m = /^administration: \{name: ([^,}]+), code: ([^}]+)\}/m.exec(fs.readFileSync(f, 'utf8'));
  return { name: m[1].trim(), code: m[2].trim() };
});
/** The report shown in the page (in its shadow root), as text. */
const reportText = (page) => page.evaluate(() => document.querySelector('.report-host')?.shadowRoot?.textContent ?? '');
/** Waits for the report to be shown, `holds` (a string) in it if given. */
const reportShown = (page, holds, lacks) => page.waitForFunction(([holds, lacks]) => {
  const host = document.querySelector('.report-host');
  const text = host && !host.hidden && host.shadowRoot ? host.shadowRoot.textContent : '';
  return text.length > 0 && (!holds || text.includes(holds)) && (!lacks || !text.includes(lacks));
}, [holds, lacks]);
async function downloaded(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tradeready-e2e-')), download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});
after(async () => browser && browser.close());

/** A fresh browser profile (empty storage) with a page on `url`; records every request. */
async function open(url, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 1000 }, ...options });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.waitForSelector('#administration');
  return { context, page, errors, requests };
}

/** Shows the questionnaire's domain `n` (from 1): from the list beside the questions, or
 *  from the menu that takes its place on a phone. */
async function goToDomain(page, n) {
  if (await page.isVisible('#domain-menu')) await page.selectOption('#domain-menu', String(n - 1));
  else await page.click(`nav.domains li:nth-child(${n}) button`);
}

async function startAssessment(page, administration = 'Customs of Testland', cycle = '2026') {
  await page.fill('#administration', administration);
  await page.fill('#code', 'XT');
  await page.fill('#cycle', cycle);
  await page.click('button[type=submit]');
  await page.waitForSelector('fieldset.indicator');
}

for (const [where, url] of [['served', SERVED], ['file://', SINGLE]]) {
  test(`${where}: start an assessment, answer it, reload, see results`, async () => {
    const { context, page, errors } = await open(url);
    await startAssessment(page);
    await page.check('#governance-oga-roles-level-3');
    await page.check('#governance-activation-level-2');
    await page.fill('#governance-gender-assessment-value', '2025-01-15');
    await page.press('#governance-gender-assessment-value', 'Tab');
    await page.reload();
    await page.waitForSelector('fieldset.indicator');
    assert.ok(await page.isChecked('#governance-oga-roles-level-3'), 'the answer survives a reload');
    assert.equal(await page.inputValue('#governance-gender-assessment-value'), '2025-01-15');
    // One question of the continuity domain, at its top level.
    await goToDomain(page, 3);
    await page.check('#continuity-sops-with-business-level-4');
    await page.click('nav >> text=Results');
    await page.waitForSelector('#overall');
    // Governance: (3 x 0.75 + 3 x 0.5 + 0.5 x date score) / 6.5 = 65.4, the date being fresh
    // (within three years). Continuity would score 100, but is capped at 40: the continuity
    // plan is not answered, and a cap fires on a missing indicator (DESIGN.md "Scoring").
    // The two domains weigh 1.5 each: (65.38 + 40) / 2 = 52.7.
    assert.equal(await page.textContent('#overall'), '52.7');
    // The charts come from the views module (fetched on first use, inline in the single
    // file), drawn to SVG by the reports' own code: one bar per scored domain.
    await page.waitForSelector('figure.chart .drawing svg');
    const bars = await page.$eval('figure.chart .drawing svg', (svg) => svg.querySelectorAll('rect').length);
    assert.ok(bars >= 2, `the domain chart is drawn (${bars} rectangles)`);
    // Laid out for 720 CSS pixels and shown at that size.
    assert.deepEqual(await page.$eval('figure.chart .drawing svg', (s) => [s.getAttribute('width'), s.clientWidth]), ['720', 720]);
    const expected = ((3 * 0.75 + 3 * 0.5 + 0.5) / 6.5 * 100).toFixed(1);
    assert.ok((await page.getAttribute('figure.chart .drawing', 'aria-label')).startsWith(`Domain scores: Governance, roles and activation ${expected} `));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${where}: export, import the export, same state; a bad file shows its error`, async () => {
    const { context, page, errors } = await open(url);
    await page.setInputFiles('#import', EXAMPLE);
    await page.waitForSelector('fieldset.indicator');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradeready-e2e-'));
    const save = async (label) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`text=${label}`)]);
      const file = path.join(dir, download.suggestedFilename());
      await download.saveAs(file);
      return file;
    };
    const yaml = await save('Export YAML');
    const json = await save('Export JSON');
    assert.equal(path.basename(yaml), 'xn-2026.yaml');
    await page.click('nav >> text=Results');
    const overall = await page.textContent('#overall');
    const native = JSON.parse(cli('score', EXAMPLE, '--format', 'json').toString());
    assert.equal(overall, native.overall.toFixed(1), 'the example scores as on the command line');
    for (const file of [yaml, json]) {
      await page.click('nav >> text=Start');
      await page.setInputFiles('#import', file);
      await page.waitForSelector('fieldset.indicator');
      const again = await save('Export YAML');
      assert.equal(fs.readFileSync(again, 'utf8'), fs.readFileSync(yaml, 'utf8'), `${path.basename(file)} imports back to the same state`);
    }
    // A bad file: its error with line and column, and the open draft untouched.
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, fs.readFileSync(EXAMPLE, 'utf8').replace('governance.oga-roles: {value: 4,', 'governance.oga-roles: {value: 9,'));
    await page.click('nav >> text=Start');
    await page.setInputFiles('#import', bad);
    await page.waitForSelector('.notice.error');
    assert.match(await page.textContent('.notice.error'), /bad\.yaml:19:33: The answer to “Recovery roles agreed with other agencies” must be one of its levels \(0, 1, 2, 3, 4\)\./);
    await page.click('nav >> text=Results');
    assert.equal(await page.textContent('#overall'), overall, 'the current draft is untouched');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${where}: switch language, remembered`, async () => {
    const { context, page } = await open(url);
    await page.selectOption('select[aria-label=Language]', 'fr');
    await page.waitForSelector('html[data-profile-lang=fr]');
    assert.equal(await page.textContent('#new-h'), 'Nouvelle évaluation');
    await page.reload();
    await page.waitForSelector('#administration');
    assert.equal(await page.textContent('#new-h'), 'Nouvelle évaluation');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await page.selectOption('select[aria-label=Langue]', 'es');
    await page.waitForSelector('html[data-profile-lang=es]');
    assert.equal(await page.textContent('#new-h'), 'Nueva evaluación');
    await context.close();
  });

  test(`${where}: if the app stops on an internal error, the page says so in the user's language`, async () => {
    const { context, page } = await open(url);
    assert.equal(await page.locator('#crash').count(), 0);
    // Another error is not the app stopping.
    await page.evaluate(() => dispatchEvent(new ErrorEvent('error', { error: new TypeError('elsewhere') })));
    assert.equal(await page.locator('#crash').count(), 0);
    await page.selectOption('select[aria-label=Language]', 'fr');
    await page.waitForSelector('html[data-profile-lang=fr]');
    // A trap in the wasm reaches the page as an uncaught WebAssembly.RuntimeError, from an
    // event handler (error) or from a task (unhandledrejection); the app cannot be made to
    // trap on purpose, so the test raises what a trap raises.
    await page.evaluate(() => dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') })));
    await page.waitForSelector('#crash', { state: 'visible' });
    assert.match(await page.textContent('#crash'), /^TradeReady s'est arrêté sur une erreur interne\..*rechargez la page/);
    assert.equal(await page.getAttribute('#crash', 'role'), 'alert');
    await page.reload();
    await page.waitForSelector('#administration');
    assert.equal(await page.locator('#crash').count(), 0);
    await page.evaluate(() => {
      const e = new PromiseRejectionEvent('unhandledrejection', { promise: Promise.resolve(), reason: new WebAssembly.RuntimeError('unreachable') });
      dispatchEvent(e);
    });
    await page.waitForSelector('#crash', { state: 'visible' });
    await context.close();
  });
}

for (const [where, url] of [['served', SERVED], ['file://', SINGLE]]) {
  test(`${where}: a workshop: drop the set, see the heat map, neutral labels name no one, download the command line's report`, async () => {
    const { context, page, errors, requests } = await open(url);
    await page.click('nav >> text=Workshop');
    await page.waitForSelector('h1:text-is("Workshop")');
    assert.equal(await page.title(), 'Workshop — TradeReady');
    // A file that fails is listed with its error and left out; the others load.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradeready-e2e-'));
    const bad = path.join(dir, 'broken.yaml');
    fs.writeFileSync(bad, fs.readFileSync(WORKSHOP[0], 'utf8').replace('as_of: 2026-03-31', 'as_of: 2026-02-31'));
    await page.setInputFiles('#workshop-files', [...WORKSHOP, bad]);
    await reportShown(page);
    assert.equal(await page.locator('.file-list li.ok').count(), WORKSHOP.length);
    assert.match(await page.textContent('.file-list li:not(.ok)'), /broken\.yaml.*left out.*broken\.yaml:\d+:\d+: /s);
    // The heat map and the distributions are drawn.
    assert.ok(await page.locator('.report-host svg').count() >= 2, 'the workshop charts are drawn');
    const named = administrations(WORKSHOP);
    for (const { name } of named) assert.ok((await reportText(page)).includes(name), `${name} in the report`);
    // Neutral labels: no name and no code anywhere, in the page or in the report.
    await page.check('#neutral-labels');
    await reportShown(page, null, named[0].name);
    const everything = `${await page.evaluate(() => document.body.innerText)} ${await reportText(page)}`;
    for (const { name, code } of named) {
      assert.ok(!everything.includes(name), `${name} is shown under neutral labels`);
      assert.ok(!new RegExp(`\\b${code}\\b`).test(everything), `${code} is shown under neutral labels`);
    }
    // The download is the command line's report, byte for byte.
    const file = await downloaded(page, '#download-report');
    assert.ok(fs.readFileSync(file).equals(cli('report', ...WORKSHOP, '--anonymize')), 'the same bytes as tradeready report --anonymize');
    if (where === 'file://') assert.deepEqual(requests.filter((r) => !r.startsWith('file:') && !r.startsWith('blob:') && !r.startsWith('data:')), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${where}: compare cycles: saved drafts or files of one administration, another refused, the command line's report`, async () => {
    const { context, page, errors } = await open(url);
    // Two cycles saved as drafts, picked on the Compare page: 2025, answered under 1.0.0,
    // carried forward on import, and 2026.
    await page.setInputFiles('#import', EARLIER);
    await page.waitForSelector('#carry-compatibility');
    await page.click('#carry-open');
    await page.waitForSelector('fieldset.indicator');
    await page.click('nav >> text=Start');
    await page.setInputFiles('#import', EXAMPLE);
    await page.waitForSelector('fieldset.indicator');
    await page.click('nav >> text=Compare cycles');
    await page.waitForSelector('.from-drafts li');
    for (const box of await page.$$('.from-drafts input[type=checkbox]')) {
      if (/2025|2026/.test(await box.evaluate((b) => b.closest('li').textContent))) await box.check();
    }
    await page.click('text=Add the selected drafts');
    await page.waitForFunction(() => document.querySelectorAll('.file-list li.ok').length === 2);
    await reportShown(page, '2026');
    assert.ok((await reportText(page)).includes('2025'));
    await page.click('text=Remove all');
    // Files: three cycles, and one of another administration, refused with a word.
    await page.setInputFiles('#compare-files', [...NORTHLAND, path.join(EXAMPLES, 'meridia-2025.yaml')]);
    await page.waitForFunction(() => document.querySelectorAll('.file-list li').length === 4);
    assert.equal(await page.locator('.file-list li.ok').count(), 3);
    assert.match(await page.textContent('.file-list li:not(.ok)'), /meridia-2025\.yaml is left out: it is of Federal Customs Service of Meridia/);
    await reportShown(page, '2025');
    assert.ok(await page.locator('.report-host svg').count() >= 1, 'the trend is drawn');
    const file = await downloaded(page, '#download-report');
    assert.ok(fs.readFileSync(file).equals(cli('report', ...NORTHLAND)), 'the same bytes as tradeready report');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${where}: consensus: three respondents, a difference settled, the result opened as a draft`, async () => {
    const { context, page, errors } = await open(url);
    await page.click('nav >> text=Consensus');
    const respondents = fs.readdirSync(path.join(EXAMPLES, 'consensus')).sort().map((f) => path.join(EXAMPLES, 'consensus', f));
    await page.setInputFiles('#consensus-files', respondents);
    await page.waitForSelector('fieldset.conflict');
    const toSettle = async () => Number(/(\d+) to settle/.exec(await page.textContent('.consensus .summary'))[1]);
    const before = await toSettle();
    assert.ok(before > 0, 'the respondents differ somewhere');
    // Who answered what, side by side, with the file each came from.
    assert.equal(await page.locator('#conflict-0 .given li').count() >= 2, true);
    assert.match(await page.textContent('#conflict-0'), /borovia-2026-/);
    // And what they agree on, as the draft will hold it.
    assert.ok(await page.locator('.agreed li').count() > 0, 'the agreed answers are listed');
    // The group settles the first difference with the second respondent's answer.
    const id = await page.getAttribute('fieldset.conflict:not([data-target]) >> nth=0', 'data-indicator');
    const k = (await page.getAttribute(`fieldset.conflict[data-indicator="${id}"]:not([data-target])`, 'id')).replace('conflict-', '');
    await page.check(`#pick-${k}-1`);
    assert.equal(await toSettle(), before - 1);
    // A rule for the differences left open leaves the group's own pick as it is.
    await page.check('#rule-lowest');
    assert.ok(await page.isChecked(`#pick-${k}-1`), 'the pick survives choosing a rule');
    await page.check('#rule-none');
    assert.ok(await page.isChecked(`#pick-${k}-1`), 'and going back to no rule');
    assert.equal(await toSettle(), before - 1);
    // The respondents answered 1.0.0: the agreed draft is offered to be carried forward to
    // the version the app embeds; the file as agreed holds the settled answer, uncommented.
    await page.click('#open-consensus');
    await page.waitForSelector('#carry-compatibility');
    const file = await downloaded(page, '#carry-original');
    const yaml = fs.readFileSync(file, 'utf8');
    assert.match(yaml, new RegExp(`^  ${id.replace('.', '\\.')}:\\n    (value|na):`, 'm'));
    cli('validate', file);
    await page.click('#carry-open');
    await page.waitForSelector('fieldset.indicator');
    const carried = await downloaded(page, 'text=Export YAML');
    assert.ok(fs.readFileSync(carried, 'utf8').includes(`\n  version: ${NEWEST}\n`), 'carried to the newest version');
    cli('validate', carried);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${where}: Results downloads the report, the action plan and the workbook as the command line writes them`, async () => {
    const { context, page, errors } = await open(url);
    await page.setInputFiles('#import', EXAMPLE);
    await page.waitForSelector('fieldset.indicator');
    await page.click('nav >> text=Results');
    await page.waitForSelector('#overall');
    const html = await downloaded(page, '#download-report');
    assert.equal(path.basename(html), 'xn-2026.html');
    assert.ok(fs.readFileSync(html).equals(cli('score', EXAMPLE, '--format', 'html')), 'the report, byte for byte');
    const csv = await downloaded(page, '#download-plan');
    assert.ok(fs.readFileSync(csv).equals(cli('score', EXAMPLE, '--format', 'csv')), 'the action plan, byte for byte');
    // The workbook, in the language of the page, as `score --format xlsx` writes it.
    const workbook = async (lang) => {
      const file = await downloaded(page, '#download-workbook');
      assert.equal(path.basename(file), 'xn-2026.xlsx');
      const made = path.join(path.dirname(file), `cli-${lang}.xlsx`);
      cli('score', EXAMPLE, '--format', 'xlsx', '--lang', lang, '-o', made);
      assert.ok(fs.readFileSync(file).equals(fs.readFileSync(made)), `the ${lang} workbook, byte for byte`);
    };
    await workbook('en');
    // In French, the report speaks French, as `--lang fr` does.
    await page.selectOption('select[aria-label=Language]', 'fr');
    await page.waitForSelector('html[data-profile-lang=fr]');
    const fr = await downloaded(page, '#download-report');
    assert.ok(fs.readFileSync(fr).equals(cli('score', EXAMPLE, '--format', 'html', '--lang', 'fr')), 'the French report, byte for byte');
    await workbook('fr');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('served: 50 administrations load and render on the Workshop page in under 2 s', async () => {
  // Fifty files made from the workshop set, each its own administration.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradeready-e2e-50-'));
  const files = [];
  for (let i = 0; i < 50; i++) {
    const source = fs.readFileSync(WORKSHOP[i % WORKSHOP.length], 'utf8');
    const file = path.join(dir, `admin-${String(i).padStart(2, '0')}.yaml`);
    fs.writeFileSync(file, source.replace(/^administration: \{name: ([^,}]+), code: ([^}]+)\}/m, `administration: {name: Administration ${i}, code: A${i}}`));
    files.push(file);
  }
  const { context, page, errors } = await open(SERVED);
  await page.click('nav >> text=Workshop');
  await page.waitForSelector('#workshop-files');
  const started = Date.now();
  await page.setInputFiles('#workshop-files', files);
  await reportShown(page, 'Administration 49');
  await page.waitForSelector('.report-host svg');
  const ms = Date.now() - started;
  console.log(`# workshop of 50 files: loaded and rendered in ${ms} ms (the views module fetched and compiled first)`);
  assert.equal(await page.locator('.file-list li.ok').count(), 50);
  assert.ok(ms < 2000, `50 files took ${ms} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('served: on a phone the workshop report\'s charts keep a legible size, scroll sideways and say so, in French', async () => {
  const { context, page, errors } = await openIn('fr', { width: 390, height: 844 });
  await page.click('nav >> text=Atelier');
  await page.setInputFiles('#workshop-files', WORKSHOP);
  await page.waitForFunction(() => document.querySelector('.report-host')?.shadowRoot?.querySelector('section.chart-section svg'));
  const charts = await page.evaluate(() => [...document.querySelector('.report-host').shadowRoot.querySelectorAll('section.chart-section figure')]
    .filter((f) => f.querySelector('svg')).map((f) => ({
      svg: f.querySelector('svg').getBoundingClientRect().width,
      scrolls: f.scrollWidth > f.clientWidth && getComputedStyle(f).overflowX === 'auto',
      says: getComputedStyle(f, '::before').content,
    })));
  assert.ok(charts.length >= 2);
  for (const c of charts) {
    assert.ok(c.svg >= 560, `a chart ${c.svg} px wide`);
    assert.ok(c.scrolls);
    assert.equal(c.says, '"Le graphique défile de côté →"');
  }
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0, 'the page itself does not scroll sideways');
  assert.deepEqual(errors, []);
  await context.close();
});

test('served: a workshop leaves out a second file of one administration, saying why in French, and reports the rest', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradeready-e2e-same-'));
  const later = path.join(dir, 'northland-2027.yaml');
  fs.writeFileSync(later, fs.readFileSync(NORTHLAND_2026, 'utf8').replace(/^cycle: .*$/m, 'cycle: "2027"').replace(/^as_of: .*$/m, 'as_of: 2027-09-30'));
  const { context, page, errors } = await openIn('fr', { width: 1366, height: 900 });
  await page.click('nav >> text=Atelier');
  // Files of 1.1.0, a version the app no longer embeds: the page reads them as released.
  await page.setInputFiles('#workshop-files', [NORTHLAND_2026, later, path.join(EXAMPLES, 'meridia-2026.yaml')]);
  await page.waitForSelector('.file-list li >> nth=2');
  assert.equal((await page.textContent('.file-list li >> nth=1')).trim(),
    'northland-2027.yaml est écarté : son administration a déjà un fichier ici (northland-2026.yaml) ; un atelier prend un fichier par administration (ses cycles se comparent sur la page Comparer les cycles).Retirer');
  // The two others make the workshop's report; nothing is refused in English.
  await reportShown(page, 'Meridia');
  assert.equal(await page.locator('.report-view .notice').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('served: a workshop leaves out a file of an earlier version of the profile and says how to carry it forward', async () => {
  const { context, page, errors } = await open(SERVED);
  await page.click('nav >> text=Workshop');
  await page.setInputFiles('#workshop-files', [EXAMPLE, path.join(EXAMPLES, 'meridia-2026.yaml')]);
  await page.waitForSelector('.file-list li >> nth=1');
  const said = (await page.textContent('.file-list li >> nth=1')).trim();
  assert.ok(said.startsWith(`meridia-2026.yaml is left out: it answers version 1.1.0 of this profile, and the files here answer version ${NEWEST}.`), said);
  assert.match(said, /imported on the Start page, is carried forward/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('served: a profile of the user\'s own is kept across reloads and answered; a bad one shows its errors', async () => {
  const { context, page, errors } = await open(SERVED);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradeready-e2e-'));
  const bundled = fs.readFileSync(path.join(ROOT, 'assessments/profiles/wco-resilience/1.0.0.yaml'), 'utf8');
  const own = path.join(dir, 'own.yaml');
  fs.writeFileSync(own, bundled
    .replace('\nid: wco-resilience\n', '\nid: my-profile\n')
    .replace('  en: WCO trade recovery and resilience readiness\n', '  en: "Our own readiness profile: \\"étape\\" 2"\n'));
  await page.setInputFiles('#own-profile', own);
  const option = 'Our own readiness profile: "étape" 2 (your file) my-profile 1.0.0';
  await page.waitForSelector('label[for=profile-1]');
  assert.equal(await page.textContent('label[for=profile-1]'), option);
  // Kept in browser storage, and read back after a reload.
  await page.reload();
  await page.waitForSelector('label[for=profile-1]');
  assert.equal(await page.textContent('label[for=profile-1]'), option);
  // A bad profile is refused with its errors, and the kept one stays.
  const bad = path.join(dir, 'bad.yaml');
  fs.writeFileSync(bad, 'kind: profile\nformat: 1\nid: broken\n');
  await page.setInputFiles('#own-profile', bad);
  assert.match(await page.textContent('.diagnostics'), /^bad\.yaml:/);
  assert.equal(await page.locator('#profile input[type=radio]').count(), 2);
  await page.check('#profile-1');
  await startAssessment(page);
  // The draft names the profile's text by its hash, as `tradeready new --profile` does, and
  // the command line, given the same profile file, has nothing to warn about.
  const file = await downloaded(page, 'text=Export YAML');
  const hash = createHash('sha256').update(fs.readFileSync(own)).digest('hex');
  assert.ok(fs.readFileSync(file, 'utf8').includes(`sha256: ${hash}`), 'the hash of the profile file');
  const scored = spawnSync(process.env.TRADEREADY_CLI, ['score', file, '--profile', own]);
  assert.equal(scored.status, 0, scored.stderr.toString());
  assert.ok(!scored.stderr.toString().includes('different text'), scored.stderr.toString());
  await page.click('nav >> text=Start');
  assert.match(await page.textContent('.drafts .meta'), /^my-profile 1\.0\.0 /);
  assert.deepEqual(errors, []);
  await context.close();
});

test('served: in French, a profile\'s text that has no French is marked as English for screen readers, and translated text is not', async () => {
  const { context, page, errors } = await openIn('fr', { width: 1366, height: 900 });
  // The demo profile (en, fr) translates some questions and not others.
  await page.setInputFiles('#own-profile', path.join(ROOT, 'tests/data/profiles/demo.yaml'));
  await page.waitForSelector('label[for=profile-1]');
  await page.check('#profile-1');
  await startAssessment(page);
  const legend = (id) => page.$eval(`#${id}-q`, (l) => [l.textContent, l.querySelector('[lang]')?.getAttribute('lang') ?? null]);
  const [translated, none] = await legend('governance-oga-roles');
  assert.match(translated, /^Les rôles sont-ils convenus avec les autres administrations \?/);
  assert.equal(none, null);
  const [text, lang] = await legend('governance-activation');
  assert.match(text, /^Is there an agreed mechanism to activate the trade recovery plan\?/);
  assert.equal(lang, 'en');
  assert.deepEqual(errors, []);
  await context.close();
});

test('served: the details and targets are edited, and evidence without an answer is flagged and kept', async () => {
  const { context, page, errors } = await open(SERVED);
  await startAssessment(page);
  await page.click('.details summary');
  await page.fill('#edit-cycle', '2026-H2');
  await page.press('#edit-cycle', 'Tab');
  await page.fill('#edit-assessors', 'Risk Management Directorate\nPort of Testland');
  await page.press('#edit-assessors', 'Tab');
  assert.match(await page.textContent('.details summary'), /Customs of Testland — 2026-H2/);
  await page.check('#governance-oga-roles-level-2');
  await page.selectOption('#governance-oga-roles-target', '4');
  await page.click('#governance-activation-card >> text=Add evidence');
  await page.fill('#governance-activation-card .evidence li input', 'Draft activation decree, 2025');
  await page.press('#governance-activation-card .evidence li input', 'Tab');
  // Named by its title; the exports keep it.
  assert.match(await page.textContent('.export .pending'), /the exports keep them.*: Agreed activation mechanism$/);
  await page.reload();
  await page.waitForSelector('fieldset.indicator');
  assert.equal(await page.inputValue('#governance-oga-roles-target'), '4', 'the target survives a reload');
  assert.equal(await page.inputValue('#governance-activation-card .evidence li input'), 'Draft activation decree, 2025');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Export YAML')]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tradeready-e2e-')), 'x.yaml');
  await download.saveAs(file);
  const yaml = fs.readFileSync(file, 'utf8');
  assert.match(yaml, /^cycle: 2026-H2$/m);
  assert.match(yaml, /^assessors:\n- Risk Management Directorate\n- Port of Testland$/m);
  assert.match(yaml, /^targets:\n  governance\.oga-roles: 4$/m);
  // The evidence of a question not yet answered is an entry of the file, not a comment.
  assert.match(yaml, /^ {2}governance\.activation:\n {4}evidence:\n {4}- Draft activation decree, 2025$/m);
  assert.ok(!yaml.includes('#'), 'no comments');
  assert.equal(await page.textContent('.export .ok'), 'Everything is exported.');
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('text=Export JSON')]);
  const jsonFile = path.join(path.dirname(file), 'x.json');
  await json.saveAs(jsonFile);
  assert.deepEqual(JSON.parse(fs.readFileSync(jsonFile, 'utf8')).answers['governance.activation'], { evidence: ['Draft activation decree, 2025'] });
  assert.deepEqual(errors, []);
  await context.close();
});

test('served: a draft open in two tabs takes the changes made in the other, and loses none', async () => {
  const { context, page: one, errors } = await open(SERVED);
  await startAssessment(one);
  await one.check('#governance-oga-roles-level-3');
  const two = await context.newPage();
  await two.goto(SERVED);
  await two.waitForSelector('fieldset.indicator');
  assert.ok(await two.isChecked('#governance-oga-roles-level-3'), 'the second tab opens the same draft');
  await one.check('#governance-activation-level-2');
  await two.waitForFunction(() => document.querySelector('#governance-activation-level-2').checked);
  await two.check('#governance-oga-roles-level-4');
  await one.waitForFunction(() => document.querySelector('#governance-oga-roles-level-4').checked);
  await one.reload();
  await one.waitForSelector('fieldset.indicator');
  assert.ok(await one.isChecked('#governance-oga-roles-level-4'), 'the second tab\'s change is kept');
  assert.ok(await one.isChecked('#governance-activation-level-2'), 'the first tab\'s change is kept');
  // The second tab, back on the Start page, sees a draft started in the first appear.
  await two.click('nav >> text=Start');
  await two.waitForSelector('.drafts li');
  assert.equal(await two.locator('.drafts li').count(), 1);
  await one.click('.export >> text=Close');
  await startAssessment(one, 'Customs of Otherland', '2027');
  await one.check('#governance-oga-roles-level-1');
  await two.waitForFunction(() => document.querySelectorAll('.drafts li').length === 2);
  assert.deepEqual(errors, []);
  await context.close();
});

// Two tabs changing the draft before either hears of the other's save (a slow machine): the
// stored copy is changed here behind the page's back, as the other tab's save would, with no
// storage event. The page's next save finds it newer, takes it in with its own change on
// top, and saves both; nor does opening a draft write it again.
test('served: a change saved by another tab that this one has not heard of yet is kept with this one\'s next change', async () => {
  const { context, page, errors } = await open(SERVED);
  await startAssessment(page);
  await page.check('#governance-oga-roles-level-3');
  await waitSaved(page, 'governance.oga-roles', 3);
  const behind = (text) => text.replace(/^revision: (\d+)$/m, (_, n) => `revision: ${Number(n) + 1}`)
    .replace(/(\n {4}governance\.oga-roles:\n {6}value: )3\n/, '$14\n');
  await page.evaluate((replaced) => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('tradeready.draft.'));
    localStorage.setItem(key, replaced);
  }, behind(await savedDraft(page)));
  assert.equal(await savedValue(page, 'governance.oga-roles'), 4, 'the other tab\'s save');
  await page.check('#governance-activation-level-2');
  await waitSaved(page, 'governance.activation', 2);
  assert.equal(await savedValue(page, 'governance.oga-roles'), 4, 'the other tab\'s change is not written over');
  await page.waitForFunction(() => document.querySelector('#governance-oga-roles-level-4').checked);
  // A reload opens the draft as stored and writes nothing.
  const before = await savedDraft(page);
  await page.reload();
  await page.waitForSelector('fieldset.indicator');
  assert.ok(await page.isChecked('#governance-oga-roles-level-4'));
  assert.ok(await page.isChecked('#governance-activation-level-2'));
  await page.waitForTimeout(200);
  assert.equal(await savedDraft(page), before, 'opening is not a change: nothing written');
  assert.deepEqual(errors, []);
  await context.close();
});

test('served: deleting a draft asks first, and a refusal keeps it', async () => {
  const { context, page } = await open(SERVED);
  await startAssessment(page);
  await page.check('#governance-oga-roles-level-3');
  await page.click('nav >> text=Start');
  const answers = [];
  page.on('dialog', (d) => {
    answers.push(d.message());
    return answers.length === 1 ? d.dismiss() : d.accept();
  });
  await page.click('.drafts >> text=Delete');
  assert.match(answers[0], /changes that are in no exported file/);
  assert.equal(await page.locator('.drafts li').count(), 1, 'refused: the draft stays');
  await page.click('.drafts >> text=Delete');
  await page.waitForFunction(() => document.querySelectorAll('.drafts li').length === 0);
  assert.equal(await page.locator('.drafts li').count(), 0, 'confirmed: the draft is gone');
  await context.close();
});

test('served: a lost or unreadable list of drafts is made anew from the drafts, and none drops out', async () => {
  const { context, page, errors } = await open(SERVED);
  await startAssessment(page, 'Customs of Firstland', '2025');
  await page.check('#governance-oga-roles-level-3');
  await page.click('nav >> text=Start');
  await startAssessment(page, 'Customs of Secondland', '2026');
  await page.check('#governance-oga-roles-level-2');
  const listed = async () => {
    await page.click('nav >> text=Start');
    await page.waitForSelector('.drafts li');
    return (await page.locator('.drafts .who').allTextContents()).sort();
  };
  const both = ['Customs of Firstland — 2025', 'Customs of Secondland — 2026'];
  assert.deepEqual(await listed(), both);
  for (const damage of [() => localStorage.setItem('tradeready.drafts', '[{ "id": '), () => localStorage.removeItem('tradeready.drafts')]) {
    await page.evaluate(damage);
    await page.reload();
    await page.waitForSelector('nav');
    assert.deepEqual(await listed(), both);
  }
  // The next save writes an index that still holds every draft.
  await page.click('.drafts >> text=Resume >> nth=0');
  await page.check('#governance-oga-roles-level-4');
  await page.waitForFunction(() => localStorage.getItem('tradeready.drafts') !== null);
  assert.deepEqual(JSON.parse(await page.evaluate(() => localStorage.getItem('tradeready.drafts'))).map((s) => `${s.administration} — ${s.cycle}`).sort(), both);
  assert.deepEqual(errors, []);
  await context.close();
});

test('served: the results print without the app around them', async () => {
  const { context, page, errors } = await open(SERVED);
  await page.setInputFiles('#import', EXAMPLE);
  await page.waitForSelector('fieldset.indicator');
  await page.click('nav >> text=Results');
  await page.waitForSelector('#overall');
  assert.match(await page.textContent('.results .who'), /Northland .* 2026/);
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
  await page.click('text=Print or save as PDF');
  assert.equal(await page.evaluate(() => window.printed), 1);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('header.top'), false, 'no app header on paper');
  assert.equal(await page.isVisible('button.print'), false);
  assert.ok(await page.isVisible('#overall'));
  assert.ok(await page.isVisible('.gaps'));
  // Each chart's data table is printed, open, without the toggle that opens it on screen.
  const tables = await page.$$eval('figure.chart', (figures) => figures.map((f) => [
    f.querySelector('table').checkVisibility(), f.querySelector('summary').checkVisibility()]));
  assert.ok(tables.length >= 3);
  assert.deepEqual(tables, tables.map(() => [true, false]));
  assert.deepEqual(errors, []);
  await context.close();
});

test('served: when storage is full the user is warned, exporting still works, and nothing saved before is lost', async () => {
  const { context, page, errors } = await open(SERVED);
  await startAssessment(page);
  await page.check('#governance-oga-roles-level-3');
  // Fill the origin's storage to the brim with other data.
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; ; i++) {
      try { localStorage.setItem('filler.' + i, chunk); } catch { break; }
    }
    for (let size = 128 * 1024; size >= 1; size = Math.floor(size / 2)) {
      for (let i = 0; ; i++) {
        try { localStorage.setItem(`filler.${size}.${i}`, 'x'.repeat(size)); } catch { break; }
      }
    }
  });
  await page.fill('#governance-gender-assessment-value', '2025-01-15');
  await page.press('#governance-gender-assessment-value', 'Tab');
  await page.waitForSelector('.notice.warn');
  assert.match(await page.textContent('.notice.warn'), /Browser storage is full/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Export YAML')]);
  assert.equal(download.suggestedFilename(), 'xt-2026.yaml');
  const exported = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tradeready-e2e-')), 'xt-2026.yaml');
  await download.saveAs(exported);
  assert.match(fs.readFileSync(exported, 'utf8'), /2025-01-15/, 'the export holds the change storage could not keep');
  // What was saved before storage filled up is still there, storage still full.
  await page.reload();
  await page.waitForSelector('fieldset.indicator');
  assert.ok(await page.isChecked('#governance-oga-roles-level-3'), 'the answer saved before storage filled up');
  assert.deepEqual(errors, []);
  await context.close();
});

test('served: the questionnaire works from the keyboard alone', async () => {
  const { context, page } = await open(SERVED);
  await page.focus('#administration');
  await page.keyboard.type('Customs of Keyland');
  await page.keyboard.press('Tab');
  await page.keyboard.type('XK');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2026');
  await page.keyboard.press('Enter');
  await page.waitForSelector('fieldset.indicator');
  await page.focus('#governance-recovery-arrangement-level-0');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.ok(await page.isChecked('#governance-recovery-arrangement-level-2'), 'arrow keys choose a level');
  await page.focus('#governance-recovery-arrangement-na');
  await page.keyboard.press('Space');
  assert.ok(await page.isChecked('#governance-recovery-arrangement-na'), 'space marks not applicable');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'governance-recovery-arrangement-reason', 'the reason comes next');
  await context.close();
});

test('served: the page requests nothing beyond its own files', async () => {
  const { context, page, requests } = await open(SERVED);
  await startAssessment(page);
  await page.click('nav >> text=Results');
  await page.waitForSelector('#overall');
  const origin = new URL(SERVED).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin));
  assert.deepEqual(foreign, []);
  await context.close();
});

test('served: the first load comes gzip-encoded, and its transfer is printed', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses = [];
  page.on('requestfinished', async (r) => {
    const response = await r.response();
    responses.push({ url: r.url(), encoding: response.headers()['content-encoding'], sizes: await r.sizes() });
  });
  await page.goto(SERVED);
  await page.waitForSelector('#administration');
  // Each file once (the preloaded wasm is not fetched again), and nothing else (no favicon).
  assert.deepEqual(responses.map((r) => new URL(r.url).pathname).sort(), ['/', '/style.css', '/tradeready.js', '/tradeready_bg.wasm']);
  for (const r of responses) assert.equal(r.encoding, 'gzip', r.url);
  const total = responses.reduce((n, r) => n + r.sizes.responseBodySize, 0);
  console.log(`# first-load transfer measured in Chromium: ${total} bytes (${(total / 1024).toFixed(1)} KB)`);
  await context.close();
});

for (const [size, viewport] of [['1366×768', { width: 1366, height: 768 }], ['390×844', { width: 390, height: 844 }]]) {
  for (const lang of ['en', 'fr', 'es']) {
    test(`no serious or critical accessibility violations (axe-core), ${size}, ${lang}`, async () => {
      // axe is injected by the test, so the page's own CSP is bypassed for this check only.
      const { context, page } = await open(SERVED, { bypassCSP: true, viewport });
      if (lang !== 'en') await page.selectOption('header .lang select', lang);
      const scan = async (name) => {
        await page.addScriptTag({ content: AXE });
        const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
        const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        assert.deepEqual(bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.length} nodes: ${v.help} ${v.nodes.map((n) => n.target).join(' ')}`), []);
      };
      await scan('start, with what Start still needs');
      await startAssessment(page);
      await page.click('.details summary');
      await page.click('#governance-activation-card .evidence button.add');
      await page.fill('#governance-activation-card .evidence li input', 'Draft decree');
      await page.press('#governance-activation-card .evidence li input', 'Tab');
      await page.check('#governance-poc-na');
      await page.focus('#governance-poc-reason');
      await page.press('#governance-poc-reason', 'Tab');
      await page.waitForSelector('#governance-poc-card p.problem');
      await scan('questionnaire, with the details form, the evidence-only warning and a missing reason');
      await page.fill('#governance-poc-reason', 'No mandate');
      await page.press('#governance-poc-reason', 'Tab');
      await page.click('header nav button:nth-child(3)');
      await page.waitForSelector('.results');
      await scan('results');
      await page.click('header nav button:nth-child(4)');
      await scan('framework');
      await page.click('header nav button:nth-child(6)');
      await page.setInputFiles('#workshop-files', WORKSHOP.slice(0, 3));
      await reportShown(page);
      await scan('workshop, with a report');
      await page.click('header nav button:nth-child(5)');
      await page.setInputFiles('#compare-files', NORTHLAND.slice(1));
      await reportShown(page);
      await scan('compare, with a report');
      await page.click('header nav button:nth-child(1)');
      await page.waitForSelector('.drafts li');
      await page.setInputFiles('#import', path.join(ROOT, 'tests/data/bad/unknown-field-top.yaml'));
      await page.waitForSelector('.notice.error');
      await scan('start, with the drafts list and an import error');
      await context.close();
    });
  }
}

test('served: the framework shows each answer as given, with its score', async () => {
  const { context, page, errors } = await open(SERVED);
  await page.setInputFiles('#import', EXAMPLE);
  await page.waitForSelector('fieldset.indicator');
  await page.click('nav >> text=Framework');
  const shown = async (id) => page.textContent(`li:has(code:text-is("${id}")) .answer`);
  // Each score as the command line gives it, rounded to a whole percent.
  const native = JSON.parse(cli('score', EXAMPLE, '--format', 'json').toString());
  const score = (id) => `Score ${Math.round(native.indicators.find((i) => i.id === id).score * 100)}%`;
  assert.equal(await shown('governance.oga-roles'), `Your answer: 4 — Optimised · ${score('governance.oga-roles')}`);
  assert.equal(await shown('governance.gender-assessment'), `Your answer: 2022-06-04 · ${score('governance.gender-assessment')}`);
  assert.equal(await shown('communication.partner-protocols'), `Your answer: 62% · ${score('communication.partner-protocols')}`);
  assert.equal(await shown('communication.first-advisory'), `Your answer: 48 hours · ${score('communication.first-advisory')}`);
  assert.equal(await shown('communication.scenario-channels'), `Your answer: No · ${score('communication.scenario-channels')}`);
  // The same indicators by phase of trade recovery, and under each provision they cite.
  await page.click('button:text-is("By phase")');
  assert.equal(await page.getAttribute('button:text-is("By phase")', 'aria-pressed'), 'true');
  assert.deepEqual(await page.$$eval('.framework-page h2', (hs) => hs.map((h) => h.textContent)),
    ['Prepare', 'Respond', 'Repair', 'Reconstitute', 'Resume', 'Review']);
  assert.match(await shown('governance.oga-roles'), /^Your answer: 4 — Optimised/);
  await page.click('button:text-is("By source provision")');
  const provision = page.locator('dt:has(code:text-is("TRG.relation-safe.2")) + dd');
  assert.match(await provision.textContent(), /mutual recognition/);
  assert.ok(await provision.locator('li').count() > 0, 'the indicators citing the provision are listed');
  await page.selectOption('select[aria-label=Language]', 'fr');
  await page.waitForSelector('html[data-profile-lang=fr]');
  assert.equal(await shown('communication.first-advisory'), 'Votre réponse\u202f: 48 heures · Score 35%');
  assert.deepEqual(errors, []);
  await context.close();
});

test('served: the framework says where each weight, threshold and critical flag comes from, and where each provision stands in its source', async () => {
  for (const [lang, viewport] of [['en', { width: 1366, height: 900 }], ['fr', { width: 390, height: 844 }]]) {
    const { context, page, errors } = await openIn(lang, viewport);
    await page.click(lang === 'en' ? 'nav >> text=Framework' : 'nav >> text=Référentiel');
    // The bases are not in the first load: they come with the language's full pack.
    const domain = page.locator('.framework-page section').first();
    await domain.locator('.domain-weight details.basis').waitFor();
    assert.equal(await domain.locator('.domain-weight .weight').textContent(), lang === 'en' ? 'Weight 1.5' : 'Poids 1,5');
    await domain.locator('.domain-weight summary').click();
    const why = await domain.locator('.domain-weight details.basis p').textContent();
    assert.ok(why.includes(lang === 'en' ? "the profile's own choice" : 'choix propre au profil'), why);
    assert.equal(await domain.locator('.domain-weight details.basis p').getAttribute('lang'), null, 'in the page\'s language');
    const row = (id) => page.locator(`li:has(code:text-is("${id}"))`);
    assert.equal(await row('governance.oga-roles').locator('.badge').textContent(), lang === 'en' ? 'critical' : 'critique');
    await row('risk.clearance-available').locator('summary').click();
    assert.match(await row('risk.clearance-available').locator('details.basis p').textContent(), /PSCG/);
    if (lang === 'fr') await page.screenshot({ path: path.join(os.tmpdir(), 'tradeready-framework-fr-390.png') });
    // By provision: each with its place in its source, as the source numbers it.
    await page.click(lang === 'en' ? 'button:text-is("By source provision")' : 'button:text-is("Par disposition")');
    const dt = (id) => page.locator(`dt:has(code:text-is("${id}")) .section`);
    assert.equal(await dt('TRG.prepare.1').textContent(), 'Section 4.2');
    assert.equal(await dt('TRG.prepare.1').getAttribute('lang'), null);
    assert.equal(await dt('RES.3').textContent(), 'Section Members, 3 (Review)');
    assert.equal(await dt('RES.3').getAttribute('lang'), 'en', 'a section in words is marked as English');
    if (lang === 'en') await page.screenshot({ path: path.join(os.tmpdir(), 'tradeready-framework-en-1366.png') });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('served: on a 3x screen the charts are drawn as vectors for the size shown', async () => {
  const { context, page, errors } = await open(SERVED, { deviceScaleFactor: 3 });
  await page.setInputFiles('#import', EXAMPLE);
  await page.waitForSelector('fieldset.indicator');
  await page.click('nav >> text=Results');
  await page.waitForSelector('figure.chart .drawing svg');
  await page.waitForFunction(() => document.querySelectorAll('figure.chart .drawing svg').length === 3);
  // SVG is sharp at any density and in print; each is laid out for the width it is shown at.
  const sizes = await page.$$eval('figure.chart .drawing svg', (all) => all.map((s) => [s.viewBox.baseVal.width, s.clientWidth, s.viewBox.baseVal.height, s.clientHeight]));
  assert.equal(sizes.length, 3, 'domain, phase and scenario charts');
  for (const [vw, cw, vh, ch] of sizes) {
    assert.equal(vw, cw);
    assert.ok(Math.abs(vh - ch) < 1, `height ${vh} shown ${ch}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('budgets: start page usable within 200 ms on localhost, re-scoring under 5 ms', async () => {
  // Five navigations, each in a fresh profile: one slow start on a busy machine is noise,
  // a median is a regression. Two figures: the moment the page's own clock sees the Start
  // page's first field (performance.now() from navigation, read by a MutationObserver),
  // which is what issue 16 measures, and the wall time seen from here, which adds
  // Playwright's round trips.
  const times = [];
  const inPage = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('#administration')) {
          window.__usable = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const t0 = Date.now();
    await page.goto(SERVED);
    await page.waitForSelector('#administration');
    times.push(Date.now() - t0);
    inPage.push(Math.round(await page.evaluate(() => window.__usable)));
    await context.close();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const start = median(times);
  const usable = median(inPage);
  console.log(`# start page usable ${usable} ms after navigation (median of ${inPage.join(', ')}); seen from the test ${start} ms (median of ${times.join(', ')})`);
  // The Start page lists the embedded profiles from what the build read of them (id,
  // version, title, languages) and parses none before its first paint. The goal is 200 ms
  // (issue 16, which measured about 370 ms before). On this 2-core machine, idle, on
  // 2026-12-03, five runs of 7 to 15 loads gave medians of 185 to 276 ms (single loads 147
  // to 374 ms); the wasm had arrived by 120 to 200 ms of it. The journey prints the
  // verdict; as the figure moves by a factor of two between runs of one build, it fails
  // only past 1.5 s seen from here, which a regression such as a service worker fetching
  // at load (1853 ms) crossed.
  console.log(`# start page: ${usable <= 200 ? 'within' : 'OVER'} the 200 ms goal`);
  assert.ok(start < 1500, `start page took ${start} ms`);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(SERVED);
  // Once the service worker has kept the release (it fetches it, and Chromium compiles the
  // wasm it stores, on the other core of two), so that what is timed is the scoring.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.setInputFiles('#import', EXAMPLE);
  await page.waitForSelector('fieldset.indicator');
  // The median of five re-scorings, each after a changed answer: one is one sample.
  const samples = [];
  for (let i = 0; i < 5; i++) {
    await page.click('header nav button:nth-child(2)');
    await page.check(`#governance-oga-roles-level-${i % 2 ? 4 : 3}`);
    await page.click('nav >> text=Results');
    await page.waitForSelector('#overall');
    samples.push(Number(await page.getAttribute('.results', 'data-score-ms')));
  }
  const ms = samples.sort((a, b) => a - b)[2];
  console.log(`# re-scoring the example (100 indicators) took ${ms.toFixed(2)} ms (median of ${samples.map((s) => s.toFixed(2)).join(', ')})`);
  assert.ok(ms < 5, `re-scoring took ${ms} ms`);
  await context.close();
});

/** The one draft saved in this browser profile, as stored (YAML). */
async function savedDraft(page) {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('tradeready.draft.'));
    return key ? localStorage.getItem(key) : '';
  });
}

/** The saved answer (or target) of `id`, read off the stored draft: a number, a boolean, or
 *  undefined when there is none. */
async function savedValue(page, id, { target = false } = {}) {
  const text = await savedDraft(page);
  const escaped = id.replace(/[.]/g, '\\.');
  const scalar = (v) => (v === 'true' ? true : v === 'false' ? false : Number(v));
  if (target) {
    const block = /\n {2}targets:\n((?: {4}.*\n)*)/.exec(text);
    const line = block && new RegExp(`^ {4}${escaped}: (.*)$`, 'm').exec(block[1]);
    return line ? scalar(line[1]) : undefined;
  }
  const block = new RegExp(`\\n {4}${escaped}:\\n((?: {6}.*\\n)*)`).exec(text);
  const line = block && /^ {6}value: (.*)$/m.exec(block[1]);
  return line ? scalar(line[1]) : undefined;
}

async function waitSaved(page, id, expected, options) {
  for (let i = 0; i < 50; i++) {
    const value = await savedValue(page, id, options);
    if (value === expected) return;
    await page.waitForTimeout(50);
  }
  assert.equal(await savedValue(page, id, options), expected, `saved ${options && options.target ? 'target' : 'answer'} of ${id}`);
}

/** Every answer control of the page's questions: at its centre, once scrolled into view, the
 *  element there must be the control or its label (nothing lies over it to take the tap). */
async function coveredControls(page) {
  return page.$$eval('fieldset.indicator .levels input, fieldset.indicator input[id$="-value"], fieldset.indicator input[id$="-target"], fieldset.indicator select[id$="-target"]', (controls) => {
    const covered = [];
    for (const control of controls) {
      control.scrollIntoView({ block: 'center' });
      const r = control.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const label = hit && hit.closest('label');
      const ok = hit === control || (label && (label.htmlFor === control.id || label.contains(control)));
      if (!ok) covered.push(`${control.id} under ${hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : 'nothing'}`);
    }
    return covered;
  });
}

test('served: on a 390×844 phone, answers are tapped, nothing covers them, and nothing scrolls sideways', async () => {
  const { context, page, errors } = await open(SERVED, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.equal(await sideways(), 0, 'the start page fits the width');
  await page.fill('#administration', 'Customs of Testland');
  await page.fill('#cycle', '2026');
  await page.tap('button[type=submit]');
  await page.waitForSelector('fieldset.indicator');
  // The header takes a line or two, and the domain list does not follow the scroll: a menu.
  // (Its warning of changes not yet exported, when there are some, adds its own line.)
  const header = await page.$eval('header.top', (h) => h.getBoundingClientRect().height - (h.querySelector('.dirty')?.getBoundingClientRect().height || 0));
  assert.ok(header < 100, `the header's controls are ${header} px high`);
  assert.notEqual(await page.$eval('nav.domains', (n) => getComputedStyle(n).position), 'sticky');
  assert.ok(await page.isVisible('#domain-menu'), 'the domains are a menu');
  assert.ok(!(await page.isVisible('nav.domains ol')), 'the list gives way to the menu');
  assert.deepEqual(await coveredControls(page), [], 'every answer control of the first domain is free to tap');
  for (const id of ['#governance-oga-roles-level-3', '#governance-activation-level-2']) {
    await page.locator(id).scrollIntoViewIfNeeded();
    await page.tap(id);
    assert.ok(await page.isChecked(id), `${id} is checked by a tap`);
  }
  // A tap on a label answers too.
  await page.locator('label[for=governance-oga-roles-level-4]').scrollIntoViewIfNeeded();
  await page.tap('label[for=governance-oga-roles-level-4]');
  await waitSaved(page, 'governance.oga-roles', 4);
  await waitSaved(page, 'governance.activation', 2);
  assert.equal(await sideways(), 0, 'the questionnaire fits the width');
  // The second domain, from the menu: a yes/no answer and a percentage, tapped and typed.
  await page.selectOption('#domain-menu', '1');
  await page.waitForSelector('#communication-partner-protocols-value');
  assert.deepEqual(await coveredControls(page), [], 'every answer control of the second domain is free to tap');
  await page.locator('#communication-scenario-channels-yes').scrollIntoViewIfNeeded();
  await page.tap('#communication-scenario-channels-yes');
  await waitSaved(page, 'communication.scenario-channels', true);
  await page.locator('#communication-partner-protocols-value').scrollIntoViewIfNeeded();
  await page.tap('#communication-partner-protocols-value');
  await page.keyboard.type('62');
  await page.tap('#communication-partner-protocols-card legend');
  await waitSaved(page, 'communication.partner-protocols', 0.62);
  assert.equal(await sideways(), 0);
  // Results: no chart wider than the page; the data tables are open in their place.
  await page.tap('nav >> text=Results');
  await page.waitForSelector('#overall');
  assert.equal(await sideways(), 0, 'the results fit the width');
  assert.ok(await page.$$eval('figure.chart', (fs) => fs.every((f) => f.scrollWidth <= f.clientWidth)), 'no chart scrolls sideways');
  assert.ok(await page.$$eval('figure.chart details', (ds) => ds.length > 0 && ds.every((d) => d.open)), 'the data tables are open');
  assert.ok(await page.isVisible('figure.chart table'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('served: a 700 px window lays the charts out to its width', async () => {
  const { context, page, errors } = await open(SERVED, { viewport: { width: 700, height: 900 } });
  await page.setInputFiles('#import', EXAMPLE);
  await page.waitForSelector('fieldset.indicator');
  assert.notEqual(await page.$eval('nav.domains', (n) => getComputedStyle(n).position), 'sticky');
  await page.click('nav >> text=Results');
  await page.waitForSelector('#overall');
  await page.waitForSelector('figure.chart .drawing svg');
  const [width, shown, figure] = await page.$eval('figure.chart .drawing svg', (s) => [Number(s.getAttribute('width')), s.clientWidth, s.closest('figure').clientWidth]);
  assert.equal(width, shown, 'laid out for the width shown');
  assert.ok(shown <= figure && shown >= 560, `chart ${shown} px in a figure of ${figure} px`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('served: chart labels and data tables are not cut off in any language, on a phone, a 600 px window or a laptop', async () => {
  for (const width of [390, 600, 1366]) {
    const { context, page, errors } = await open(SERVED, { viewport: { width, height: 900 } });
    await page.setInputFiles('#import', EXAMPLE);
    await page.waitForSelector('fieldset.indicator');
    await page.click('nav >> text=Results');
    await page.waitForSelector('figure.chart .drawing svg', { state: 'attached' });
    for (const lang of ['en', 'fr', 'es']) {
      const before = await page.$eval('figure.chart .drawing svg', (svg) => svg.outerHTML);
      if (lang !== 'en') {
        await page.selectOption('header .lang select', lang);
        await page.waitForFunction((l) => document.documentElement.dataset.profileLang === l, lang);
      }
      // Every text of every chart shown (drawn anew in the language) lies within its
      // drawing, as Chromium lays it out (at 600 px the narrowest layout, 560 px; at 390 px
      // the drawings are hidden, and only the data tables' fit is checked).
      const cut = await page.waitForFunction(([l, before]) => {
        const charts = [...document.querySelectorAll('figure.chart .drawing svg')];
        if (charts.length < 3 || (l !== 'en' && charts[0].outerHTML === before)) return null;
        const out = [];
        for (const svg of charts) {
          const w = Number(svg.getAttribute('width'));
          for (const t of svg.querySelectorAll('text')) {
            const b = t.getBBox();
            if (b.x < 0 || b.x + b.width > w) out.push(`${Math.round(b.x)}..${Math.round(b.x + b.width)} of ${w}: ${t.textContent.trim()}`);
          }
        }
        // Nor does a chart's figure (its data table on a phone) scroll sideways.
        for (const figure of document.querySelectorAll('figure.chart')) {
          if (figure.scrollWidth > figure.clientWidth) out.push(`a figure ${figure.scrollWidth} px wide in ${figure.clientWidth}: ${figure.querySelector('caption, figcaption')?.textContent}`);
        }
        return { lang: document.documentElement.dataset.profileLang, out };
      }, [lang, before]).then((h) => h.jsonValue());
      assert.equal(cut.lang, lang);
      assert.deepEqual(cut.out, [], `${lang} at ${width} px`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('served: numbers and percentages are never clamped or dropped without a word', async () => {
  const { context, page, errors } = await open(SERVED);
  await page.selectOption('select[aria-label=Language]', 'fr');
  await page.waitForSelector('html[data-profile-lang=fr]');
  await startAssessment(page);
  await page.click('nav.domains li:nth-child(2) button');
  const box = '#communication-partner-protocols-value';
  const card = '#communication-partner-protocols-card';
  await page.waitForSelector(box);
  const enter = async (selector, text) => {
    await page.fill(selector, text);
    await page.press(selector, 'Tab');
  };
  // The box says what it takes; the profile's "share from 0 to 1" is not shown beside it.
  assert.equal(await page.textContent(`${card} .number .hint`), 'Saisissez un pourcentage de 0 à 100.');
  assert.ok(!(await page.textContent(card)).includes('0 to 1'), 'no help text tells to write 0 to 1');
  // A decimal comma, in French.
  await enter(box, '45,5');
  await waitSaved(page, 'communication.partner-protocols', 0.455);
  assert.equal(await page.locator(`${card} .entry`).count(), 0, 'nothing to say');
  assert.equal(await page.inputValue(box), '45,5');
  // Over 100: refused, said, and the value saved before stays.
  await enter(box, '150');
  assert.equal(await page.textContent(`${card} .problem.entry`), 'Non enregistré : un pourcentage va de 0 à 100.');
  assert.equal(await page.getAttribute(box, 'aria-invalid'), 'true');
  assert.equal(await page.inputValue(box), '150', 'what was typed stays in the box, to be corrected');
  await waitSaved(page, 'communication.partner-protocols', 0.455);
  await enter(box, '-5');
  assert.equal(await page.textContent(`${card} .problem.entry`), 'Non enregistré : un pourcentage va de 0 à 100.');
  await waitSaved(page, 'communication.partner-protocols', 0.455);
  // Not a number.
  await enter(box, 'environ 40');
  assert.match(await page.textContent(`${card} .problem.entry`), /^Non enregistré : ce n'est pas un nombre\./);
  assert.equal(await page.inputValue(box), 'environ 40');
  await waitSaved(page, 'communication.partner-protocols', 0.455);
  // A share typed as a share: saved as typed, with the question and a button that applies it.
  await enter(box, '0,45');
  await waitSaved(page, 'communication.partner-protocols', 0.0045);
  assert.equal(await page.locator(`${card} .problem.entry`).count(), 0, 'the error is gone');
  assert.match(await page.textContent(`${card} .suggestion`), /Vouliez-vous dire 45 % \?/);
  await page.click(`${card} .suggestion button`);
  await waitSaved(page, 'communication.partner-protocols', 0.45);
  assert.equal(await page.inputValue(box), '45');
  assert.equal(await page.locator(`${card} .suggestion`).count(), 0);
  // The target box reads the same way.
  await enter('#communication-partner-protocols-target', '80,5');
  await waitSaved(page, 'communication.partner-protocols', 0.805, { target: true });
  await enter('#communication-partner-protocols-target', '101');
  assert.equal(await page.textContent(`${card} .target .problem.entry`), 'Non enregistré : un pourcentage va de 0 à 100.');
  await waitSaved(page, 'communication.partner-protocols', 0.805, { target: true });
  // Hours cannot be negative; a decimal comma is read; text is refused; in English too.
  const hours = '#communication-first-advisory-value';
  const hoursCard = '#communication-first-advisory-card';
  await enter(hours, '12,5');
  await waitSaved(page, 'communication.first-advisory', 12.5);
  await enter(hours, '-4');
  assert.equal(await page.textContent(`${hoursCard} .problem.entry`), 'Non enregistré : ce nombre ne peut pas être négatif.');
  await waitSaved(page, 'communication.first-advisory', 12.5);
  await page.selectOption('select[aria-label=Langue]', 'en');
  await page.waitForSelector('html[data-profile-lang=en]');
  assert.equal(await page.textContent(`${hoursCard} .problem.entry`), 'Not saved: this number cannot be negative.', 'the message follows the language');
  await enter(hours, 'two days');
  assert.match(await page.textContent(`${hoursCard} .problem.entry`), /^Not saved: this is not a number\./);
  await waitSaved(page, 'communication.first-advisory', 12.5);
  await enter('#communication-first-advisory-target', '-1');
  assert.equal(await page.textContent(`${hoursCard} .target .problem.entry`), 'Not saved: this number cannot be negative.');
  assert.equal(await savedValue(page, 'communication.first-advisory', { target: true }), undefined, 'no target saved');
  // What was saved is what the export holds.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Export YAML')]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tradeready-e2e-')), 'x.yaml');
  await download.saveAs(file);
  const yaml = fs.readFileSync(file, 'utf8');
  assert.match(yaml, /^ {2}communication\.partner-protocols:\n {4}value: 0\.45$/m);
  assert.match(yaml, /^ {2}communication\.first-advisory:\n {4}value: 12\.5$/m);
  assert.match(yaml, /^ {2}communication\.partner-protocols: 0\.805$/m);
  // A refusal lasts while the value it was refused over is saved: clearing the answer
  // empties the box and ends it.
  await enter(hours, 'two days');
  assert.equal(await page.inputValue(hours), 'two days');
  await page.click(`${hoursCard} button.clear`);
  await waitSaved(page, 'communication.first-advisory', undefined);
  assert.equal(await page.inputValue(hours), '');
  assert.equal(await page.getAttribute(hours, 'aria-invalid'), null);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [lang, viewport, words] of [
  ['fr', { width: 1366, height: 768 }, { results: 'Résultats', provisional: 'provisoire — ', band: 'En développement', capped: 'Plans, procédures et continuité des activités\u00a0: plafond de 40, car « Plan de reprise et de continuité » n\'a pas de réponse.', priority: 'Priorité ', now: 'actuel' }],
  ['es', { width: 390, height: 844 }, { results: 'Resultados', provisional: 'provisional — ', band: 'En desarrollo', capped: 'Planes, procedimientos y continuidad de las operaciones: límite de 40, porque «Plan de recuperación y continuidad» no tiene respuesta.', priority: 'Prioridad ', now: 'actual' }],
]) {
  test(`served: results in ${lang} at ${viewport.width}×${viewport.height} say they are provisional, why a cap holds, and label the action plan`, async () => {
    const { context, page, errors } = await open(SERVED, { viewport });
    await page.selectOption('select[aria-label=Language]', lang);
    await page.waitForSelector(`html[data-profile-lang=${lang}]`);
    await startAssessment(page);
    await page.check('#governance-oga-roles-level-3');
    await page.check('#governance-activation-level-2');
    await page.fill('#governance-gender-assessment-value', '2025-01-15');
    await page.press('#governance-gender-assessment-value', 'Tab');
    await goToDomain(page, 3);
    await page.check('#continuity-sops-with-business-level-4');
    await page.click(`nav >> text=${words.results}`);
    await page.waitForSelector('#overall');
    // Governance 65.4 and continuity capped at 40 (as in the first journey), in the
    // language's numbers and band.
    assert.equal(await page.textContent('#overall'), '52,7');
    assert.ok((await page.textContent('#overall-band')).includes(words.band));
    const provisional = await page.textContent('#provisional');
    assert.ok(provisional.includes(words.provisional), provisional);
    assert.ok((await page.textContent('.caps')).includes(words.capped), await page.textContent('.caps'));
    const gap = await page.textContent('.gaps li');
    assert.ok(gap.includes(words.priority) && gap.includes(words.now), gap);
    assert.ok(await page.isVisible('.gaps li .recommendation'), 'the recommendation shows without hovering');
    // The printed page keeps the provisional mark.
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.isVisible('#provisional'));
    await page.emulateMedia({ media: 'screen' });
    // The link goes to the first unanswered question, and puts the focus in it.
    const first = page.locator('#provisional p a');
    const href = await first.getAttribute('href');
    await first.click();
    await page.waitForSelector(href);
    await page.waitForFunction((card) => document.querySelector(card).contains(document.activeElement), href);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// Issue 14, items 3, 5, 6 and 7: at a laptop's size and a phone's, in two languages or more.
const SIZES = [['1366×768', { width: 1366, height: 768 }], ['390×844', { width: 390, height: 844 }]];
const WORDS = {
  en: { start: 'Start', results: 'Results', framework: 'Framework', skip: 'Skip to content', newH: 'New assessment', needed: 'Still needed: ',
    administration: 'Administration', cycle: 'Review cycle', overall: 'Overall readiness: ', completeness: 'Completeness: ', exported: 'Everything is exported.',
    emptyNa: (q) => `“${q}” is marked not applicable without a reason: write the reason.`, unexported: 'changes not exported',
    same: /^This file is the same as a draft already saved/, unknown: (f) => `Unknown field “${f}”.`,
    badLevel: (q) => `The answer to “${q}” must be one of its levels (0, 1, 2, 3, 4).` },
  fr: { start: 'Accueil', results: 'Résultats', framework: 'Référentiel', skip: 'Aller au contenu', newH: 'Nouvelle évaluation', needed: 'Encore à remplir : ',
    administration: 'Administration', cycle: "Cycle d'examen", overall: 'Préparation globale\u202f: ', completeness: 'Complétude\u202f: ', exported: 'Tout est exporté.',
    emptyNa: (q) => `« ${q} » est marqué sans objet sans motif : indiquez le motif.`, unexported: 'modifications non exportées',
    same: /^Ce fichier est identique à un brouillon déjà enregistré/, unknown: (f) => `Champ inconnu « ${f} ».`,
    badLevel: (q) => `La réponse à « ${q} » doit être un de ses niveaux (0, 1, 2, 3, 4).` },
  es: { start: 'Inicio', results: 'Resultados', framework: 'Marco', skip: 'Ir al contenido', newH: 'Nueva evaluación', needed: 'Falta completar: ',
    administration: 'Administración', cycle: 'Ciclo de examen', overall: 'Preparación global: ', completeness: 'Completitud: ', exported: 'Todo está exportado.',
    emptyNa: (q) => `«${q}» está marcado como no aplicable sin motivo: escriba el motivo.`, unexported: 'cambios sin exportar',
    same: /^Este archivo es idéntico a un borrador ya guardado/, unknown: (f) => `Campo desconocido «${f}».`,
    badLevel: (q) => `La respuesta a «${q}» debe ser uno de sus niveles (0, 1, 2, 3, 4).` },
};
/** The first evidence the profile suggests for governance.recovery-arrangement. */
const EVIDENCE = { en: 'National trade recovery or supply chain continuity plan', fr: 'Plan national de reprise des échanges ou de continuité de la chaîne logistique', es: 'Plan nacional de recuperación del comercio o de continuidad de la cadena de suministro' };
const POC = { en: 'Trade recovery point of contact', fr: 'Point de contact pour la reprise', es: 'Punto de contacto para la recuperación' };
const ROLES = { en: 'Recovery roles agreed with other agencies', fr: 'Rôles de reprise convenus avec les autres administrations', es: 'Funciones de recuperación acordadas con otros organismos' };

async function openIn(lang, viewport, options = {}) {
  const opened = await open(SERVED, { viewport, ...options });
  if (lang !== 'en') await opened.page.selectOption('header .lang select', lang);
  await opened.page.waitForFunction((l) => document.documentElement.lang === l && document.documentElement.dataset.profileLang === l, lang);
  return opened;
}

/** The focused element's id, once the move has put the focus somewhere in `selector`. */
async function focusedIn(page, selector) {
  await page.waitForFunction((s) => document.activeElement && document.activeElement.closest(s), selector);
  return page.evaluate(() => document.activeElement.id);
}

for (const [size, viewport] of SIZES) {
  for (const lang of ['en', 'fr']) {
    const W = WORDS[lang];
    test(`served, ${size}, ${lang}: Start focuses the first question, Next and the domain list the chosen domain's heading at the top; each page has its title`, async () => {
      const { context, page, errors } = await openIn(lang, viewport);
      assert.equal(await page.title(), `${W.start} — TradeReady`);
      assert.equal(await page.textContent('a.skip'), W.skip);
      await startAssessment(page);
      assert.equal(await focusedIn(page, 'fieldset.indicator'), 'governance-recovery-arrangement-level-0', 'the first question has the focus');
      const heading = () => page.textContent('#domain-h');
      const domainTitle = (n) => page.textContent(`nav.domains li:nth-child(${n}) button span`);
      assert.equal(await heading(), await domainTitle(1));
      assert.equal(await page.title(), `${await heading()} — Customs of Testland 2026 — TradeReady`);
      const atTop = async (what) => {
        assert.equal(await focusedIn(page, '#domain-h'), 'domain-h', `${what}: the heading has the focus`);
        const top = await page.$eval('#domain-h', (h) => h.getBoundingClientRect().top);
        assert.ok(top >= -1 && top < 80, `${what}: the heading is at the top (${top} px)`);
      };
      // "Next", at the bottom of the domain.
      await page.locator('.pager button.primary').scrollIntoViewIfNeeded();
      await page.click('.pager button.primary');
      await page.waitForFunction((t) => document.querySelector('#domain-h').textContent === t, await domainTitle(2));
      await atTop('Next');
      assert.equal(await page.title(), `${await domainTitle(2)} — Customs of Testland 2026 — TradeReady`);
      // The domain list: a list beside the questions, a menu on a phone.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      if (viewport.width < 900) {
        await page.selectOption('#domain-menu', '3');
      } else {
        await page.click('nav.domains li:nth-child(4) button');
      }
      await page.waitForFunction((t) => document.querySelector('#domain-h').textContent === t, await domainTitle(4));
      await atTop('the domain list');
      await page.click(`header nav >> text=${W.results}`);
      await page.waitForSelector('.results');
      assert.equal(await page.title(), `${W.results} — Customs of Testland 2026 — TradeReady`);
      await page.click(`header nav >> text=${W.framework}`);
      assert.match(await page.title(), new RegExp(`^${W.framework} — TradeReady$`));
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
  for (const lang of ['fr', 'es']) {
    const W = WORDS[lang];
    test(`served, ${size}, ${lang}: what Start needs, not applicable, evidence and its suggestions, in the language`, async () => {
      const { context, page, errors } = await openIn(lang, viewport);
      assert.equal(await page.textContent('#start-needs'), `${W.needed}${W.administration}, ${W.cycle}`);
      await page.fill('#administration', 'Customs of Testland');
      assert.equal(await page.textContent('#start-needs'), `${W.needed}${W.cycle}`);
      await page.fill('#cycle', '2026');
      assert.equal(await page.locator('#start-needs').count(), 0);
      await page.click('button[type=submit]');
      await page.waitForSelector('fieldset.indicator');
      // Not applicable: no error before the reason could be typed; one, in words, after.
      const card = '#governance-poc-card';
      await page.check('#governance-poc-na');
      await page.waitForSelector('#governance-poc-reason');
      assert.equal(await page.locator(`${card} p.problem`).count(), 0, 'no error before the reason could be typed');
      await page.focus('#governance-poc-reason');
      await page.press('#governance-poc-reason', 'Tab');
      await page.waitForSelector(`${card} p.problem`);
      assert.equal(await page.textContent(`${card} p.problem`), W.emptyNa(POC[lang]));
      await page.fill('#governance-poc-reason', 'Motivo 1');
      await page.press('#governance-poc-reason', 'Tab');
      await page.waitForFunction((c) => !document.querySelector(`${c} p.problem`), card);
      // Unticked and ticked again, the reason typed is back.
      await page.uncheck('#governance-poc-na');
      assert.equal(await page.locator('#governance-poc-reason').count(), 0);
      await page.check('#governance-poc-na');
      assert.equal(await page.inputValue('#governance-poc-reason'), 'Motivo 1');
      await waitSavedNa(page, 'governance.poc', 'Motivo 1');
      // "Add evidence" puts the cursor in the new line; a suggestion fills it.
      const first = '#governance-recovery-arrangement-card';
      await page.click(`${first} .evidence button.add`);
      // The click focuses the button first (it is in .evidence too): wait for the new line.
      await page.waitForFunction(() => document.activeElement?.id === 'governance-recovery-arrangement-evidence-0').catch(() => {});
      assert.equal(await focusedIn(page, `${first} .evidence`), 'governance-recovery-arrangement-evidence-0');
      const suggestion = page.locator(`${first} .suggested button`).first();
      // The profile gives its suggestions and help in each of its languages: nothing is marked as
      // being in another language than the page's.
      assert.equal(await suggestion.getAttribute('lang'), null);
      assert.equal(await page.getAttribute(`${first} details.help p`, 'lang'), null);
      // Each suggestion is a button "+ " and the text it adds.
      const added = async (button) => (await button.textContent()).replace(/^\+\s*/, '');
      assert.equal(await added(suggestion), EVIDENCE[lang]);
      await suggestion.click();
      assert.equal(await page.inputValue('#governance-recovery-arrangement-evidence-0'), EVIDENCE[lang]);
      assert.ok(await suggestion.isDisabled(), 'a suggestion added once is not offered again');
      const next = page.locator(`${first} .suggested button`).nth(1);
      const offered = await added(next);
      await next.click();
      assert.equal(await page.inputValue('#governance-recovery-arrangement-evidence-1'), offered);
      // The question is translated: its title is not marked.
      assert.equal(await page.locator(`${first} legend [lang]`).count(), 0);
      // Exported with its evidence though unanswered, the header says everything is.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('.export button.primary')]);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tradeready-e2e-')), 'x.yaml');
      await download.saveAs(file);
      assert.ok(fs.readFileSync(file, 'utf8').includes(`\n  governance.recovery-arrangement:\n    evidence:\n    - ${EVIDENCE[lang]}\n`));
      if (viewport.width >= 900) assert.equal(await page.textContent('.export .ok'), W.exported);
      assert.equal(await page.locator('.export .dirty').count(), 0);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
  for (const lang of ['en', 'fr']) {
    const W = WORDS[lang];
    test(`served, ${size}, ${lang}: imports name every unknown field and the question at fault, a file already saved opens its draft, drafts show their scores`, async () => {
      const { context, page, errors } = await openIn(lang, viewport);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradeready-e2e-'));
      const example = fs.readFileSync(EXAMPLE, 'utf8');
      const unknown = path.join(dir, 'unknown.yaml');
      fs.writeFileSync(unknown, example.replace('cycle: "2026"\n', 'cycle: "2026"\ncolour: red\n')
        .replace('governance.oga-roles: {value: 4,', 'governance.oga-roles: {value: 4, evidense: [x],'));
      await page.setInputFiles('#import', unknown);
      await page.waitForSelector('.notice.error');
      assert.deepEqual(await page.$$eval('.notice.error li', (ls) => ls.map((l) => l.textContent)),
        [`unknown.yaml:13:1: ${W.unknown('colour')}`, `unknown.yaml:20:36: ${W.unknown('evidense')}`]);
      const bad = path.join(dir, 'bad.yaml');
      fs.writeFileSync(bad, example.replace('governance.oga-roles: {value: 4,', 'governance.oga-roles: {value: 9,'));
      await page.setInputFiles('#import', bad);
      await page.waitForFunction(() => document.querySelector('.notice.error li').textContent.startsWith('bad.yaml'));
      assert.equal(await page.textContent('.notice.error li'), `bad.yaml:19:33: ${W.badLevel(ROLES[lang])}`);
      // The example, twice: the second import opens the draft of the first.
      await page.setInputFiles('#import', EXAMPLE);
      await page.waitForSelector('fieldset.indicator');
      await page.click(`header nav >> text=${W.start}`);
      await page.waitForSelector('.drafts li');
      await page.setInputFiles('#import', EXAMPLE);
      await page.waitForSelector('.notice.ok');
      assert.match(await page.textContent('.notice.ok'), W.same);
      await page.check('#governance-oga-roles-level-3');
      await page.click(`header nav >> text=${W.start}`);
      await page.waitForSelector('.drafts li');
      assert.equal(await page.locator('.drafts li').count(), 1, 'no copy was made');
      // Its overall score and completeness, as written in the language; the unexported mark
      // has words for a screen reader.
      const scores = await page.textContent('.drafts .scores');
      const overall = /: (\d+[.,]\d)/.exec(scores)[1];
      assert.equal(overall.includes(','), lang !== 'en', `${scores}: a decimal comma in French`);
      assert.ok(scores.startsWith(W.overall) && scores.includes(` · ${W.completeness}`), scores);
      assert.equal(await page.getAttribute('.drafts .dirty', 'aria-label'), W.unexported);
      assert.equal(await page.getAttribute('.drafts .dirty', 'role'), 'img');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

/** Waits until the stored draft holds `reason` as the na of `id`. */
async function waitSavedNa(page, id, reason) {
  const escaped = id.replace(/[.]/g, '\\.');
  for (let i = 0; i < 50; i++) {
    if (new RegExp(`\\n {4}${escaped}:\\n {6}na: ${reason}\\n`).test(await savedDraft(page))) return;
    await page.waitForTimeout(50);
  }
  assert.fail(`the reason ${reason} of ${id} is not saved:\n${await savedDraft(page)}`);
}

test('served: a first visit follows the browser\'s preferred language when the app has it, and a choice made wins', async () => {
  for (const [locale, heading] of [['es-MX', 'Nueva evaluación'], ['fr-FR', 'Nouvelle évaluation'], ['de-DE', 'New assessment']]) {
    const { context, page } = await open(SERVED, { locale });
    assert.equal(await page.textContent('#new-h'), heading, locale);
    if (locale === 'es-MX') {
      await page.selectOption('header .lang select', 'en');
      await page.reload();
      await page.waitForSelector('#administration');
      assert.equal(await page.textContent('#new-h'), 'New assessment', 'the choice is remembered over the browser\'s');
    }
    await context.close();
  }
});

test('served: the focus ring has at least 3:1 contrast against white', async () => {
  const { context, page } = await open(SERVED);
  await page.focus('#administration');
  await page.keyboard.press('Tab');
  const colour = await page.evaluate(() => getComputedStyle(document.activeElement).outlineColor);
  const [r, g, b] = colour.match(/\d+/g).map(Number).map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const ratio = 1.05 / (luminance + 0.05);
  assert.ok(ratio >= 3, `focus ring ${colour}: ${ratio.toFixed(2)}:1`);
  await context.close();
});

// The clauses' text is not in the first load (the lite pack): it comes with the language's
// full pack when "sources cited" is opened, served or inline in the single file.
for (const [where, url] of [['served', SERVED], ['file://', SINGLE]]) {
  test(`${where}: the clauses' text arrives when "sources cited" is opened`, async () => {
    const { context, page, errors, requests } = await open(url);
    await startAssessment(page);
    assert.equal(requests.filter((u) => u.includes('pack-')).length, 0, 'no pack in the first load');
    await page.click('fieldset.indicator details.refs summary');
    await page.waitForFunction(() => {
      const dd = document.querySelector('fieldset.indicator details.refs dd');
      return dd && dd.textContent.trim().length > 20;
    });
    if (where === 'served') assert.ok(requests.some((u) => u.endsWith(`pack-wco-resilience-${NEWEST}-en.yaml`)));
    assert.deepEqual(errors, []);
    await context.close();
  });
}


/** What the Start page says of each saved draft (profile, version, dates). */
async function draftsListed(page) {
  await page.click('nav >> text=Start');
  return page.locator('.drafts .meta').allTextContents();
}

test('served: an assessment of 1.0.0 is carried forward to the newest version, shows what moved, and opens as a new draft', async () => {
  const { context, page, errors } = await open(SERVED);
  // The app embeds the newest version only: importing a file of 1.0.0 opens the Carry forward page.
  await page.setInputFiles('#import', EARLIER);
  await page.waitForSelector('#carry-compatibility');
  assert.equal(await page.locator('fieldset.indicator').count(), 0, 'nothing opened before it is accepted');
  // What the command line reports, shown.
  const report = JSON.parse(cli('migrate', EARLIER, '--to', NEWEST, '--format', 'json').toString());
  const compatibility = report.report?.compatibility ?? report.compatibility;
  assert.match(await page.textContent('#carry-compatibility'), new RegExp(`${Math.round(compatibility * 100)}`));
  const dropped = (report.report?.dropped ?? report.dropped).map((d) => d.id);
  assert.ok(dropped.length > 0, `the 1.0.0 example has an answer ${NEWEST} drops`);
  for (const id of dropped) assert.match(await page.textContent('#carry-dropped'), new RegExp(id.replace('.', '\\.')));
  // The carried file is the command line's, and the original file is offered too, unchanged.
  const carried = await downloaded(page, '#carry-download');
  // Named after the file it comes from.
  assert.equal(path.basename(carried), `northland-2025-${NEWEST}.yaml`);
  assert.equal(fs.readFileSync(carried, 'utf8'), cli('migrate', EARLIER, '--to', NEWEST).toString());
  const original = await downloaded(page, '#carry-original');
  assert.ok(fs.readFileSync(original).equals(fs.readFileSync(EARLIER)), 'the original, byte for byte');
  // Accepted: a new draft of the newest version, the one draft there is (the original was a file).
  await page.click('#carry-open');
  await page.waitForSelector('fieldset.indicator');
  const exported = await downloaded(page, 'text=Export YAML');
  assert.equal(fs.readFileSync(exported, 'utf8'), fs.readFileSync(carried, 'utf8'));
  const metas = await draftsListed(page);
  assert.equal(metas.length, 1, metas.join(' | '));
  assert.ok(metas[0].startsWith(`wco-resilience ${NEWEST} `), metas[0]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('served: while a later version is on offer, the questionnaire offers to carry the open draft forward, and both drafts stay when something is not carried', async () => {
  const { context, page, errors } = await open(SERVED);
  // A later version of one's own: the newest as the next minor version, without one of its
  // questions, which its migrations drop with a reason.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradeready-e2e-'));
  const later = path.join(dir, 'later.yaml');
  const text = fs.readFileSync(path.join(ROOT, `assessments/profiles/wco-resilience/${NEWEST}.yaml`), 'utf8');
  const [major, minor] = NEWEST.split('.').map(Number);
  const next = `${major}.${minor + 1}.0`;
  const version = new RegExp(`^version: ${NEWEST.replaceAll('.', '\\.')}$`, 'm');
  const question = /^ {6}- id: governance\.green-customs\n(?: {8}.*\n)*/m;
  for (const re of [version, /^migrations:$/m, question]) assert.match(text, re);
  fs.writeFileSync(later, text.replace(version, `version: ${next}`).replace(question, '')
    .replace(/^migrations:$/m, `migrations:\n  - from: ${NEWEST}\n    indicators:\n      governance.green-customs: {drop: "Not asked in ${next}"}`));
  await page.setInputFiles('#own-profile', later);
  await page.waitForSelector('label[for=profile-1]');
  await page.setInputFiles('#import', EXAMPLE);
  await page.waitForSelector('fieldset.indicator');
  assert.ok((await page.textContent('.notice.newer')).includes(`Version ${next} of this profile is on offer.`));
  await page.click('#carry-draft');
  await page.waitForSelector('#carry-compatibility');
  assert.match(await page.textContent('#carry-dropped'), /governance\.green-customs/);
  await page.click('#carry-open');
  await page.waitForSelector('fieldset.indicator');
  assert.match(await page.textContent('.notice.ok'), /original draft.*stays in your drafts/);
  const metas = await draftsListed(page);
  assert.equal(metas.filter((m) => m.startsWith(`wco-resilience ${next} `)).length, 1, metas.join(' | '));
  assert.equal(metas.filter((m) => m.startsWith(`wco-resilience ${NEWEST} `)).length, 1, metas.join(' | '));
  assert.deepEqual(errors, []);
  await context.close();
});

test('served: a draft saved under a version the app no longer offers opens, is carried forward and loses nothing', async () => {
  const { context, page, errors } = await open(SERVED);
  // A draft saved while the app offered 1.0.0: 1.0.0 loaded as the user's own, answered,
  // then gone from storage, so that the app offers the newest only, as after the upgrade.
  await page.setInputFiles('#own-profile', path.join(ROOT, 'assessments/profiles/wco-resilience/1.0.0.yaml'));
  await page.waitForSelector('label[for=profile-1]');
  await page.check('#profile-1');
  await startAssessment(page);
  await page.check('#governance-oga-roles-level-3');
  await page.click('#governance-oga-roles-card >> text=Add evidence');
  await page.fill('#governance-oga-roles-card .evidence li input', 'Roles decree 12/2026');
  await page.press('#governance-oga-roles-card .evidence li input', 'Tab');
  await page.fill('#governance-oga-roles-card label.note textarea', 'Agreed at the March meeting');
  await page.press('#governance-oga-roles-card label.note textarea', 'Tab');
  await page.click('#governance-activation-card >> text=Add evidence');
  await page.fill('#governance-activation-card .evidence li input', 'Draft activation decree');
  await page.press('#governance-activation-card .evidence li input', 'Tab');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('tradeready.draft.')
    && localStorage.getItem(k).includes('Draft activation decree')));
  await page.evaluate(() => localStorage.removeItem('tradeready.profiles'));
  await page.reload();
  // The draft that was open cannot be answered as it stands: the app offers to carry it.
  await page.waitForSelector('#carry-compatibility');
  assert.match(await page.textContent('.carry .intro'), /This draft answers wco-resilience version 1\.0\.0, which this app no longer offers/);
  assert.match(await page.textContent('#carry-compatibility'), /100/);
  await page.click('#carry-open');
  await page.waitForSelector('fieldset.indicator');
  assert.equal(await page.isChecked('#governance-oga-roles-level-3'), true);
  assert.equal(await page.inputValue('#governance-oga-roles-card .evidence li input'), 'Roles decree 12/2026');
  assert.equal(await page.inputValue('#governance-oga-roles-card label.note textarea'), 'Agreed at the March meeting');
  assert.equal(await page.inputValue('#governance-activation-card .evidence li input'), 'Draft activation decree');
  // Everything was carried, so the original draft has gone; the new one answers the newest.
  const metas = await draftsListed(page);
  assert.equal(metas.length, 1, metas.join(' | '));
  assert.ok(metas[0].startsWith(`wco-resilience ${NEWEST} `), metas[0]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('served: a gap adopted as an action on Results is saved, survives a reload and is exported', async () => {
  const { context, page, errors } = await open(SERVED);
  await startAssessment(page);
  await page.check('#governance-oga-roles-level-1');
  await page.click('nav >> text=Results');
  const first = page.locator('.gaps > li').first();
  await first.locator('button.adopt').click();
  await first.locator('fieldset.adopted input.owner').fill('Risk Management Directorate');
  await first.locator('fieldset.adopted input.owner').press('Tab');
  await first.locator('fieldset.adopted input.due').fill('2027-06-30');
  await first.locator('fieldset.adopted input.due').press('Tab');
  await first.locator('fieldset.adopted select.status').selectOption('in-progress');
  const id = (await first.locator('fieldset.adopted').getAttribute('id')).replace(/-plan$/, '');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('tradeready.draft.')
    && localStorage.getItem(k).includes('in-progress')));
  await page.reload();
  await page.click('nav >> text=Results');
  const kept = page.locator(`#${id}-plan`);
  await kept.waitFor();
  assert.equal(await kept.locator('input.owner').inputValue(), 'Risk Management Directorate');
  assert.equal(await kept.locator('input.due').inputValue(), '2027-06-30');
  assert.equal(await kept.locator('select.status').inputValue(), 'in-progress');
  const file = await downloaded(page, 'text=Export YAML');
  const yaml = fs.readFileSync(file, 'utf8');
  assert.match(yaml, /^actions:\n {2}\S+:\n {4}owner: Risk Management Directorate\n {4}due: '?2027-06-30'?\n {4}status: in-progress$/m);
  // The command line takes the file as it is.
  cli('validate', file);
  // Removed, it is gone from the file too.
  await kept.locator('button.remove').click();
  await page.waitForSelector(`#${id}-plan.adopt`);
  assert.ok(!fs.readFileSync(await downloaded(page, 'text=Export YAML'), 'utf8').includes('actions:'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('served: cycles answered under 1.0.0 and 1.1.0 compare, all carried to the newest, as the command line reports them', async () => {
  const { context, page, errors } = await open(SERVED);
  await page.click('nav >> text=Compare cycles');
  const cycles = [...NORTHLAND, path.join(EXAMPLES, 'northland-2026.yaml')];
  await page.setInputFiles('#compare-files', cycles);
  await page.waitForFunction(() => document.querySelectorAll('.file-list li.ok').length === 4);
  await reportShown(page, '2026');
  const file = await downloaded(page, '#download-report');
  assert.ok(fs.readFileSync(file).equals(cli('report', ...cycles)), 'the same bytes as tradeready report');
  assert.deepEqual(errors, []);
  await context.close();
});

/** A static server of `dir` that can be stopped (the network cut) and started again on the
 * same address, as the served app's folder on a ministry's web server. */
async function folderServer(dir) {
  const types = { html: 'text/html; charset=utf-8', js: 'text/javascript', wasm: 'application/wasm', css: 'text/css' };
  const server = http.createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url, 'http://here').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(dir, name);
    if (name.includes('..') || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': types[path.extname(file).slice(1)] || 'text/plain', 'Cache-Control': 'no-cache' });
    response.end(fs.readFileSync(file));
  });
  let port = 0;
  const start = () => new Promise((ok) => server.listen(port, '127.0.0.1', () => { port = server.address().port; ok(); }));
  const stop = () => new Promise((ok) => { server.close(() => ok()); server.closeAllConnections(); });
  await start();
  return { url: `http://127.0.0.1:${port}/`, start, stop };
}

test('served: opened once, the app opens again with the network cut, pages and languages included, and offers a new release when one is deployed', async () => {
  // The served app's files (not the single file), on a server of the test's own.
  const dist = path.dirname(process.env.TRADEREADY_FILE);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradeready-offline-'));
  for (const f of fs.readdirSync(dist)) if (!f.endsWith('.gz') && f !== 'tradeready.html') fs.copyFileSync(path.join(dist, f), path.join(dir, f));
  const server = await folderServer(dir);
  const { context, page, errors } = await open(server.url);
  // The service worker has kept every file of the release and controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const kept = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('tradeready-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname.slice(1)).sort();
  });
  for (const f of ['', 'index.html', 'style.css', 'tradeready.js', 'tradeready_bg.wasm', 'views.js', 'views_bg.wasm', `pack-wco-resilience-${NEWEST}-fr.yaml`, 'profile-wco-resilience-1.0.0.yaml', 'profile-wco-resilience-1.1.0.yaml', 'profile-wco-resilience-1.2.0.yaml']) {
    assert.ok(kept.includes(f), `${f || './'} is kept (${kept.join(', ')})`);
  }
  await startAssessment(page);
  await page.check('#governance-oga-roles-level-3');

  // The network cut: the server is gone, and nothing that is not kept can be had.
  await server.stop();
  assert.equal(await page.evaluate(() => fetch('/not-kept.txt').then(() => 'fetched', () => 'refused')), 'refused');
  await page.reload();
  await page.waitForSelector('fieldset.indicator');
  assert.ok(await page.isChecked('#governance-oga-roles-level-3'), 'the draft, as it was');
  // A page of the views module (fetched on first use) and another language, offline.
  await page.click('nav >> text=Workshop');
  await page.waitForSelector('h1:text-is("Workshop")');
  await page.setInputFiles('#workshop-files', WORKSHOP);
  await reportShown(page);
  await page.selectOption('header .lang select', 'fr');
  await page.waitForFunction(() => document.documentElement.lang === 'fr' && document.documentElement.dataset.profileLang === 'fr');
  assert.equal(await page.locator('#update').count(), 0, 'no release offered while none is new');

  // A new release is deployed: any file changed gives a new service worker, which installs
  // beside the running one; the page offers it and reloads into it only when asked.
  const released = fs.readFileSync(path.join(dir, 'index.html'), 'utf8').replace('<title>TradeReady</title>', '<title>TradeReady</title><meta name="release" content="next">');
  fs.writeFileSync(path.join(dir, 'index.html'), released);
  fs.writeFileSync(path.join(dir, 'sw.js'), fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').replace(/const CACHE = "tradeready-[0-9a-f]+"/, 'const CACHE = "tradeready-next"'));
  await server.start();
  await page.reload();
  await page.waitForSelector('#update button', { timeout: 15000 });
  assert.equal(await page.locator('meta[name=release]').count(), 0, 'still the release the page opened with');
  assert.match(await page.textContent('#update'), /nouvelle version/, 'in the language of the page');
  await Promise.all([page.waitForEvent('load'), page.click('#update button')]);
  await page.waitForSelector('meta[name=release]', { state: 'attached' });
  assert.deepEqual(await page.evaluate(() => caches.keys()), ['tradeready-next'], 'the old release is gone');
  await page.click('header nav button:nth-child(2)'); // the questionnaire, in French
  await page.waitForSelector('fieldset.indicator');
  assert.ok(await page.isChecked('#governance-oga-roles-level-3'), 'nothing lost across the release');
  assert.deepEqual(errors, []);
  await context.close();
  await server.stop();
});

// Soak (issue 16): many changes in one page's life, many reloads, and a second tab changing
// the same draft in between; every answer ends where its last change put it, and the page's
// JS heap does not grow past twice what it was.
test('served: soak: 500 answer changes and 50 reloads with a second tab changing the draft between them lose nothing, and the heap stays within twice its start', async (t) => {
  const { context, page: one, errors } = await open(SERVED);
  await startAssessment(one);
  // The questions of the first domain answered on a scale: the radio buttons of each.
  const groups = await one.$$eval('fieldset.indicator', (sets) => sets
    .map((set) => [...set.querySelectorAll('input[type=radio]')].map((r) => r.id))
    .filter((ids) => ids.length > 1));
  assert.ok(groups.length >= 4, `${groups.length} questions on a scale`);
  const two = await context.newPage();
  two.on('pageerror', (e) => errors.push(`second tab: ${e.message}`));
  await two.goto(SERVED);
  await two.waitForSelector('fieldset.indicator');
  await one.bringToFront();
  const last = new Map(); // question -> the radio its last change chose
  const checked = (page, ids) => page.waitForFunction((ids) => ids.every((id) => document.getElementById(id)?.checked), ids);
  const expected = () => [...last.values()];
  // The second tab, once it has every change of the first, changes one answer: its save
  // reaches the first tab as a storage event, which takes it in.
  let twos = 0;
  // The tab the user is in is in front: a tab behind has its frames throttled.
  const fromTwo = async () => {
    await two.bringToFront();
    await checked(two, expected());
    const g = (twos * 5 + 2) % groups.length;
    const id = groups[g][(twos + 1) % groups[g].length];
    twos += 1;
    await two.check('#' + id);
    last.set(g, id);
    await one.bringToFront();
    await checked(one, [id]);
  };
  const cdp = await context.newCDPSession(one);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const start = await heap();
  for (let i = 0; i < 500; i++) {
    const g = i % groups.length;
    const id = groups[g][(Math.floor(i / groups.length) + g) % groups[g].length];
    await one.check('#' + id);
    last.set(g, id);
    if (i % 10 === 9) await fromTwo();
  }
  await checked(one, expected());
  const end = await heap();
  t.diagnostic(`JS heap of the page: ${start} bytes at the start, ${end} after 500 changes and ${twos} from the second tab`);
  assert.ok(end <= 2 * start, `the heap grew from ${start} to ${end} bytes`);
  // 50 reloads, each followed by a change in each tab; after each, everything is there.
  for (let r = 0; r < 50; r++) {
    await one.reload();
    await one.waitForSelector('fieldset.indicator');
    await checked(one, expected());
    const g = r % groups.length;
    const id = groups[g][r % groups[g].length];
    await one.check('#' + id);
    last.set(g, id);
    await fromTwo();
  }
  await one.reload();
  await one.waitForSelector('fieldset.indicator');
  const lost = await one.evaluate((ids) => ids.filter((id) => !document.getElementById(id).checked), expected());
  assert.deepEqual(lost, [], 'every answer where its last change put it');
  assert.deepEqual(errors, []);
  await context.close();
});
