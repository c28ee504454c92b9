// Stored learners: look one up by id, see their mastery per stage as a
// chart and their recommendations; save the Learner view's state as one.

import {api, enc} from '../api.js';
import {h, s, fill, errorBox, labelled, fmt} from '../dom.js';
import {state} from '../state.js';
import {rankedItem} from './explain.js';

export const title = 'Stored learners';

// Horizontal bars: the mean mastery of each stage's items.
function stageChart(ctx, mastery) {
  const rows = ctx.catalog.stages.map((stage) => {
    const items = ctx.items.filter((i) => i.stage === stage.id);
    const sum = items.reduce((acc, i) => acc + (mastery[i.id] || 0), 0);
    return {stage, share: items.length ? sum / items.length : 0, n: items.length};
  });
  const width = 360;
  const bar = 200;
  return s('svg', {class: 'chart', id: 'progress-chart', role: 'img', viewBox: `0 0 ${width} ${rows.length * 24 + 8}`,
    'aria-label': 'Mastery per stage'},
  rows.map((r, i) => s('g', {transform: `translate(0,${i * 24 + 4})`, 'data-stage': r.stage.id},
    s('text', {x: 0, y: 14, class: 'sub', text: r.stage.id}),
    s('rect', {x: 110, y: 3, width: bar, height: 14, class: 'track'}),
    s('rect', {x: 110, y: 3, width: Math.round(bar * r.share), height: 14, class: 'fill'}),
    s('text', {x: 110 + bar + 6, y: 14, class: 'sub', text: `${Math.round(r.share * 100)}%`}))));
}

async function show(ctx, out, lid) {
  const learner = await api('GET', `/v1/learners/${enc(lid)}`);
  const recs = await api('GET', `/v1/learners/${enc(lid)}/recommendations?k=5&explain=true`);
  const goals = Object.entries(learner.goals).map(([g, w]) => `${g} (${w})`).join(', ') || 'none';
  fill(out,
    h('article', {class: 'details', id: 'learner-card', 'data-learner': learner.id},
      h('h3', {text: learner.id}),
      h('p', {class: 'muted small', text: `catalog ${learner.catalog} · created ` +
        `${learner.created_at || '?'} · updated ${learner.updated_at}`}),
      h('p', {text: `Goals: ${goals}. ${Object.keys(learner.mastery).length} items with mastery.`}),
      h('h4', {text: 'Progress: mastery per stage'}),
      learner.catalog === ctx.catalog.id ? stageChart(ctx, learner.mastery)
        : h('p', {class: 'muted', text: `Pick the catalog ${learner.catalog} to see the chart.`}),
      h('h4', {text: 'Recommendations'}),
      h('ol', {class: 'ranking', id: 'learner-recs'},
        recs.items.map((item, i) => rankedItem(ctx, item, i, () => {})))));
}

// PUT the learner (catalog, goals), then one progress event per item.
async function save(lid) {
  await api('PUT', `/v1/learners/${enc(lid)}`, {catalog: state.catalog, goals: state.goals});
  const events = Object.entries(state.mastery).map(([item, mastery]) => ({item, mastery}));
  if (events.length) await api('POST', `/v1/learners/${enc(lid)}/progress`, {events});
}

export async function render(root, ctx) {
  const out = h('div', {id: 'learner-out', 'aria-live': 'polite'});
  const id = h('input', {type: 'text', id: 'lid', value: state.lid, required: true,
    pattern: '[a-z0-9][a-z0-9._-]*', placeholder: 'ada'});
  const lookup = async () => {
    state.lid = id.value.trim();
    ctx.changed();
    if (!state.lid) return;
    try {
      await show(ctx, out, state.lid);
    } catch (error) {
      fill(out, errorBox(error));
    }
  };
  const form = h('form', {class: 'row', onsubmit: (e) => { e.preventDefault(); lookup(); }},
    labelled('Learner id', id), h('button', {type: 'submit', text: 'Look up'}),
    h('button', {type: 'button', id: 'save-learner', onclick: async () => {
      state.lid = id.value.trim();
      try {
        await save(state.lid);
        await lookup();
      } catch (error) {
        fill(out, errorBox(error));
      }
    }, text: 'Save the Learner view as this learner'}));
  root.append(h('section', {class: 'panel'}, form,
    h('p', {class: 'muted small', text: `Saving writes the catalog, the goals and ` +
      `${Object.keys(state.mastery).length} mastery values of the Learner view (needs the write role).`}),
    out));
  if (state.lid) await lookup();
}
