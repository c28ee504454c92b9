// Goal choice with weights, shared by the Learner, Path and Team views.

import {h} from '../dom.js';

// A fieldset of the catalog's goals: a checkbox and a weight slider each.
// `goals` (goal id -> weight) is changed in place; `onchange` follows.
export function goalPicker(ctx, goals, onchange, legend = 'Goals') {
  const rows = ctx.catalog.goals.map((goal) => {
    const id = `${legend.replace(/\W/g, '')}-goal-${goal.id}`;
    const on = goal.id in goals;
    const weight = h('input', {
      type: 'range', min: '0.1', max: '1', step: '0.1', value: String(goals[goal.id] ?? 1),
      'aria-label': `Weight of ${goal.title}`, disabled: !on, 'data-goal-weight': goal.id,
    });
    const box = h('input', {type: 'checkbox', id, checked: on, 'data-goal': goal.id});
    box.addEventListener('change', () => {
      weight.disabled = !box.checked;
      if (box.checked) goals[goal.id] = Number(weight.value);
      else delete goals[goal.id];
      onchange();
    });
    weight.addEventListener('change', () => {
      goals[goal.id] = Number(weight.value);
      onchange();
    });
    return h('div', {class: 'goal'}, box, h('label', {for: id, text: goal.title}), weight);
  });
  return h('fieldset', {class: 'goals'}, h('legend', {text: legend}), rows);
}
