// Tiny DOM helpers. Text always goes in through textContent, never as HTML.

/** Creates an element with properties ({className, textContent, attrs: {...}}) and children. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  const { attrs, ...rest } = props;
  Object.assign(node, rest);
  for (const [name, value] of Object.entries(attrs ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export function clear(node) {
  node.replaceChildren();
}

/** A short message that fades out, announced to screen readers. */
export function toast(text) {
  const box = document.getElementById('toast');
  box.textContent = text;
  box.classList.add('show');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => box.classList.remove('show'), 1800);
}
