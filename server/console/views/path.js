// Path: the plan to the goals as an SVG graph. Stages are columns, each
// planned item a node (title, hours, week), prerequisite edges between them.

import {api, enc} from '../api.js';
import {h, s, fill, errorBox, labelled, fmt} from '../dom.js';
import {state} from '../state.js';
import {goalPicker} from './pickers.js';

export const title = 'Path';

const NODE_W = 180;
const NODE_H = 46;
const COL_GAP = 60;
const ROW_GAP = 14;
const PAD = 30;

const clip = (text, n) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

// The SVG of `steps`: columns in the catalog's stage order.
export function pathGraph(ctx, steps) {
  const order = ctx.catalog.stages.map((st) => st.id);
  const stages = order.filter((id) => steps.some((step) => step.stage === id));
  const at = new Map();
  const rows = stages.map(() => 0);
  for (const step of steps) {
    const col = Math.max(0, stages.indexOf(step.stage));
    at.set(step.id, {x: PAD + col * (NODE_W + COL_GAP), y: PAD + 20 + rows[col]++ * (NODE_H + ROW_GAP)});
  }
  const width = PAD * 2 + Math.max(1, stages.length) * (NODE_W + COL_GAP) - COL_GAP;
  const height = PAD * 2 + 20 + Math.max(1, ...rows) * (NODE_H + ROW_GAP);
  const edges = [];
  for (const step of steps) {
    const from = at.get(step.id);
    for (const id of step.required_by || []) {
      const to = at.get(id);
      if (!to) continue;
      const x1 = from.x + NODE_W;
      const y1 = from.y + NODE_H / 2;
      const x2 = to.x;
      const y2 = to.y + NODE_H / 2;
      // Within a column the edge loops on the right, from one node to the other.
      const d = to.x === from.x
        ? `M${x1},${y1} C${x1 + 28},${y1} ${x1 + 28},${y2} ${x1 + 2},${y2}`
        : `M${x1},${y1} C${x1 + (x2 - x1) / 2},${y1} ${x2 - (x2 - x1) / 2},${y2} ${x2},${y2}`;
      edges.push(s('path', {class: 'edge', 'data-from': step.id, 'data-to': id, d}));
    }
  }
  const headers = stages.map((id, col) => s('text', {class: 'col-title',
    x: PAD + col * (NODE_W + COL_GAP), y: PAD, text: id}));
  const nodes = steps.map((step) => {
    const {x, y} = at.get(step.id);
    const target = step.target_of && step.target_of.length ? ' target' : '';
    return s('g', {class: `node${target}`, 'data-item': step.id, transform: `translate(${x},${y})`},
      s('title', {text: `${step.title}: ${step.reason}`}),
      s('rect', {width: NODE_W, height: NODE_H, rx: 6}),
      s('text', {x: 8, y: 18, text: clip(step.title, 26)}),
      s('text', {x: 8, y: 36, class: 'sub', text: `${fmt(step.hours, 1)} h · week ${step.week}`}));
  });
  return s('svg', {class: 'path-graph', id: 'path-svg', role: 'img', width, height,
    viewBox: `0 0 ${width} ${height}`,
    'aria-label': `Plan of ${steps.length} items in ${stages.length} stages`},
  s('defs', {}, s('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5,
    markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse'},
  s('path', {d: 'M0,0 L10,5 L0,10 z', class: 'arrow'}))),
  headers, edges, nodes);
}

export async function render(root, ctx) {
  const out = h('div', {id: 'path-out'});
  const hpw = h('input', {type: 'number', id: 'hpw', min: '1', max: '168', step: '1',
    value: String(state.hpw)});
  const refresh = async () => {
    const body = {mastery: state.mastery, goals: state.goals, hours_per_week: state.hpw};
    try {
      const plan = await api('POST', `/v1/catalogs/${enc(state.catalog)}/paths`, body);
      fill(out,
        h('p', {class: 'summary', id: 'path-weeks',
          text: `${plan.steps.length} items, ${fmt(plan.total_hours, 1)} hours: ` +
            `${plan.weeks} weeks at ${fmt(plan.hours_per_week, 1)} hours a week.`}),
        plan.steps.length ? h('div', {class: 'scroll'}, pathGraph(ctx, plan.steps))
          : h('p', {class: 'muted', text: 'Nothing to learn for these goals: pick a goal.'}));
    } catch (error) {
      fill(out, errorBox(error));
    }
  };
  const changed = () => {
    ctx.changed();
    refresh();
  };
  hpw.addEventListener('change', () => {
    state.hpw = Number(hpw.value) || 10;
    changed();
  });
  const known = Object.keys(state.mastery).length;
  root.append(h('div', {class: 'stack'},
    h('section', {class: 'panel', 'aria-label': 'Plan settings'},
      labelled('Hours per week', hpw),
      goalPicker(ctx, state.goals, changed),
      h('p', {class: 'muted small'}, `Items already known: ${known} (set in the `,
        h('a', {href: '#', onclick: (e) => { e.preventDefault(); ctx.go('learner'); },
          text: 'Learner view'}), ').')),
    h('section', {class: 'panel wide', 'aria-label': 'Plan'}, out)));
  await refresh();
}
