// Small DOM helpers: element creation, clearing, error messages.

// h('div', {class: 'x', onclick: f}, child, 'text') -> an element.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'text') el.textContent = value;
    else el.setAttribute(name, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

// An SVG element with attributes.
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'text') el.textContent = value;
    else el.setAttribute(name, value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// Replaces the children of `el`.
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// An error box in words (role=alert so screen readers announce it).
export function errorBox(error) {
  const lines = error && error.lines ? error.lines : [];
  return h('div', {class: 'error', role: 'alert'},
    h('strong', {text: error && error.message ? error.message : String(error)}),
    lines.length ? h('ul', {}, lines.map((line) => h('li', {text: line}))) : null);
}

// A labelled control: <label>text <control></label>.
export function labelled(text, control, extra = {}) {
  return h('label', {class: extra.class || 'field'}, h('span', {text}), control);
}

// Calls `fn` once `ms` after the last call.
export function debounce(fn, ms) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// 0.4567 -> "0.46".
export const fmt = (x, digits = 2) => (typeof x === 'number' ? x.toFixed(digits) : '–');
