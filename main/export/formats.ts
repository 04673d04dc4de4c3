import type { BlockKind, ExportFormat, Highlight } from '../../preload/contract/types';

/**
 * The export formats, as pure functions of what is exported: no database, no files. Quotes come
 * already in the script the reader chose (one text, or two for "both").
 */

/** An article as exported, with its highlights in reading order. */
export interface ExportedArticle {
  title: string;
  author: string | null;
  source: string | null;
  publishedAt: string | null;
  contentHash: string;
  highlights: ExportedHighlight[];
}

export interface ExportedHighlight {
  highlight: Highlight;
  /** The quote in the chosen script(s): one text, or the original then the converted one. */
  quotes: string[];
  /** Which script each quote is in (e.g. 'original', 'traditional'). */
  scripts: string[];
  /** Where in the article it is, in the first quote's script: the headings above it and its block. */
  context?: HighlightContext;
}

export interface HighlightContext {
  /** The section headings it sits under, outermost first (the article's own title left out). */
  headings: { level: number; text: string }[];
  /** The kind of block it starts in, and for a list item whether numbered. */
  kind: BlockKind;
  ordered?: boolean;
}

/** The namespace of our own fields in the Web Annotation JSON. */
export const DUIZHAO_NS = 'https://duizhao.app/ns/annotation#';
/** Articles are named by their content hash, so that an export finds its article again anywhere. */
export const articleUrn = (contentHash: string) => `urn:duizhao:article:sha256:${contentHash}`;
export const highlightUrn = (id: string) => `urn:uuid:${id}`;

/** A stable id per highlight (its UUID), usable as an Obsidian block id (letters, digits, dashes). */
const blockId = (id: string) => `dz-${id.toLowerCase().replace(/[^0-9a-z-]/g, '')}`;

function yamlString(value: string): string {
  return JSON.stringify(value); // a JSON string is a valid double-quoted YAML scalar
}

/** A date as YAML reads it, or quoted when it is anything else (it came from an imported file). */
const yamlDate = (value: string) => (/^\d{4}-\d\d-\d\d$/.test(value) ? value : yamlString(value));

/** Line breaks of every kind, including the Unicode ones Markdown renderers may honour. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085]/;

/**
 * One line of text as literal Markdown: no HTML, links, emphasis, code, tags, block ids or math
 * (Obsidian's `#tag`, `^id`, `$…$`, `%%…%%`, `==…==`) and nothing that starts a block (a heading,
 * list, quote, rule, table or indented code). What the user wrote is shown, never interpreted.
 */
export function markdownText(line: string): string {
  return (
    line
      .replace(/[\\`*_[\]<>#^|~$&]/g, '\\$&')
      .replace(/([%=])(?=\1)/g, '$1\\')
      // Indentation would make a code block: keep its look with no-break spaces.
      .replace(/^[ \t]+/, (ws) => '\u00a0'.repeat(ws.replace(/\t/g, '    ').length))
      .replace(/^([-+=])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}

/** Text that must stay on one line (a heading, a title): its line breaks become spaces. */
const markdownInline = (text: string) => markdownText(text.split(LINE_BREAK).join(' ').trim());

/** Markdown for Obsidian and the like: front matter, then each highlight as a quote with its note. */
export function toMarkdown(articles: readonly ExportedArticle[], generatedAt: string): string {
  const single = articles.length === 1 ? articles[0] : undefined;
  const lines: string[] = ['---'];
  if (single) {
    lines.push(`title: ${yamlString(single.title)}`);
    if (single.author) lines.push(`author: ${yamlString(single.author)}`);
    if (single.source) lines.push(`source: ${yamlString(single.source)}`);
    if (single.publishedAt) lines.push(`date: ${yamlDate(single.publishedAt)}`);
  } else {
    lines.push(`title: ${yamlString('Duizhao highlights')}`);
    lines.push(`date: ${generatedAt.slice(0, 10)}`);
  }
  lines.push('tags:', '  - duizhao', '  - highlights', '---', '');
  for (const article of articles) {
    lines.push(`# ${markdownInline(article.title) || '…'}`, '');
    if (!single) {
      const meta = [article.author, article.source, article.publishedAt].filter(Boolean).join(' · ');
      if (meta) lines.push(markdownInline(meta), '');
    }
    // The article's sections, as its highlights come to them: a heading is written once, before
    // the first highlight under it, one level below the article's title.
    let written: { level: number; text: string }[] = [];
    for (const { highlight: h, quotes, context } of article.highlights) {
      const headings = context?.headings ?? [];
      const shared = headings.findIndex((x, i) => written[i]?.text !== x.text || written[i]?.level !== x.level);
      const from = shared === -1 ? headings.length : shared;
      headings.slice(from).forEach((heading, i) => {
        lines.push(`${'#'.repeat(Math.min(6, from + i + 2))} ${markdownInline(heading.text) || '…'}`, '');
      });
      written = headings;
      // A list item's words stay a list item inside the quote.
      const marker = context?.kind === 'listItem' ? (context.ordered ? '1. ' : '- ') : '';
      const quoteLines = quotes.flatMap((q) => q.split(LINE_BREAK));
      quoteLines.forEach((line, i) => {
        const last = i === quoteLines.length - 1;
        lines.push(`> ${i === 0 ? marker : ''}${markdownText(line)}${last ? ` ^${blockId(h.id)}` : ''}`);
      });
      lines.push('');
      lines.push(`#highlight/${h.color}${h.orphaned ? ' #orphaned' : ''}`, '');
      const note = h.note.trim();
      if (note !== '') lines.push(...note.split(LINE_BREAK).map(markdownText), '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * A conversion correction as exported beside the annotations (`dz:corrections`): for one article
 * (named by its content hash, as annotations name theirs) or everywhere.
 */
export interface ExportedCorrection {
  source: string;
  target: string;
  chains: string[];
  /** `urn:…` of the article's content hash; absent: every article. */
  article?: string;
}

/** The W3C Web Annotation model (JSON-LD), our own fields under the dz: namespace. */
export function toWebAnnotation(
  articles: readonly ExportedArticle[],
  generatedAt: string,
  corrections: readonly ExportedCorrection[] = [],
): string {
  const items = articles.flatMap((article) =>
    article.highlights.map(({ highlight: h, quotes, scripts }) => ({
      id: highlightUrn(h.id),
      type: 'Annotation',
      motivation: h.note.trim() ? 'commenting' : 'highlighting',
      created: h.createdAt,
      modified: h.updatedAt,
      ...(h.note.trim()
        ? { body: [{ type: 'TextualBody', value: h.note, format: 'text/plain', purpose: 'commenting' }] }
        : {}),
      target: {
        source: articleUrn(article.contentHash),
        selector: [
          { type: 'TextQuoteSelector', exact: h.exact, prefix: h.prefix, suffix: h.suffix },
          { type: 'TextPositionSelector', start: h.start, end: h.end },
        ],
      },
      'dz:color': h.color,
      'dz:orphaned': h.orphaned,
      'dz:quotes': quotes.map((text, i) => ({ script: scripts[i] ?? 'original', text })),
      'dz:article': {
        title: article.title,
        author: article.author,
        source: article.source,
        published: article.publishedAt,
        contentHash: article.contentHash,
      },
    })),
  );
  const collection = {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { dz: DUIZHAO_NS }],
    type: 'AnnotationCollection',
    label: articles.length === 1 ? (articles[0]?.title ?? '') : 'Duizhao highlights',
    generated: generatedAt,
    generator: 'Duizhao',
    total: items.length,
    first: { type: 'AnnotationPage', items },
    ...(corrections.length > 0 ? { 'dz:corrections': corrections } : {}),
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/**
 * One CSV field, quoted when it holds a comma, a quote or a line break, a bare CR included (RFC
 * 4180). A text a spreadsheet would run as a formula — starting with = + - @, a tab or a CR — is
 * prefixed with an apostrophe (OWASP's CSV injection advice), so it shows as text instead.
 */
export function csvField(value: string | number | null): string {
  const raw = value === null ? '' : String(value);
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** "2026-11-27T03:58:01.123Z" → "2026-11-27 03:58:01", as Readwise reads dates. */
const readwiseDate = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');

/** CSV with Readwise's import columns. Location is the highlight's character offset in the article. */
export function toReadwiseCsv(articles: readonly ExportedArticle[]): string {
  const rows = [['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date']];
  for (const article of articles) {
    for (const { highlight: h, quotes } of article.highlights) {
      rows.push([
        quotes.join('\n'),
        article.title,
        article.author ?? '',
        '',
        [h.note.trim(), `#${h.color}`].filter(Boolean).join(' '),
        String(h.start),
        readwiseDate(h.createdAt),
      ]);
    }
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Text as Anki's HTML fields show it: escaped, tabs as spaces, every kind of line break a <br>. */
const html = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, ' ')
    .replace(new RegExp(LINE_BREAK.source, 'g'), '<br>');

/**
 * Tab-separated notes for Anki: front the quote, back the note and where it is from, tags the
 * colour. Anki's file headers say it is tab-separated HTML, so line breaks become <br>.
 */
export function toAnkiTsv(articles: readonly ExportedArticle[]): string {
  const lines = ['#separator:tab', '#html:true', '#columns:Front\tBack\tTags', '#tags column:3'];
  for (const article of articles) {
    const from = [article.title, article.author, article.source].filter(Boolean).join(' — ');
    for (const { highlight: h, quotes } of article.highlights) {
      const back = [h.note.trim(), `<small>${html(from)}</small>`].filter(Boolean);
      lines.push(
        [
          // Anki reads a line starting with # as a file header or comment.
          html(quotes.join('\n')).replace(/^#/, '&#35;'),
          back.map((b, i) => (i === 0 && h.note.trim() ? html(b) : b)).join('<br><br>'),
          `duizhao ${h.color}`,
        ].join('\t'),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export const FORMAT_FILES: Record<ExportFormat, { extension: string; mimeType: string }> = {
  markdown: { extension: 'md', mimeType: 'text/markdown;charset=utf-8' },
  json: { extension: 'json', mimeType: 'application/ld+json;charset=utf-8' },
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8' },
  anki: { extension: 'tsv', mimeType: 'text/tab-separated-values;charset=utf-8' },
};

export function render(
  format: ExportFormat,
  articles: readonly ExportedArticle[],
  generatedAt: string,
  corrections: readonly ExportedCorrection[] = [],
): string {
  switch (format) {
    case 'markdown':
      return toMarkdown(articles, generatedAt);
    case 'json':
      return toWebAnnotation(articles, generatedAt, corrections);
    case 'csv':
      return toReadwiseCsv(articles);
    case 'anki':
      return toAnkiTsv(articles);
  }
}
