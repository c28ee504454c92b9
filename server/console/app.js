// The console's shell: navigation, API key, catalog, and the current view.
// Each view is a module of views/ exporting `title` and `render(root, ctx)`.

import {api, apiKey, setApiKey, enc} from './api.js';
import {h, fill, errorBox} from './dom.js';
import {state, readHash, writeHash, hashOf, VIEWS} from './state.js';
import * as learner from './views/learner.js';
import * as path from './views/path.js';
import * as team from './views/team.js';
import * as learners from './views/learners.js';
import * as ops from './views/ops.js';

const views = {learner, path, team, learners, ops};
const main = document.getElementById('main');
const nav = document.getElementById('nav');
const catalogSelect = document.getElementById('catalog');

// What every view reads: the catalog summary, its items, and helpers.
const ctx = {
  catalog: null,  // GET /v1/catalogs/{cid}
  items: [],      // every item summary, in stage order
  byId: new Map(),
  // A view calls this after changing `state`: the URL and the nav follow.
  changed() {
    writeHash();
    renderNav();
  },
  // Opens another view (keeps the state).
  go(view) {
    location.hash = hashOf(view);
  },
};

function renderNav() {
  fill(nav, VIEWS.map((v) => h('a', {
    href: hashOf(v),
    'aria-current': v === state.view ? 'page' : null,
    text: views[v].title,
  })));
}

async function loadCatalogs() {
  const {catalogs} = await api('GET', '/v1/catalogs');
  fill(catalogSelect, catalogs.map((c) => h('option', {value: c.id, text: `${c.title} (${c.id})`})));
  if (!catalogs.some((c) => c.id === state.catalog)) state.catalog = catalogs[0] ? catalogs[0].id : '';
  catalogSelect.value = state.catalog;
}

async function loadCatalog() {
  if (!state.catalog) throw new Error('No catalog is served.');
  if (ctx.catalog && ctx.catalog.id === state.catalog) return;
  const cid = enc(state.catalog);
  const catalog = await api('GET', `/v1/catalogs/${cid}`);
  const items = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await api('GET', `/v1/catalogs/${cid}/items?limit=1000&offset=${offset}`);
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) break;
  }
  ctx.catalog = catalog;
  ctx.items = items;
  ctx.byId = new Map(items.map((i) => [i.id, i]));
}

let generation = 0;

async function show() {
  const mine = ++generation;
  readHash();
  renderNav();
  const view = views[state.view];
  document.title = `${view.title} · pathrank console`;
  fill(main, h('p', {class: 'muted', text: 'Loading…'}));
  try {
    await loadCatalogs();
    if (state.view !== 'ops') await loadCatalog();
    if (mine !== generation) return;
    writeHash();
    renderNav();
    fill(main, h('h2', {text: view.title}));
    await view.render(main, ctx);
  } catch (error) {
    if (mine !== generation) return;
    fill(main, h('h2', {text: view.title}), errorBox(error));
  }
}

document.getElementById('key').value = apiKey();
document.getElementById('settings').addEventListener('submit', (event) => {
  event.preventDefault();
  setApiKey(document.getElementById('key').value.trim());
  ctx.catalog = null;
  show();
});
catalogSelect.addEventListener('change', () => {
  state.catalog = catalogSelect.value;
  state.mastery = {};
  state.goals = {};
  state.team = [];
  state.tgoals = {};
  writeHash();
  show();
});
window.addEventListener('hashchange', show);
show();
