/**
 * The only way the sidebar builds DOM. Pasted merchant names and issue values are data from a
 * back-office export, so they only ever enter the page as text nodes: there is no innerHTML
 * here, and a name like `<img src=x onerror=…>` shows literally.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Attrs {
  [name: string]: string | number | boolean | undefined | ((event: Event) => void);
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttributes(node, attrs);
  append(node, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The same for SVG (the charts): elements in the SVG namespace, attributes and text by the same
 * text-only rules, so a label taken from the data is a text node, never markup.
 */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, children: Child[] = []): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  setAttributes(node, attrs);
  append(node, children);
  return node;
}

function setAttributes(node: Element, attrs: Attrs): void {
  Object.keys(attrs).forEach((name) => {
    const value = attrs[name];
    if (value === undefined || value === false) return;
    if (typeof value === 'function') node.addEventListener(name.replace(/^on/, ''), value);
    else if (name === 'class') node.setAttribute('class', String(value));
    else if (name === 'text') node.textContent = String(value);
    // Text under an on* attribute would be compiled as script: only functions may go there.
    else if (/^on/i.test(name)) throw new Error(`el: ${name} must be a function, never text`);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  });
}

export function append(parent: Node, children: Child[]): void {
  children.forEach((child) => {
    if (child === null || child === undefined || child === false) return;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  });
}

/** Replaces a node's content; the new children go through the same text-only path. */
export function replaceChildren(parent: Node, children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`sidebar: #${id} is missing from Sidebar.html`);
  return node as T;
}

/** Runs `task` once input has been quiet for `ms`; a paste of 50k rows fires one preview, not many. */
export function debounce(task: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      task();
    }, ms);
  };
}
