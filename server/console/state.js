// The console's state, kept in the URL hash so a shared link reproduces
// the view: #learner?catalog=go-backend&m=go-syntax:1,go-types:0.5&g=rest-api:1
// Maps are "id:value" lists; team members are "name~item:v,item:v" joined by "|".

export const VIEWS = ['learner', 'path', 'team', 'learners', 'ops'];

export const state = {
  view: 'learner',
  catalog: '',
  mastery: {},  // item id -> 0..1
  goals: {},    // goal id -> weight
  q: '',        // item search text
  k: 10,
  hpw: 10,      // hours per week (path)
  team: [],     // [{id, mastery: {}}]
  tgoals: {},   // team goals
  lid: '',      // stored learner id
};

function encodeMap(map) {
  return Object.entries(map).map(([id, v]) => `${id}:${+v.toFixed(3)}`).join(',');
}

function decodeMap(text) {
  const map = {};
  for (const part of (text || '').split(',')) {
    const at = part.lastIndexOf(':');
    if (at <= 0) continue;
    const value = Number(part.slice(at + 1));
    if (Number.isFinite(value)) map[part.slice(0, at)] = value;
  }
  return map;
}

function encodeTeam(team) {
  return team.map((m) => `${m.id}~${encodeMap(m.mastery)}`).join('|');
}

function decodeTeam(text) {
  if (!text) return [];
  return text.split('|').map((part) => {
    const [id, map] = part.split('~');
    return {id, mastery: decodeMap(map)};
  }).filter((m) => m.id);
}

export function readHash() {
  const hash = location.hash.replace(/^#/, '');
  const [view, query] = hash.split('?');
  const p = new URLSearchParams(query || '');
  state.view = VIEWS.includes(view) ? view : 'learner';
  state.catalog = p.get('catalog') || '';
  state.mastery = decodeMap(p.get('m'));
  state.goals = decodeMap(p.get('g'));
  state.q = p.get('q') || '';
  state.k = Number(p.get('k')) || 10;
  state.hpw = Number(p.get('hpw')) || 10;
  state.team = decodeTeam(p.get('team'));
  state.tgoals = decodeMap(p.get('tg'));
  state.lid = p.get('lid') || '';
}

export function hashOf(view = state.view) {
  const p = new URLSearchParams();
  if (state.catalog) p.set('catalog', state.catalog);
  if (Object.keys(state.mastery).length) p.set('m', encodeMap(state.mastery));
  if (Object.keys(state.goals).length) p.set('g', encodeMap(state.goals));
  if (state.q) p.set('q', state.q);
  if (state.k !== 10) p.set('k', String(state.k));
  if (state.hpw !== 10) p.set('hpw', String(state.hpw));
  if (state.team.length) p.set('team', encodeTeam(state.team));
  if (Object.keys(state.tgoals).length) p.set('tg', encodeMap(state.tgoals));
  if (state.lid) p.set('lid', state.lid);
  const query = p.toString();
  return `#${view}${query ? `?${query}` : ''}`;
}

// Writes the state into the URL without a new history entry or a reload.
export function writeHash() {
  const next = hashOf();
  if (location.hash !== next) history.replaceState(null, '', next);
}
