/**
 * YAML front matter as people write it above Markdown (Jekyll, Hugo, Obsidian): `key: value`,
 * quoted strings, lists as `- a` lines or `[a, b]`, block scalars (`|`, `>`), comments. It is
 * a subset parser on purpose: no YAML library is among the app's dependencies, and the metadata
 * an article needs never uses anchors, tags or nested maps (nested maps are skipped).
 */

export type FrontMatterValue = string | string[];

export interface FrontMatter {
  /** Keys lowercase. Empty when the text has no front matter. */
  data: Map<string, FrontMatterValue>;
  /** The text after the front matter (all of it when there is none). */
  body: string;
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;
const KEY_LINE = /^([A-Za-z_][\w.-]*(?: [\w.-]+)*)[ \t]*:(?:[ \t]+(.*))?[ \t]*$/;

/** Splits a front matter block off the top of `text` and reads it. */
export function splitFrontMatter(text: string): FrontMatter {
  const opening = OPENING.exec(text);
  if (!opening) return { data: new Map(), body: text.replace(/^\uFEFF/, '') };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return { data: new Map(), body: text.replace(/^\uFEFF/, '') };
  const body = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, '');
  return { data: parseFrontMatter(rest.slice(0, closing.index)), body };
}

/** Reads the lines between the `---` fences. */
export function parseFrontMatter(yaml: string): Map<string, FrontMatterValue> {
  const lines = yaml.split(/\r?\n/);
  const data = new Map<string, FrontMatterValue>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s/.test(line) || isBlankOrComment(line)) continue; // nested lines belong to a key above
    const match = KEY_LINE.exec(line);
    if (!match) continue;
    const key = (match[1] ?? '').toLowerCase();
    const value = stripComment(match[2] ?? '');
    // The lines that belong to this key: indented ones, or list items at the key's own column.
    let end = i + 1;
    while (end < lines.length && (isBlankOrComment(lines[end] ?? '') || /^(\s|-(\s|$))/.test(lines[end] ?? ''))) end++;
    const block = lines.slice(i + 1, end);
    i = end - 1;
    if (/^[|>][+-]?\d*$/.test(value)) data.set(key, blockScalar(block, value.startsWith('>')));
    else if (value.startsWith('[')) data.set(key, flowList(value));
    else if (value !== '') data.set(key, scalar(value));
    else {
      const items = block
        .filter((l) => /^\s*-(\s|$)/.test(l))
        .map((l) => scalar(stripComment(l.replace(/^\s*-\s?/, ''))));
      if (items.length > 0)
        data.set(
          key,
          items.filter((item) => item !== ''),
        );
    }
  }
  return data;
}

function isBlankOrComment(line: string): boolean {
  return /^\s*(#.*)?$/.test(line);
}

/** A plain value's trailing ` # comment` (a # inside quotes or a word is kept). */
function stripComment(value: string): string {
  const trimmed = value.trim();
  if (trimmed.startsWith('"') || trimmed.startsWith("'")) return trimmed;
  return trimmed.replace(/\s+#.*$/, '').trim();
}

/** A quoted or plain scalar's text. */
function scalar(raw: string): string {
  const value = raw.trim();
  if (value.startsWith('"')) {
    const end = value.lastIndexOf('"');
    const inner = value.slice(1, end > 0 ? end : undefined);
    return inner.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) =>
      e.length > 1 ? String.fromCharCode(parseInt(e.slice(1), 16)) : (ESCAPES[e] ?? e),
    );
  }
  if (value.startsWith("'")) {
    const end = value.lastIndexOf("'");
    return value.slice(1, end > 0 ? end : undefined).replace(/''/g, "'");
  }
  return value === '~' || value === 'null' ? '' : value;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '"': '"', '\\': '\\', '/': '/' };

/** `[a, "b, c", 'd']` → its items (commas inside quotes kept). */
function flowList(value: string): string[] {
  const inner = value.slice(1, value.lastIndexOf(']') > 0 ? value.lastIndexOf(']') : undefined);
  const items: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const c of inner) {
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ',') {
      items.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  items.push(current);
  return items.map(scalar).filter((item) => item !== '');
}

/** `|` keeps line breaks, `>` folds lines into one. */
function blockScalar(lines: string[], folded: boolean): string {
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)?.[0].length ?? 0));
  const text = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
  return (folded ? text.replace(/([^\n])\n(?=[^\n])/g, '$1 ') : text).trim();
}
