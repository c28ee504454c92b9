// Stored learners: look one up by id, see their progress over time and their
// mastery per stage as charts, and their recommendations; save the Learner
// view's state as one.

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

// Progress over time: after each event (GET …/progress, oldest first), the
// sum of every item's latest mastery as a share of the catalog's items; one
// point per event, joined as steps.
function timeChart(ctx, events) {
  if (!events.length) return h('p', {class: 'muted', id: 'timeline-chart', text: 'No progress events yet.'});
  const latest = new Map();
  const points = events.map((e) => {
    latest.set(e.item, e.mastery);
    let sum = 0;
    for (const m of latest.values()) sum += m;
    return {t: Date.parse(e.at), share: sum / Math.max(1, ctx.items.length), e};
  });
  const width = 360, height = 140, left = 40, top = 8, plotW = width - left - 8, plotH = height - 32;
  const t0 = points[0].t, t1 = points[points.length - 1].t;
  const maxShare = Math.max(...points.map((p) => p.share), 0.01);
  const x = (t) => left + (t1 > t0 ? (t - t0) / (t1 - t0) : 0.5) * plotW;
  const y = (v) => top + plotH - (v / maxShare) * plotH;
  let d = '';
  points.forEach((p, i) => { d += i ? ` H${x(p.t)} V${y(p.share)}` : `M${x(p.t)} ${y(p.share)}`; });
  return s('svg', {class: 'chart', id: 'timeline-chart', role: 'img', viewBox: `0 0 ${width} ${height}`,
    'aria-label': `Progress over time: ${events.length} events, ` +
      `${fmt(points[points.length - 1].share * 100, 1)}% of the catalog mastered`},
  s('path', {d, class: 'line', fill: 'none'}),
  points.map((p) => s('circle', {cx: x(p.t), cy: y(p.share), r: 3, class: 'fill',
    'data-item': p.e.item}, s('title', {text: `${p.e.at}: ${p.e.item} ${fmt(p.e.mastery, 2)}`}))),
  s('text', {x: 0, y: top + 10, class: 'sub', text: `${fmt(maxShare * 100, 1)}%`}),
  s('text', {x: 0, y: top + plotH, class: 'sub', text: '0%'}),
  s('text', {x: left, y: height - 6, class: 'sub', text: events[0].at.slice(0, 10)}),
  s('text', {x: width - 8, y: height - 6, class: 'sub', 'text-anchor': 'end',
    text: events[events.length - 1].at.slice(0, 10)}));
}

async function show(ctx, out, lid) {
  const learner = await api('GET', `/v1/learners/${enc(lid)}`);
  const recs = await api('GET', `/v1/learners/${enc(lid)}/recommendations?k=5&explain=true`);
  const history = await api('GET', `/v1/learners/${enc(lid)}/progress?limit=1000`);
  const same = learner.catalog === ctx.catalog.id;
  const goals = Object.entries(learner.goals).map(([g, w]) => `${g} (${w})`).join(', ') || 'none';
  fill(out,
    h('article', {class: 'details', id: 'learner-card', 'data-learner': learner.id},
      h('h3', {text: learner.id}),
      h('p', {class: 'muted small', text: `catalog ${learner.catalog} · created ` +
        `${learner.created_at || '?'} · updated ${learner.updated_at}`}),
      h('p', {text: `Goals: ${goals}. ${Object.keys(learner.mastery).length} items with mastery.`}),
      h('h4', {text: `Progress over time (${history.total} events` +
        `${history.truncated ? ', the latest 1,000 shown' : ''})`}),
      same ? timeChart(ctx, history.events)
        : h('p', {class: 'muted', text: `Pick the catalog ${learner.catalog} to see the charts.`}),
      h('h4', {text: 'Mastery per stage'}),
      same ? stageChart(ctx, learner.mastery) : null,
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
