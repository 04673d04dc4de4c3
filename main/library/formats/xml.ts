import { DOMParser } from 'linkedom';

/**
 * A parsed XML element reduced to what the EPUB package readers need. Names are local and
 * lowercase (`dc:title` → `title`), because books disagree on prefixes and case.
 */
export interface XmlElement {
  name: string;
  /** By local, lowercase name (`epub:type` → `type`, also kept as `epub:type`). */
  attributes: Map<string, string>;
  children: XmlElement[];
  /** All text inside, entities decoded. */
  text: string;
}

interface DomElement {
  tagName: string;
  attributes: ArrayLike<{ name: string; value: string }>;
  children: ArrayLike<DomElement>;
  textContent: string | null;
}

/** Parses an XML document leniently (as books are written); null when there is no root element. */
export function parseXml(text: string): XmlElement | null {
  const doc = new DOMParser().parseFromString(text, 'text/xml') as unknown as { documentElement: DomElement | null };
  return doc.documentElement ? convert(doc.documentElement) : null;
}

function convert(element: DomElement): XmlElement {
  const attributes = new Map<string, string>();
  for (const { name, value } of Array.from(element.attributes)) {
    const lower = name.toLowerCase();
    attributes.set(lower, value);
    const local = localName(lower);
    if (!attributes.has(local)) attributes.set(local, value);
  }
  return {
    name: localName(element.tagName.toLowerCase()),
    attributes,
    children: Array.from(element.children, convert),
    text: decodeLeftoverEntities(element.textContent ?? ''),
  };
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The first element named `name` at or under `root`, depth first. */
export function findFirst(root: XmlElement, name: string): XmlElement | null {
  if (root.name === name) return root;
  for (const child of root.children) {
    const found = findFirst(child, name);
    if (found) return found;
  }
  return null;
}

/** Every element named `name` at or under `root`, in document order. */
export function findAll(root: XmlElement, name: string, into: XmlElement[] = []): XmlElement[] {
  if (root.name === name) into.push(root);
  for (const child of root.children) findAll(child, name, into);
  return into;
}

// An XML parser knows only XML's five entities; XHTML written with HTML's (&nbsp; in a TOC) would
// show them literally.
const HTML_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  copy: '©',
};

function decodeLeftoverEntities(text: string): string {
  return text.includes('&') ? text.replace(/&([a-z]+);/g, (all, name: string) => HTML_ENTITIES[name] ?? all) : text;
}
