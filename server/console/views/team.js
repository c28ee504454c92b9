// Team: members' mastery (edited or pasted as "item: mastery" lines), team
// goals, and the frameworks ranked by fit with each member's gaps
// (POST /v1/catalogs/{cid}/team-matches).

import {api, enc} from '../api.js';
import {h, fill, errorBox, labelled, fmt} from '../dom.js';
import {state} from '../state.js';
import {goalPicker} from './pickers.js';
import {termBars} from './explain.js';

export const title = 'Team';

const FIT_TERMS = ['goal_fit', 'team_coverage', 'experts_share', 'ramp_up', 'difficulty_gap'];

// "go-basic-syntax: 1, go-types 0.5" -> {map} or throws naming the bad line.
export function parseMastery(text) {
  const map = {};
  for (const raw of text.split(/[\n,]+/)) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^([a-z0-9][a-z0-9._-]*)\s*(?:[:= ]\s*([0-9]*\.?[0-9]+))?$/.exec(line);
    if (!m) throw new Error(`"${line}" is not "item-id: mastery" (mastery 0 to 1)`);
    map[m[1]] = m[2] === undefined ? 1 : Number(m[2]);
  }
  return map;
}

const masteryText = (map) => Object.entries(map).map(([id, v]) => `${id}: ${v}`).join('\n');

function memberCard(member, index, onchange, onremove) {
  const name = h('input', {type: 'text', value: member.id, 'data-member-name': index,
    pattern: '[A-Za-z0-9._-]+'});
  const text = h('textarea', {rows: '4', 'data-member-mastery': index,
    placeholder: 'go-basic-syntax: 1\ngo-types: 0.5'});
  text.value = masteryText(member.mastery);
  const note = h('p', {class: 'muted small'});
  const read = () => {
    member.id = name.value.trim() || `member-${index + 1}`;
    try {
      member.mastery = parseMastery(text.value);
      fill(note, `${Object.keys(member.mastery).length} items`);
      onchange();
    } catch (error) {
      fill(note, errorBox(error));
    }
  };
  name.addEventListener('change', read);
  text.addEventListener('change', read);
  return h('fieldset', {class: 'member', 'data-member': member.id},
    h('legend', {text: `Member ${index + 1}`}),
    labelled('Name', name), labelled(`Mastery of member ${index + 1}`, text), note,
    h('button', {type: 'button', onclick: onremove, text: `Remove member ${index + 1}`}));
}

function matchCard(ctx, match, team) {
  const rows = (match.members || []).map((m) => h('tr', {'data-member': m.id},
    h('th', {scope: 'row', text: m.id}),
    h('td', {text: fmt(m.coverage)}),
    h('td', {text: m.expert ? 'yes' : 'no'}),
    h('td', {text: fmt(m.hours, 1)}),
    h('td', {class: 'small', text: (m.missing || []).map((x) => x.id).join(', ') || '–'})));
  return h('li', {class: 'match', 'data-item': match.id},
    h('div', {class: 'rank-head'}, h('strong', {text: match.title}),
      h('span', {class: 'score', text: `fit ${fmt(match.fit)}`})),
    termBars(match.terms || {}, FIT_TERMS),
    h('div', {class: 'scroll'}, h('table', {},
      h('caption', {text: `${match.title}: each member (${team.length}), ` +
        `${fmt(match.training_hours, 1)} training hours in all`}),
      h('thead', {}, h('tr', {}, ['Member', 'Coverage', 'Expert', 'Hours', 'Missing'].map(
        (t) => h('th', {scope: 'col', text: t})))),
      h('tbody', {}, rows))));
}

export async function render(root, ctx) {
  if (state.team.length === 0) state.team = [{id: 'member-1', mastery: {...state.mastery}}];
  const members = h('div', {class: 'members'});
  const out = h('ol', {class: 'ranking', id: 'team-out', 'aria-live': 'polite'});
  const message = h('div');
  const refresh = async () => {
    const body = {members: state.team, goals: state.tgoals, k: 5};
    try {
      const answer = await api('POST', `/v1/catalogs/${enc(state.catalog)}/team-matches`, body);
      fill(message);
      fill(out, answer.items.map((m) => matchCard(ctx, m, state.team)));
    } catch (error) {
      fill(out);
      fill(message, errorBox(error));
    }
  };
  const changed = () => {
    ctx.changed();
    refresh();
  };
  const drawMembers = () => fill(members, state.team.map((m, i) => memberCard(m, i, changed, () => {
    state.team.splice(i, 1);
    drawMembers();
    changed();
  })));
  const add = h('button', {type: 'button', id: 'add-member', text: 'Add member', onclick: () => {
    state.team.push({id: `member-${state.team.length + 1}`, mastery: {}});
    drawMembers();
    changed();
  }});
  drawMembers();
  root.append(h('div', {class: 'grid2'},
    h('section', {class: 'panel', 'aria-label': 'Team'},
      h('h3', {text: 'Members'}), members, add,
      goalPicker(ctx, state.tgoals, changed, 'Team goals')),
    h('section', {class: 'panel wide', 'aria-label': 'Framework fit'},
      h('h3', {text: 'Framework fit'}), message, out)));
  await refresh();
}
