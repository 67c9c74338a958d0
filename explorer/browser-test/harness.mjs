// The browser test's harness (see ../browser-test.mjs): Debian's Chromium launched
// through playwright-core with every host but loopback blocked and a strict
// Content-Security-Policy on every page, one page shared by every step, and the helpers
// the steps use. Imported once; the step files run in the order browser-test.mjs
// imports them.
import { chromium } from 'playwright-core';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strings } from '../src/explorer/i18n.js';

const base = process.env.ATLAS_URL || 'http://127.0.0.1:8080';
const shots = process.env.SCREENSHOT_DIR || 'test-artifacts';
mkdirSync(shots, { recursive: true });
for (const f of readdirSync(shots)) if (/^\d\d-.*\.png$/.test(f)) rmSync(join(shots, f));
const GROUP = 'group/foreign-affairs-leading-small-group';

const results = [];
const blocked = [];
const consoleErrors = [];
let page;

// Text that must never reach the screen: raw errors, error codes, nulls and the like.
const ERROR_TEXT = /.{0,50}(\bnull\b|\bundefined\b|\bNaN\b|\[object Object\]|\b(LIMIT_EXCEEDED|INVALID|INTERNAL|NOT_FOUND|UNAVAILABLE|UNAUTHORIZED)\b|\bError\b|\bexceeds\b|Could not be read|Cannot query field|Unexpected token).{0,30}/;

// screenClean fails when the page shows error text or the console logged an error since
// the last check.
async function screenClean() {
  if (!page.url().includes('/explore/')) return;
  const text = await page.evaluate(() => document.body.innerText);
  const m = text.match(ERROR_TEXT);
  if (m) throw new Error(`error text on screen: "${m[0].replace(/\s+/g, ' ')}"`);
  if (consoleErrors.length) throw new Error(`console errors: ${consoleErrors.splice(0).join(' | ')}`);
}

async function step(name, fn, { after } = {}) {
  const t0 = Date.now();
  try {
    try { await fn(); } finally { if (after) await after(); }
    await screenClean();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}: ${e.message}`);
  }
  try { await page.screenshot({ path: join(shots, `${String(results.length).padStart(2, '0')}-${name.replace(/\W+/g, '-')}.png`) }); } catch { /* the page may be gone */ }
}

const assert = (cond, msg) => { if (!cond) throw new Error(msg); };

// readmeShot writes a README screenshot when README_SCREENSHOTS names a folder, after
// checking the page shows no error text.
async function readmeShot(name) {
  await screenClean();
  if (process.env.README_SCREENSHOTS) await page.screenshot({ path: join(process.env.README_SCREENSHOTS, name) });
}

// The Cytoscape.js instance of a container, as Cytoscape.js registers it on the element.
const graphInfo = (sel = '#cy') => page.evaluate((s) => {
  const cy = document.querySelector(s)._cyreg.cy;
  const shown = cy.nodes().filter((n) => n.visible());
  return {
    positions: Object.fromEntries(cy.nodes().map((n) => [n.id(), [Math.round(n.position('x')), Math.round(n.position('y'))]])),
    shown: shown.map((n) => n.id()).sort(),
    sizes: shown.map((n) => n.data('size')),
    colours: shown.map((n) => n.data('colour')),
    selected: cy.nodes(':selected').map((n) => n.id()),
  };
}, sel);

async function api(query, variables = {}) {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
const networkSize = async (asOf) => (await api(`query($a: PartialDate) { network(ids: ["${GROUP}"], depth: 1, asOf: $a, limit: 400) { nodes { id } } }`, { a: asOf })).network.nodes.length;

// openGraph loads the Explorer at hash afresh (a reload, since only the hash changes)
// and waits until its graph is drawn.
async function openGraph(hash) {
  await page.goto(`${base}/explore/#${hash}`);
  await page.reload();
  await page.waitForSelector('#graph-status[data-state=ready]', { timeout: 15000 });
}

async function drawn() {
  await page.waitForSelector('#graph-status[data-state=ready]', { timeout: 15000 });
  return Number(await page.getAttribute('#graph-status', 'data-nodes'));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, deviceScaleFactor: 1 });
// The pages must work under a strict Content-Security-Policy (no inline scripts, nothing
// off our origin), so the test adds one to every page it loads, unless the service sent one.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
await context.route('**/*', async (route) => {
  const url = new URL(route.request().url());
  if (['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    if (route.request().resourceType() !== 'document') return route.continue();
    const res = await route.fetch();
    const headers = res.headers();
    headers['content-security-policy'] ??= CSP;
    return route.fulfill({ response: res, headers });
  }
  blocked.push(url.href);
  return route.abort('blockedbyclient');
});
page = await context.newPage();
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${new URL(page.url()).pathname}: ${m.text()}${m.location()?.url ? ` (${m.location().url}:${m.location().lineNumber}:${m.location().columnNumber})` : ''}`); });
page.on('pageerror', (e) => consoleErrors.push(String(e)));

async function downloadBytes(selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click(selector)]);
  const bytes = readFileSync(await dl.path());
  writeFileSync(join(shots, dl.suggestedFilename()), bytes);
  return bytes;
}

async function download(selector) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click(selector)]);
  const path = await dl.path();
  const text = readFileSync(path, 'utf8');
  writeFileSync(join(shots, dl.suggestedFilename()), text);
  return text;
}

// finish closes the browser, prints the tally and exits non-zero when a step failed.
export async function finish() {
  await browser.close();
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

export { base, shots, GROUP, page, context, blocked, consoleErrors, screenClean, step, assert, readmeShot, graphInfo, api, networkSize, openGraph, drawn, downloadBytes, download, strings };
