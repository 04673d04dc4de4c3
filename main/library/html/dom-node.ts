/**
 * The few DOM members the walk reads, so that any DOM implementation (jsdom, linkedom) serves,
 * and the queries over them it makes.
 */

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
  getAttribute?(name: string): string | null;
}

export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;

export const attr = (node: DomNode, name: string): string | null => node.getAttribute?.(name) ?? null;

export function isHidden(node: DomNode): boolean {
  if (attr(node, 'hidden') !== null || attr(node, 'aria-hidden') === 'true') return true;
  const style = attr(node, 'style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

export const dimension = (node: DomNode, name: string): number | undefined => {
  const value = Number.parseInt(attr(node, name) ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : undefined;
};

export function findFirst(node: DomNode, name: string): DomNode | null {
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes[i] as DomNode;
    if (child.nodeType !== ELEMENT_NODE) continue;
    if (child.nodeName === name) return child;
    const found = findFirst(child, name);
    if (found) return found;
  }
  return null;
}

export function hasAny(node: DomNode, names: ReadonlySet<string>): boolean {
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes[i] as DomNode;
    if (child.nodeType === ELEMENT_NODE && (names.has(child.nodeName) || hasAny(child, names))) return true;
  }
  return false;
}

/** Elements named `name` under `node`, not descending into nested `stop` elements. */
export function collect(node: DomNode, name: string, stop: string): DomNode[] {
  const out: DomNode[] = [];
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes[i] as DomNode;
    if (child.nodeType !== ELEMENT_NODE || child.nodeName === stop) continue;
    if (child.nodeName === name) out.push(child);
    else out.push(...collect(child, name, stop));
  }
  return out;
}

export const cellsOf = (row: DomNode): DomNode[] =>
  Array.from(row.childNodes).filter((c) => c.nodeName === 'TD' || c.nodeName === 'TH');

export function parentIs(row: DomNode, table: DomNode, name: string): boolean {
  for (let i = 0; i < table.childNodes.length; i++) {
    const section = table.childNodes[i] as DomNode;
    if (section.nodeName === name && Array.from(section.childNodes).includes(row)) return true;
  }
  return false;
}

/** A URL resolved against the page's address; null when it cannot be. */
export function resolveUrl(href: string | null, base: string | null | undefined): string | null {
  if (!href) return null;
  try {
    return base ? new URL(href, base).href : new URL(href).href;
  } catch {
    return null;
  }
}
