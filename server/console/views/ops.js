// Operations: catalogs with versions, plugins, metrics highlights, reload.

import {api, enc} from '../api.js';
import {h, fill, errorBox, fmt} from '../dom.js';

export const title = 'Operations';

// Prometheus text -> [{name, labels, value}] (comments skipped).
export function parseMetrics(text) {
  const out = [];
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{([^}]*)\})?\s+(\S+)$/.exec(line.trim());
    if (!m) continue;
    const labels = {};
    for (const pair of (m[2] || '').split(',')) {
      const [k, v] = pair.split('=');
      if (k && v) labels[k] = v.replace(/^"|"$/g, '');
    }
    out.push({name: m[1], labels, value: Number(m[3])});
  }
  return out;
}

function highlights(samples) {
  const sum = (name, test = () => true) => samples
    .filter((x) => x.name === name && test(x.labels)).reduce((a, x) => a + x.value, 0);
  const requests = (cls) => sum('pathrank_http_requests_total', (l) => l.status?.[0] === cls);
  return [
    ['Ready', sum('pathrank_ready') ? 'yes' : 'no'],
    ['Catalogs loaded', sum('pathrank_catalogs_loaded')],
    ['Catalog generation', sum('pathrank_catalog_generation')],
    ['Learners stored', sum('pathrank_learners_stored')],
    ['Requests 2xx / 4xx / 5xx', `${requests('2')} / ${requests('4')} / ${requests('5')}`],
    ['Reloads ok / failed', `${sum('pathrank_catalog_reloads_total', (l) => l.result === 'ok')} / ` +
      `${sum('pathrank_catalog_reloads_total', (l) => l.result === 'failed')}`],
    ['Store errors', sum('pathrank_store_errors_total')],
  ];
}

async function section(el, load) {
  try {
    fill(el, await load());
  } catch (error) {
    fill(el, errorBox(error));
  }
}

const table = (caption, head, rows) => h('div', {class: 'scroll'}, h('table', {},
  h('caption', {text: caption}),
  h('thead', {}, h('tr', {}, head.map((t) => h('th', {scope: 'col', text: t})))),
  h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {text: String(c ?? '–')})))))));

export async function render(root) {
  const catalogs = h('div', {id: 'ops-catalogs'});
  const plugins = h('div', {id: 'ops-plugins'});
  const metrics = h('div', {id: 'ops-metrics'});
  const reloadOut = h('div', {id: 'reload-out', 'aria-live': 'polite'});
  const loadAll = () => Promise.all([
    section(catalogs, async () => {
      const list = (await api('GET', '/v1/catalogs')).catalogs;
      const full = await Promise.all(list.map((c) => api('GET', `/v1/catalogs/${enc(c.id)}`)));
      return table('Catalogs', ['id', 'title', 'version', 'items', 'clauses', 'goals', 'loaded'],
        list.map((c, i) => [c.id, c.title, c.version, c.items, c.clauses, c.goals, full[i].loaded_at]));
    }),
    section(plugins, async () => {
      const list = (await api('GET', '/v1/plugins')).plugins;
      if (!list.length) return h('p', {class: 'muted', text: 'No plugin is configured.'});
      return table('Plugins', ['name', 'version', 'ABI', 'catalogs', 'progress sources', 'loaded'],
        list.map((p) => [p.name, p.version, p.abi_version, (p.catalogs || []).join(', '),
          (p.progress_sources || []).join(', '), p.loaded ? 'yes' : 'no']));
    }),
    section(metrics, async () => {
      const text = await api('GET', '/metrics', undefined, {text: true});
      return h('dl', {class: 'stats'}, highlights(parseMetrics(text)).map(([k, v]) =>
        [h('dt', {text: k}), h('dd', {text: typeof v === 'number' ? fmt(v, 0) : v})]));
    }),
  ]);
  const reload = h('button', {type: 'button', id: 'reload', text: 'Reload catalogs (admin)',
    onclick: async () => {
      reload.disabled = true;
      try {
        const r = await api('POST', '/v1/admin/reload');
        fill(reloadOut, h('p', {class: 'ok', role: 'status', text: `Reloaded: generation ${r.generation}; ` +
          r.catalogs.map((c) => `${c.id} ${c.ok ? `v${c.version}` : `failed (${c.error})`}`).join(', ')}));
        await loadAll();
      } catch (error) {
        fill(reloadOut, errorBox(error));
      }
      reload.disabled = false;
    }});
  root.append(h('div', {class: 'grid2'},
    h('section', {class: 'panel', 'aria-label': 'Catalogs'}, h('h3', {text: 'Catalogs'}), catalogs,
      reload, reloadOut),
    h('section', {class: 'panel', 'aria-label': 'Metrics'}, h('h3', {text: 'Metrics'}), metrics),
    h('section', {class: 'panel', 'aria-label': 'Plugins'}, h('h3', {text: 'Plugins'}), plugins)));
  await loadAll();
}
