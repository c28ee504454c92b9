// A ranked item with its explanation: score terms as small bars, missing
// prerequisites, the goal chain. Used by the Learner and Stored learners views.

import {h, fmt} from '../dom.js';

const TERMS = ['coverage', 'relevance', 'unlock', 'foundation', 'sequence', 'effort'];

// Bars for a terms object; widths relative to the largest magnitude.
export function termBars(terms, names = Object.keys(terms)) {
  const max = Math.max(1e-9, ...names.map((n) => Math.abs(terms[n] || 0)));
  return h('dl', {class: 'bars'}, names.filter((n) => n in terms).map((name) => {
    const value = terms[name];
    const bar = h('span', {class: value < 0 ? 'bar neg' : 'bar'});
    bar.style.width = `${Math.round((Math.abs(value) / max) * 100)}%`;
    return [h('dt', {text: name.replace(/_/g, ' ')}),
      h('dd', {}, h('span', {class: 'track'}, bar), h('span', {class: 'num', text: fmt(value)}))];
  }));
}

function titleOf(ctx, id) {
  const item = ctx.byId.get(id);
  return item ? item.title : id;
}

function missingList(ctx, missing) {
  if (!missing || missing.length === 0) return null;
  return h('p', {class: 'missing'}, h('span', {class: 'tag', text: 'missing'}), ' ',
    missing.map((m) => `${m.clause.map((id) => titleOf(ctx, id)).join(' or ')} (${m.type}, ` +
      `mastery ${fmt(m.mastery)})`).join('; '));
}

function servesList(ctx, serves) {
  if (!serves || serves.length === 0) return null;
  return h('ul', {class: 'chains'}, serves.map((s) => h('li', {},
    h('span', {class: 'tag', text: s.goal}), ' ',
    (s.via || []).map((id) => titleOf(ctx, id)).join(' → '))));
}

// One <li> of a ranking. `onpick(id)` opens the item's details.
export function rankedItem(ctx, item, index, onpick) {
  const e = item.explanation || {};
  return h('li', {class: 'rank', 'data-item': item.id, 'data-ready': String(item.ready)},
    h('div', {class: 'rank-head'},
      h('span', {class: 'pos', text: `${index + 1}.`}),
      h('button', {type: 'button', class: 'link', onclick: () => onpick(item.id),
        'aria-label': `Details of ${item.title}`, text: item.title}),
      h('span', {class: 'score', title: 'score', text: fmt(item.score)})),
    h('p', {class: 'muted small',
      text: `${item.stage} · ${item.kind}${item.hours ? ` · ${item.hours} h` : ''}`}),
    termBars(e.contributions || item.terms, TERMS),
    missingList(ctx, e.missing),
    servesList(ctx, e.serves));
}

// An item's details: summary, prerequisites with the learner's mastery,
// and what it unlocks (its dependents).
export function itemDetails(ctx, item, mastery, onpick) {
  const link = (id) => h('button', {type: 'button', class: 'link', onclick: () => onpick(id),
    text: titleOf(ctx, id)});
  const clause = (c) => h('li', {}, c.any_of.map((id, i) => [i ? ' or ' : '', link(id),
    ` (${fmt(mastery[id] || 0, 1)})`]), c.weight !== 1 ? ` · weight ${c.weight}` : '');
  return h('article', {class: 'details', 'data-item': item.id},
    h('h3', {text: item.title}),
    h('p', {class: 'muted small', text: `${item.id} · ${item.stage} · ${item.kind} · ` +
      `${item.hours ?? '?'} h · difficulty ${item.difficulty ?? '?'}`}),
    item.summary ? h('p', {text: item.summary}) : null,
    h('h4', {text: 'Requires'}),
    item.requires && item.requires.length ? h('ul', {}, item.requires.map(clause))
      : h('p', {class: 'muted', text: 'nothing'}),
    item.recommends && item.recommends.length
      ? [h('h4', {text: 'Recommends'}), h('ul', {}, item.recommends.map(clause))] : null,
    h('h4', {text: 'Unlocks'}),
    item.dependents && item.dependents.length
      ? h('ul', {class: 'unlocks'}, item.dependents.map((id) => h('li', {}, link(id))))
      : h('p', {class: 'muted', text: 'nothing'}));
}
