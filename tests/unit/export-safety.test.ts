import { describe, expect, it } from 'vitest';
import { describe as describeQuote } from '../../main/annotations/quote-selector';
import { ExportReadStore } from '../../main/db/export-reads';
import { HighlightStore } from '../../main/db/highlights';
import { render, type ExportedArticle } from '../../main/export/formats';
import { convertChain } from '../../main/script/convert';
import { openServices } from '../../main/services';
import type { ExportFormat, Highlight } from '../../preload/contract/types';
import { parseCsv } from '../helpers/csv';
import { SAMPLES_DIR, tempDir } from '../helpers/data';

/** A note written to break out of every format we export. */
const HOSTILE_NOTE = [
  '</blockquote><script>alert(1)</script>',
  '---',
  'title: forged',
  '---',
  '# Forged heading',
  '> forged quote ^dz-forged',
  '#highlight/red [[Secret]] ![x](http://e.test/x.png) `code` **bold** _em_ $x$ %%hidden%% ==mark== &amp; ~~gone~~',
  '    indented code',
  '\tTabbed',
  '1. list',
  '2) list',
  '- item',
  '+ item',
  '=== setext',
  '| a | b |',
  'carriage\rreturn and\u2028line separator',
].join('\n');

const HOSTILE_TITLE = 'Title\n# Injected heading\r---\nforged: "yes"\n<img src=x onerror=alert(1)>';

/** Cells that spreadsheets run as formulas (OWASP CSV injection), and a bare CR inside a cell. */
const FORMULAS = ['=HYPERLINK("http://evil.test","x")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', 'a\rb'];

function highlight(i: number, note: string, over: Partial<Highlight> = {}): Highlight {
  return {
    id: `00000000-0000-4000-8000-00000000010${i}`,
    articleId: 1,
    start: 0,
    end: 2,
    exact: '腾讯',
    prefix: '',
    suffix: '',
    color: 'yellow',
    note,
    orphaned: false,
    createdAt: '2026-11-27T08:00:00.000Z',
    updatedAt: '2026-11-27T08:00:00.000Z',
    ...over,
  };
}

function hostileArticle(): ExportedArticle {
  return {
    title: HOSTILE_TITLE,
    author: '<b>author</b>\n# heading',
    source: '=cmd|" /C calc"!A0',
    publishedAt: '2026-01-01\nforged: yes',
    contentHash: 'a'.repeat(64),
    highlights: [
      {
        highlight: highlight(0, HOSTILE_NOTE),
        quotes: ['<img src=x onerror=alert(1)>\n# not a heading'],
        scripts: ['original'],
      },
      ...FORMULAS.map((f, i) => ({ highlight: highlight(i + 1, f), quotes: [f], scripts: ['original'] })),
    ],
  };
}

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/;
/** What a CommonMark reader shows for escaped text: backslash escapes resolved, no-break spaces as spaces. */
const unescapeMarkdown = (line: string) => line.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/\u00a0/g, ' ');
const expandTabs = (line: string) => line.replace(/^[ \t]+/, (ws) => ws.replace(/\t/g, '    '));

/** The front matter's keys and JSON-string values, as a YAML reader would take them. */
function frontMatter(md: string): { keys: string[]; values: Map<string, string>; end: number } {
  const lines = md.split('\n');
  expect(lines[0]).toBe('---');
  const end = lines.indexOf('---', 1);
  expect(end).toBeGreaterThan(0);
  const keys: string[] = [];
  const values = new Map<string, string>();
  for (const line of lines.slice(1, end)) {
    if (line.startsWith('  - ')) continue;
    const m = /^([a-z]+): ?(.*)$/.exec(line);
    if (!m) throw new Error(`not a front matter line: ${line}`);
    keys.push(m[1]!);
    if (m[2]) values.set(m[1]!, m[2].startsWith('"') ? (JSON.parse(m[2]) as string) : m[2]);
  }
  return { keys, values, end };
}

describe('exports are injection-safe', () => {
  const generatedAt = '2026-11-27T08:00:00.000Z';

  it('Markdown: hostile titles, notes and quotes are shown as written, never interpreted', () => {
    const article = hostileArticle();
    const md = render('markdown', [article], generatedAt);
    // The file has exactly one line break kind: no CR or Unicode separator splits a line elsewhere.
    expect(md).not.toMatch(/[\r\u2028\u2029\u0085]/);

    // Front matter: our keys only, the title whole as one string, the forged date quoted.
    const { keys, values, end } = frontMatter(md);
    expect(keys).toEqual(['title', 'author', 'source', 'date', 'tags']);
    expect(values.get('title')).toBe(HOSTILE_TITLE);
    expect(values.get('date')).toBe('2026-01-01\nforged: yes');

    const body = md.split('\n').slice(end + 1);
    // One heading: the title on one line, escaped.
    const headings = body.filter((l) => /^#{1,6} /.test(l));
    expect(headings).toHaveLength(1);
    expect(unescapeMarkdown(headings[0]!.slice(2))).toBe(HOSTILE_TITLE.split(LINE_BREAKS).join(' '));
    // Block ids: ours only, one per highlight, each at the end of its quote.
    const ids = [...md.matchAll(/(?<!\\)\^([\w-]+)/g)].map((m) => m[1]);
    expect(ids).toEqual(article.highlights.map((h) => `dz-${h.highlight.id}`));
    // No raw HTML, no unescaped link, emphasis, code, tag, math or comment anywhere in the body.
    for (const line of body) {
      const text = line.replace(/^> /, '').replace(/ \^dz-[\w-]+$/, '');
      if (/^#highlight\/[a-z]+( #orphaned)?$/.test(text) || /^# /.test(line)) continue;
      expect(text).not.toMatch(/(?<!\\)[<>[\]`*_$&|~#^]/);
      expect(text).not.toMatch(/(?<!\\)(%%|==)/);
      // Nothing that starts a block: a list, rule, setext underline, indented code or table.
      expect(text).not.toMatch(/^( {4}|\t|[-+*] |\d+[.)]|-{3,}|={2,}|\|)/);
    }
    // Quote lines are ours: the hostile quote's second line stays inside the quote.
    expect(
      body.filter((l) => l.startsWith('> ')).map((l) => unescapeMarkdown(l.slice(2)).replace(/ \^dz-[\w-]+$/, '')),
    ).toEqual([
      '<img src=x onerror=alert(1)>',
      '# not a heading',
      ...FORMULAS.flatMap((f) => f.split(LINE_BREAKS)).map(expandTabs),
    ]);
    // And the note reads back as written, line by line.
    const noteLines = HOSTILE_NOTE.split(LINE_BREAKS);
    const at = body.indexOf(body.find((l) => unescapeMarkdown(l) === noteLines[0])!);
    expect(at).toBeGreaterThan(0);
    expect(body.slice(at, at + noteLines.length).map(unescapeMarkdown)).toEqual(noteLines.map(expandTabs));
  });

  it('CSV: formula cells are neutralised and every cell, bare CRs included, reads back', () => {
    const article = hostileArticle();
    const csv = render('csv', [article], generatedAt);
    const rows = parseCsv(csv); // strict: throws on an unquoted CR, LF or quote
    expect(rows).toHaveLength(1 + article.highlights.length);
    expect(rows.every((r) => r.length === 7)).toBe(true);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // What the cells say once the neutralising apostrophe is taken off.
    const plain = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r])/, '');
    expect(rows.slice(2).map((r) => plain(r[0]!))).toEqual(FORMULAS);
    expect(rows.slice(2).map((r) => plain(r[4]!))).toEqual(FORMULAS.map((f) => `${f.trim()} #yellow`));
    expect(plain(rows[1]![1]!)).toBe(HOSTILE_TITLE);
    expect(rows[1]![4]).toBe(`${HOSTILE_NOTE} #yellow`);
    // A cell that merely contains a minus or an at sign is left alone.
    expect(parseCsv(render('csv', [{ ...article, title: 'a-b@c' }], generatedAt))[1]![1]).toBe('a-b@c');
  });

  it('Anki: one row per highlight with three fields, HTML escaped, no row a header', () => {
    const article = hostileArticle();
    const tsv = render('anki', [article], generatedAt);
    expect(tsv).not.toMatch(/[\r\u2028\u2029\u0085]/);
    const lines = tsv.trimEnd().split('\n');
    const headers = lines.filter((l) => l.startsWith('#'));
    expect(headers).toEqual(['#separator:tab', '#html:true', '#columns:Front\tBack\tTags', '#tags column:3']);
    const rows = lines.slice(headers.length).map((l) => l.split('\t'));
    expect(rows).toHaveLength(article.highlights.length);
    for (const row of rows) {
      expect(row).toHaveLength(3);
      // The only tags are the ones we write.
      expect(row.join('').replace(/<br>|<\/?small>/g, '')).not.toMatch(/[<>"]/);
    }
    const text = (html: string) =>
      html
        .replace(/<br>/g, '\n')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#35;/g, '#')
        .replace(/&amp;/g, '&');
    expect(rows.slice(1).map((r) => text(r[0]!))).toEqual(
      FORMULAS.map((f) => f.replace(/\t/g, ' ').replace(/\r/g, '\n')),
    );
    expect(text(rows[0]![1]!.split('<br><br>')[0]!)).toBe(
      HOSTILE_NOTE.replace(/\t/g, ' ').split(LINE_BREAKS).join('\n'),
    );
  });

  it('JSON: every hostile string comes back exactly', () => {
    const article = hostileArticle();
    const json = JSON.parse(render('json', [article], generatedAt)) as {
      first: { items: { body?: { value: string }[]; 'dz:article': { title: string } }[] };
    };
    expect(json.first.items.map((i) => i.body?.[0]?.value)).toEqual([HOSTILE_NOTE, ...FORMULAS]);
    expect(json.first.items.every((i) => i['dz:article'].title === HOSTILE_TITLE)).toBe(true);
  });
});

/** The seed library with one highlight on each of two articles. */
function library() {
  const services = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR });
  const store = new HighlightStore(services.db);
  // A Traditional article first, so that its orphan has something to convert.
  const [kept, gone] = [...services.articles.list()].sort(
    (a, b) => Number(b.scriptForm !== null) - Number(a.scriptForm !== null),
  );
  const place = (id: number, phrase: string, n: number) => {
    const text = services.articles.sourceText(id)!;
    const start = text.indexOf(phrase);
    expect(start).toBeGreaterThanOrEqual(0);
    store.insert(highlight(n, `note ${n}`, { articleId: id, ...describeQuote(text, start, start + phrase.length) }));
  };
  return { services, store, kept: kept!, gone: gone!, place };
}

describe('the exporter reads only the library', () => {
  it('a softly deleted article is not exported, in any format, nor imported onto', async () => {
    const { services, kept, gone, place } = library();
    place(kept.id, services.articles.sourceText(kept.id)!.slice(200, 216), 1);
    place(gone.id, services.articles.sourceText(gone.id)!.slice(200, 216), 2);
    const formats: ExportFormat[] = ['markdown', 'json', 'csv', 'anki'];
    const json = (await services.exporter.build({ format: 'json', script: 'original' })).content;
    for (const format of formats) {
      const before = await services.exporter.build({ format, script: 'original' });
      expect(before.count).toBe(2);
      expect(before.content).toContain('note 2');
    }
    services.library.delete(gone.id); // soft: it can still be restored
    expect(services.articles.findByHash(services.articles.contentHash(kept.id)!)?.deleted).toBe(false);
    for (const format of formats) {
      const after = await services.exporter.build({ format, script: 'original' });
      expect(after.count).toBe(1);
      expect(after.content).toContain('note 1');
      expect(after.content).not.toContain('note 2');
      expect(after.content).not.toContain(JSON.stringify(gone.title).slice(1, -1));
    }
    await expect(
      services.exporter.build({ articleId: gone.id, format: 'markdown', script: 'original' }),
    ).rejects.toThrow(/not in the library/);
    // What the exporter reads does not see it at all.
    const reads = new ExportReadStore(services.db);
    expect(reads.articles().map((a) => a.id)).not.toContain(gone.id);
    expect(reads.article(gone.id)).toBeUndefined();
    expect(reads.sourceText(gone.id)).toBeUndefined();
    expect(reads.highlights(gone.id)).toEqual([]);
    expect(reads.highlights(kept.id)).toHaveLength(1);
    // Restored, it is exported again.
    services.library.restore(gone.id);
    expect((await services.exporter.build({ format: 'csv', script: 'original' })).count).toBe(2);
    services.close();

    // In a library where its twin is softly deleted, an imported annotation of it lands nowhere.
    const other = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR });
    other.library.delete(other.articles.list().find((a) => a.title === gone.title)!.id);
    expect(await other.exporter.importJson(json)).toEqual({
      total: 2,
      matched: 1,
      orphaned: 0,
      noArticle: 1,
      alreadyThere: 0,
    });
    other.close();
  });

  it('an orphaned highlight is exported from its stored quote, not from the text at its old offsets', async () => {
    const { services, kept, store } = library();
    expect(kept.scriptForm).not.toBeNull();
    const simplified = (await services.conversions.view(kept.id, 'simplified')).chain;
    expect(simplified.length).toBeGreaterThan(0);
    const text = services.articles.sourceText(kept.id)!;
    const exact = '這句話已經不在文章裡了';
    expect(text).not.toContain(exact);
    // Its old offsets now hold other words.
    const at = text.length >> 1;
    store.insert(
      highlight(3, 'orphan', { articleId: kept.id, start: at, end: at + exact.length, exact, orphaned: true }),
    );
    const stale = text.slice(at, at + exact.length);
    for (const script of ['original', 'simplified', 'both'] as const) {
      const md = (await services.exporter.build({ articleId: kept.id, format: 'markdown', script })).content;
      const quotes = md.split('\n').filter((l) => l.startsWith('> '));
      const expected =
        script === 'original'
          ? [exact]
          : script === 'simplified'
            ? [convertChain(exact, simplified).text]
            : [exact, convertChain(exact, simplified).text];
      expect(quotes.map((q) => q.slice(2).replace(/ \^dz-[\w-]+$/, ''))).toEqual(expected);
      expect(quotes.join('\n')).not.toContain(stale.slice(0, 4));
    }
    services.close();
  });
});
