// Learner: set mastery per item (grouped by stage), pick and weight goals,
// and see the top-k ranking with each item's explanation.

import {api, enc} from '../api.js';
import {h, fill, errorBox, labelled, debounce} from '../dom.js';
import {state} from '../state.js';
import {goalPicker} from './pickers.js';
import {rankedItem, itemDetails} from './explain.js';

export const title = 'Learner';

const LEVELS = [['0', 'not yet'], ['0.5', 'half'], ['1', 'mastered']];

function masterySelect(item, onchange) {
  const value = state.mastery[item.id] ?? 0;
  const select = h('select', {'data-mastery': item.id},
    LEVELS.map(([v, text]) => h('option', {value: v, text, selected: Number(v) === value})));
  select.addEventListener('change', () => {
    const v = Number(select.value);
    if (v === 0) delete state.mastery[item.id];
    else state.mastery[item.id] = v;
    onchange();
  });
  return labelled(item.title, select, {class: 'item-row'});
}

// Items matching the search text, in <details> per stage.
function masteryPanel(ctx, onchange) {
  const list = h('div', {class: 'stages'});
  const search = h('input', {type: 'search', id: 'item-search', value: state.q,
    placeholder: 'id, title or alias'});
  const draw = () => {
    const q = state.q.toLowerCase();
    const groups = ctx.catalog.stages.map((stage) => {
      const items = ctx.items.filter((i) => i.stage === stage.id &&
        (!q || i.id.includes(q) || i.title.toLowerCase().includes(q)));
      if (items.length === 0) return null;
      const known = items.filter((i) => state.mastery[i.id]).length;
      return h('details', {open: Boolean(q) || known > 0, 'data-stage': stage.id},
        h('summary', {text: `${stage.title || stage.id} (${known}/${items.length})`}),
        items.map((i) => masterySelect(i, onchange)));
    });
    fill(list, groups.some(Boolean) ? groups : h('p', {class: 'muted', text: 'No item matches.'}));
  };
  search.addEventListener('input', debounce(() => {
    state.q = search.value.trim();
    draw();
    onchange(false);
  }, 150));
  draw();
  return h('section', {class: 'panel', 'aria-label': 'Mastery'},
    h('h3', {text: 'Mastery'}), labelled('Search items', search), list);
}

export async function render(root, ctx) {
  const ranking = h('ol', {class: 'ranking', id: 'ranking', 'aria-live': 'polite'});
  const message = h('div');
  const details = h('aside', {class: 'panel', id: 'details', 'aria-label': 'Item details'},
    h('p', {class: 'muted', text: 'Pick an item of the ranking to see its details.'}));
  const k = h('input', {type: 'number', id: 'k', min: '1', max: '100', value: String(state.k)});

  const pick = async (id) => {
    try {
      const item = await api('GET', `/v1/catalogs/${enc(state.catalog)}/items/${enc(id)}`);
      fill(details, itemDetails(ctx, item, state.mastery, pick));
      details.focus?.();
    } catch (error) {
      fill(details, errorBox(error));
    }
  };

  let asked = 0;
  const refresh = async () => {
    const mine = ++asked;
    ranking.setAttribute('aria-busy', 'true');
    try {
      const body = {mastery: state.mastery, goals: state.goals, k: state.k, explain: true};
      const answer = await api('POST', `/v1/catalogs/${enc(state.catalog)}/recommendations`, body);
      if (mine !== asked) return;
      fill(message, answer.items.length ? null
        : h('p', {class: 'muted', text: 'Nothing left to recommend.'}));
      fill(ranking, answer.items.map((item, i) => rankedItem(ctx, item, i, pick)));
    } catch (error) {
      if (mine !== asked) return;
      fill(ranking);
      fill(message, errorBox(error));
    }
    ranking.setAttribute('aria-busy', 'false');
  };
  const changed = (rank = true) => {
    ctx.changed();
    if (rank) refresh();
  };
  k.addEventListener('change', () => {
    state.k = Math.max(1, Math.round(Number(k.value)) || 10);
    changed();
  });

  root.append(h('div', {class: 'grid3'},
    masteryPanel(ctx, changed),
    h('section', {class: 'panel', 'aria-label': 'Ranking'},
      h('h3', {text: 'Next to learn'}),
      goalPicker(ctx, state.goals, changed),
      labelled('How many (k)', k),
      message, ranking),
    details));
  await refresh();
}
