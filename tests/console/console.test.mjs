// The web console in a real browser (Debian's chromium, headless) against a
// real `pathrank serve` on 127.0.0.1. Run by run.sh (CTest Console.Browser).

import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {startServer, launch, openPage, unexpectedErrors, apiJson, rankingIds,
  screenshotPath} from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const CID = 'go-backend';
const goalBox = (id) => `input[data-goal="${id}"]`;

test('GET / is the console: HTML, CSP, ETag, and the files are embedded', async () => {
  const res = await fetch(`${server.base}/`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/html/);
  assert.match(res.headers.get('content-security-policy'), /default-src 'self'/);
  const etag = res.headers.get('etag');
  assert.ok(etag);
  const again = await fetch(`${server.base}/`, {headers: {'If-None-Match': etag}});
  assert.equal(again.status, 304);
  const js = await fetch(`${server.base}/console/views/path.js`);
  assert.match(js.headers.get('content-type'), /^text\/javascript/);
});

// Waits until the answer to the latest request is drawn and shows exactly
// `ids`, in order. The view marks the ranking aria-busy from the moment a
// control changes until that answer is drawn, so an earlier answer with the
// same ids (an empty goal set often ranks like a single goal) cannot satisfy it.
async function waitForRanking(page, ids) {
  await page.waitForFunction((want) => {
    const ranking = document.querySelector('#ranking');
    return ranking?.getAttribute('aria-busy') === 'false' &&
      [...ranking.querySelectorAll('li.rank')].map((el) => el.dataset.item).join() === want;
  }, ids.join());
}

const recommend = async (goals) => (await apiJson(server.base, 'POST',
  `/v1/catalogs/${CID}/recommendations`, {goals, k: 10})).items.map((i) => i.id);

test('the ranking changes when a goal changes, and the URL reproduces it', async () => {
  const none = await recommend({});
  const rest = await recommend({'rest-api': 1});
  const cloud = await recommend({'cloud-native': 1});
  assert.notDeepEqual(rest, none);
  assert.notDeepEqual(cloud, rest);
  const page = await openPage(browser);
  await page.goto(`${server.base}/#learner?catalog=${CID}`);
  assert.deepEqual(await rankingIds(page), none);
  await page.check(goalBox('rest-api'));
  await waitForRanking(page, rest);
  await page.uncheck(goalBox('rest-api'));
  await page.check(goalBox('cloud-native'));
  await waitForRanking(page, cloud);
  // Each item carries its explanation: bars and the goal chain.
  assert.ok(await page.locator('#ranking li.rank').first().locator('.bars dt').count() >= 5);
  const chains = await page.locator('#ranking .chains li .tag').allTextContents();
  assert.ok(chains.length > 0);
  assert.ok(chains.every((goal) => goal === 'cloud-native'), chains.join());
  // A shared link reproduces the view.
  const url = page.url();
  assert.match(url, /g=cloud-native%3A1|g=cloud-native:1/);
  const other = await openPage(browser);
  await other.goto(url);
  assert.deepEqual(await rankingIds(other), cloud);
  assert.equal(await other.isChecked(goalBox('cloud-native')), true);
  assert.deepEqual(unexpectedErrors(page), []);
  assert.deepEqual(unexpectedErrors(other), []);
});

test('an item with an unmet prerequisite never appears', async () => {
  const page = await openPage(browser);
  // go-basic-syntax mastered, go-structs-methods only half known: items that
  // require go-structs-methods (go-interfaces...) stay blocked.
  await page.goto(`${server.base}/#learner?catalog=${CID}&k=100&g=microservices:1`);
  await rankingIds(page);
  await page.fill('#item-search', 'syntax');
  await page.selectOption('select[data-mastery="go-basic-syntax"]', '1');
  await page.fill('#item-search', 'struct');
  await page.selectOption('select[data-mastery="go-structs-methods"]', '0.5');
  await page.waitForFunction(() => location.hash.includes('go-structs-methods%3A0.5') ||
    location.hash.includes('go-structs-methods:0.5'));
  await page.waitForSelector('#ranking[aria-busy="false"] li.rank');
  const mastery = {'go-basic-syntax': 1, 'go-structs-methods': 0.5};
  const expected = (await apiJson(server.base, 'POST', `/v1/catalogs/${CID}/recommendations`,
    {mastery, goals: {microservices: 1}, k: 100})).items.map((i) => i.id);
  await waitForRanking(page, expected);
  const shown = await rankingIds(page);
  assert.ok(shown.length > 0);
  for (const id of shown) {
    const item = await apiJson(server.base, 'GET', `/v1/catalogs/${CID}/items/${id}`);
    for (const clause of item.requires || []) {
      const met = Math.max(...clause.any_of.map((a) => mastery[a] || 0));
      assert.ok(met >= 0.6, `${id} is shown but its prerequisite ${clause.any_of} is unmet`);
    }
  }
  // go-interfaces is one such item: blocked, so absent.
  const blocked = await apiJson(server.base, 'POST', `/v1/catalogs/${CID}/recommendations`,
    {mastery, goals: {microservices: 1}, k: 100, include_blocked: true});
  assert.ok(blocked.items.some((i) => i.id === 'go-interfaces' && !i.ready));
  assert.ok(!shown.includes('go-interfaces'));
  assert.equal(await page.locator('#ranking li.rank[data-ready="false"]').count(), 0);
  // Details: what an item unlocks.
  await page.locator('#ranking li.rank button.link').first().click();
  await page.waitForSelector('#details article.details');
  assert.ok(await page.locator('#details h4', {hasText: 'Unlocks'}).count() === 1);
  assert.deepEqual(unexpectedErrors(page), []);
});

test('the path SVG has one node per planned item, and weeks follow hours per week', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.base}/#path?catalog=${CID}&g=rest-api:1`);
  await page.waitForSelector('#path-svg g.node');
  const plan = await apiJson(server.base, 'POST', `/v1/catalogs/${CID}/paths`,
    {goals: {'rest-api': 1}, hours_per_week: 10});
  const nodes = await page.$$eval('#path-svg g.node', (els) => els.map((el) => el.dataset.item));
  assert.deepEqual(nodes, plan.steps.map((s) => s.id));
  assert.ok(await page.locator('#path-svg path.edge').count() > 0);
  assert.match(await page.textContent('#path-weeks'), new RegExp(`${plan.weeks} weeks`));
  await page.fill('#hpw', '3');
  await page.dispatchEvent('#hpw', 'change');
  const slow = await apiJson(server.base, 'POST', `/v1/catalogs/${CID}/paths`,
    {goals: {'rest-api': 1}, hours_per_week: 3});
  assert.ok(slow.weeks > plan.weeks);
  await page.waitForFunction((w) => document.querySelector('#path-weeks')?.textContent
    .includes(`${w} weeks`), slow.weeks);
  assert.deepEqual(unexpectedErrors(page), []);
});

test('the team view shows each member in every framework\'s fit', async () => {
  const page = await openPage(browser);
  const team = 'ana~go-basic-syntax:1,goroutines:1|ben~go-basic-syntax:1|cy~';
  await page.goto(`${server.base}/#team?catalog=${CID}&team=${team}&tg=microservices:1`);
  await page.waitForSelector('#team-out li.match');
  assert.equal(await page.locator('fieldset.member').count(), 3);
  for (const match of await page.locator('#team-out li.match').all()) {
    const rows = await match.locator('tbody tr').evaluateAll((els) => els.map((e) => e.dataset.member));
    assert.deepEqual(rows, ['ana', 'ben', 'cy']);
  }
  await page.click('#add-member');
  await page.waitForFunction(() => document.querySelector('#team-out li.match tbody')
    ?.children.length === 4);
  assert.deepEqual(unexpectedErrors(page), []);
});

test('API errors are shown in words, not JSON', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.base}/#team?catalog=${CID}&team=ana~no-such-item:1`);
  const alert = page.locator('#main [role="alert"]').first();
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /no-such-item|unknown/i);
  assert.match(text, /422/);
  assert.doesNotMatch(text, /[{}]|"type"/);
  await page.goto(`${server.base}/#learners?catalog=${CID}&lid=nobody`);
  await page.waitForSelector('#learner-out [role="alert"]');
  const missing = await page.textContent('#learner-out [role="alert"]');
  assert.match(missing, /not found/i);
  assert.doesNotMatch(missing, /[{}]/);
  assert.deepEqual(unexpectedErrors(page, [404, 422]), []);
});

test('a stored learner: saved from the Learner view, looked up with chart and recommendations',
  async () => {
    const page = await openPage(browser);
    await page.goto(`${server.base}/#learners?catalog=${CID}&m=go-basic-syntax:1,go-environment:1` +
      '&g=rest-api:1');
    await page.fill('#lid', 'ada');
    await page.click('#save-learner');
    await page.waitForSelector('#learner-card[data-learner="ada"]');
    const stored = await apiJson(server.base, 'GET', '/v1/learners/ada');
    assert.deepEqual(stored.mastery, {'go-basic-syntax': 1, 'go-environment': 1});
    assert.equal(await page.locator('#progress-chart g[data-stage]').count(), 7);
    // Progress over time: one point per stored event, in the API's time order.
    const history = await apiJson(server.base, 'GET', '/v1/learners/ada/progress');
    assert.equal(history.total, 2);
    assert.deepEqual(
      await page.locator('#timeline-chart circle').evaluateAll((cs) => cs.map((c) => c.dataset.item)),
      history.events.map((e) => e.item));
    const recs = await apiJson(server.base, 'GET', '/v1/learners/ada/recommendations?k=5');
    assert.deepEqual(await rankingIds(page, '#learner-recs li.rank'), recs.items.map((i) => i.id));
    assert.deepEqual(unexpectedErrors(page), []);
  });

test('with API keys: the console loads without a key, asks for one, then works', async () => {
  const key = 'console-test-key';
  const sha = createHash('sha256').update(key).digest('hex');
  const keyed = await startServer({PATHRANK_API_KEYS: `ops:admin:${sha}`});
  try {
    const page = await openPage(browser);
    await page.goto(`${keyed.base}/#ops`);
    const alert = page.locator('#main [role="alert"]').first();
    await alert.waitFor();
    assert.match(await alert.textContent(), /API key/);
    await page.fill('#key', key);
    await page.click('#settings button[type="submit"]');
    await page.waitForSelector('#ops-catalogs table');
    assert.match(await page.textContent('#ops-catalogs'), /1\.0\.0/);
    assert.match(await page.textContent('#ops-metrics'), /Catalogs loaded/);
    await page.click('#reload');
    await page.waitForSelector('#reload-out .ok');
    assert.match(await page.textContent('#reload-out'), /generation 2/);
    assert.deepEqual(unexpectedErrors(page, [401]), []);
  } finally {
    await keyed.stop();
  }
});

test('every control has a label, and the keyboard reaches the views', async () => {
  const page = await openPage(browser);
  for (const view of ['learner', 'path', 'team', 'learners', 'ops']) {
    await page.goto(`${server.base}/#${view}?catalog=${CID}&g=rest-api:1&lid=`);
    await page.waitForSelector('#main h2');
    await page.waitForLoadState('networkidle');
    const unlabelled = await page.$$eval('input, select, textarea, button', (els) => els
      .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') &&
        !(el.tagName === 'BUTTON' && el.textContent.trim()))
      .map((el) => el.outerHTML.slice(0, 80)));
    assert.deepEqual(unlabelled, [], `${view}: controls without a label`);
  }
  await page.goto(`${server.base}/#learner?catalog=${CID}`);
  await rankingIds(page);
  const focused = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    focused.push(await page.evaluate(() => document.activeElement.textContent.trim()));
  }
  assert.ok(focused.includes('Path'), `Tab reached ${focused}`);
  assert.deepEqual(unexpectedErrors(page), []);
});

test('screenshots of every view at phone and desktop width', async () => {
  const views = {
    learner: `#learner?catalog=${CID}&m=go-basic-syntax:1,go-environment:1,go-data-types:1` +
      '&g=microservices:1,rest-api:0.5&k=5',
    path: `#path?catalog=${CID}&g=rest-api:1&m=go-basic-syntax:1`,
    team: `#team?catalog=${CID}&team=ana~go-basic-syntax:1,goroutines:1|ben~go-basic-syntax:1` +
      '&tg=microservices:1',
    learners: `#learners?catalog=${CID}&lid=ada`,
    ops: `#ops?catalog=${CID}`,
  };
  for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 820]]) {
    const page = await openPage(browser, width, height);
    for (const [view, hash] of Object.entries(views)) {
      await page.goto(`${server.base}/${hash}`);
      await page.waitForSelector('#main h2');
      await page.waitForLoadState('networkidle');
      if (view === 'learner' && name === 'desktop') {
        await page.locator('#ranking li.rank button.link').first().click();
        await page.waitForSelector('#details article.details');
      }
      await page.screenshot({path: screenshotPath(`${view}-${name}`)});
    }
    assert.deepEqual(unexpectedErrors(page), []);
  }
});
