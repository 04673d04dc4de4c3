import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportFormat, ExportScript, Highlight, HighlightColor } from '../../preload/contract/types';
import { describe as describeQuote } from '../../main/annotations/quote-selector';
import { ExportReadStore } from '../../main/db/export-reads';
import { HighlightStore } from '../../main/db/highlights';
import { Exporter, writeFileAtomic } from '../../main/export/exporter';
import { createHandlers } from '../../main/handlers';
import { csvField } from '../../main/export/formats';
import { openServices } from '../../main/services';
import { parseCsv } from '../helpers/csv';
import { ROOT, SAMPLES_DIR, tempDir } from '../helpers/data';

const GOLDEN = join(ROOT, 'tests', 'golden');
const NOW = new Date('2026-11-27T08:00:00.000Z');

/** A fixed set of highlights on the seeds: phrases, a note with commas, quotes and line breaks. */
const FIXED: { seed: string; phrase: string; color: HighlightColor; note: string }[] = [
  { seed: '从消费互联网', phrase: '产业互联网', color: 'yellow', note: '' },
  { seed: '从消费互联网', phrase: '腾讯云', color: 'green', note: '云, "智慧产业"\n第二行' },
  { seed: '騰訊產業互聯網週年考', phrase: '產業互聯網', color: 'blue', note: '週年考' },
  { seed: '產業互聯網六年', phrase: '最漫長的夏天', color: 'pink', note: '天氣 <熱>\t炎熱' },
  { seed: '產業互聯網六年', phrase: '歷史紀錄', color: 'purple', note: '' },
];

function library() {
  const services = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR });
  const store = new HighlightStore(services.db);
  const ids = new Map<string, number>();
  FIXED.forEach((f, i) => {
    const article = services.articles.list().find((a) => a.title.startsWith(f.seed))!;
    ids.set(f.seed, article.id);
    const text = services.articles.sourceText(article.id)!;
    const start = text.indexOf(f.phrase);
    const stamp = `2026-11-2${i}T0${i}:00:00.000Z`;
    const h: Highlight = {
      id: `00000000-0000-4000-8000-00000000000${i}`,
      articleId: article.id,
      ...describeQuote(text, start, start + f.phrase.length),
      color: f.color,
      note: f.note,
      orphaned: false,
      createdAt: stamp,
      updatedAt: stamp,
    };
    store.insert(h);
  });
  const exporter = new Exporter(services.db, new ExportReadStore(services.db), store, services.conversions, () => NOW);
  return { services, exporter, ids };
}

/** Compares with the golden file, or writes it when UPDATE_GOLDEN=1. */
function golden(name: string, content: string) {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, content);
  }
  expect(content).toBe(readFileSync(file, 'utf8'));
}

describe('export', () => {
  const cases: [string, string, ExportFormat, ExportScript][] = [
    ['simplified-seed.md', '从消费互联网', 'markdown', 'original'],
    ['taiwan-seed-both.md', '騰訊產業互聯網週年考', 'markdown', 'both'],
    ['traditional-seed.json', '產業互聯網六年', 'json', 'simplified'],
    ['simplified-seed-readwise.csv', '从消费互联网', 'csv', 'taiwan'],
    ['traditional-seed-anki.tsv', '產業互聯網六年', 'anki', 'simplified'],
  ];

  it.each(cases)('%s matches its golden file', async (name, seed, format, script) => {
    const { exporter, ids, services } = library();
    const file = await exporter.build({ articleId: ids.get(seed)!, format, script });
    golden(name, file.content);
    services.close();
  });

  it('exports the whole library in every format', async () => {
    const { exporter, services } = library();
    for (const [format, ext] of [
      ['markdown', 'md'],
      ['json', 'json'],
      ['csv', 'csv'],
      ['anki', 'tsv'],
    ] as const) {
      const file = await exporter.build({ format, script: 'original' });
      expect(file.count).toBe(FIXED.length);
      golden(`library.${ext}`, file.content);
    }
    services.close();
  });

  it('puts quotes in the chosen script, the converted words included', async () => {
    const { exporter, ids, services } = library();
    const md = (
      await exporter.build({ articleId: ids.get('產業互聯網六年')!, format: 'markdown', script: 'simplified' })
    ).content;
    expect(md).toContain('> 最漫长的夏天 ^dz-');
    expect(md).toContain('> 历史纪录 ^dz-');
    const both = (
      await exporter.build({ articleId: ids.get('從消費') ?? ids.get('从消费互联网')!, format: 'csv', script: 'both' })
    ).content;
    // The original, then its Traditional conversion, in one field.
    expect(parseCsv(both)[2]![0]).toBe('腾讯云\n騰訊雲');
    services.close();
  });

  it('quotes commas, quotes and line breaks in CSV so that a reader gets the note back', async () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    const { exporter, services } = library();
    const rows = parseCsv((await exporter.build({ format: 'csv', script: 'original' })).content);
    expect(rows[0]).toEqual(['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date']);
    expect(rows.every((r) => r.length === 7)).toBe(true);
    const cloud = rows.find((r) => r[0] === '腾讯云')!;
    expect(cloud[4]).toBe('云, "智慧产业"\n第二行 #green');
    expect(cloud[6]).toBe('2026-11-21 01:00:00');
    services.close();
  });

  it('writes the Web Annotation model’s required fields', async () => {
    const { exporter, services } = library();
    const json = JSON.parse((await exporter.build({ format: 'json', script: 'traditional' })).content) as {
      '@context': unknown[];
      type: string;
      total: number;
      first: { type: string; items: Record<string, unknown>[] };
    };
    expect(json['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(json.type).toBe('AnnotationCollection');
    expect(json.first.type).toBe('AnnotationPage');
    expect(json.total).toBe(FIXED.length);
    for (const item of json.first.items) {
      expect(item.id).toMatch(/^urn:uuid:/);
      expect(item.type).toBe('Annotation');
      const target = item.target as { source: string; selector: { type: string }[] };
      expect(target.source).toMatch(/^urn:duizhao:article:sha256:[0-9a-f]{64}$/);
      expect(target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
      expect(item.created).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(item.modified).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    expect(json.first.items.filter((i) => i.motivation === 'commenting')).toHaveLength(3);
    const noted = json.first.items.find((i) => i['dz:color'] === 'blue')!;
    expect(noted.body).toEqual([{ type: 'TextualBody', value: '週年考', format: 'text/plain', purpose: 'commenting' }]);
    services.close();
  });

  it('exported JSON imports back into another library, re-anchored, with a report', async () => {
    const { exporter, services } = library();
    const original = services.articles.list().flatMap((a) => services.annotations.list(a.id));
    const json = (await exporter.build({ format: 'json', script: 'original' })).content;
    services.close();

    // A fresh library with the same articles: every annotation finds its article by content hash.
    const other = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR });
    const report = await other.exporter.importJson(json);
    expect(report).toEqual({ total: 5, matched: 5, orphaned: 0, noArticle: 0, alreadyThere: 0 });
    const restored = other.articles.list().flatMap((a) => other.annotations.list(a.id));
    const strip = (h: Highlight) => ({ ...h, articleId: 0 });
    expect(restored.map(strip).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      original.map(strip).sort((a, b) => a.id.localeCompare(b.id)),
    );
    // Importing the same file again changes nothing.
    expect(await other.exporter.importJson(json)).toMatchObject({ alreadyThere: 5, matched: 0 });

    // An edited article is found by title and quote; words that are gone come back orphaned.
    const edited = json.replace(/"exact": "歷史紀錄"/, '"exact": "不存在的紀錄"');
    const third = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR });
    expect(await third.exporter.importJson(edited)).toEqual({
      total: 5,
      matched: 4,
      orphaned: 1,
      noArticle: 0,
      alreadyThere: 0,
    });
    const orphan = third.articles
      .list()
      .flatMap((a) => third.annotations.list(a.id))
      .find((h) => h.orphaned)!;
    expect(orphan.exact).toBe('不存在的紀錄');
    other.close();
    third.close();

    // No article at all: nothing is imported, and the report says so.
    const empty = openServices({ dataDir: tempDir() });
    expect(await empty.exporter.importJson(json)).toMatchObject({ total: 5, noArticle: 5, matched: 0 });
    empty.close();
  });

  it('refuses files that are not our export, and stores nothing from them', async () => {
    const { services } = library();
    const count = () => services.articles.list().flatMap((a) => services.annotations.list(a.id)).length;
    await expect(services.exporter.importJson('not json')).rejects.toThrow(/not JSON/);
    await expect(services.exporter.importJson('{"hello": 1}')).rejects.toThrow(/not a Duizhao annotation export/);
    const broken = JSON.stringify({ first: { items: [{ id: 'x', target: { source: 's', selector: [] } }] } });
    await expect(services.exporter.importJson(broken)).rejects.toThrow(/Annotation 1 is not valid/);
    expect(count()).toBe(FIXED.length);
    services.close();
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole, and leaves no temporary file behind', () => {
    const dir = tempDir();
    const path = join(dir, 'notes.md');
    writeFileSync(path, 'old');
    writeFileAtomic(path, '新的內容');
    expect(readFileSync(path, 'utf8')).toBe('新的內容');
    expect(readdirSync(dir)).toEqual(['notes.md']);
  });

  it('a failed write says what failed and leaves the existing file as it was', () => {
    const dir = tempDir();
    const path = join(dir, 'notes.md');
    writeFileSync(path, 'old');
    // The target is a folder that does not exist: the temporary file cannot even be created.
    expect(() => writeFileAtomic(join(dir, 'missing', 'notes.md'), 'x')).toThrow(
      /Could not write .*Nothing was written/,
    );
    // Renaming over a directory fails after the temporary file is written: it is removed again.
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'folder', 'inside.txt'), 'keep');
    expect(() => writeFileAtomic(join(dir, 'folder'), 'x')).toThrow(/Could not write/);
    expect(readdirSync(dir).sort()).toEqual(['folder', 'notes.md']);
    expect(readFileSync(path, 'utf8')).toBe('old');
  });
});

describe('the export call', () => {
  it('in the app writes where the save dialog says, and a cancelled dialog writes nothing', async () => {
    const { services, ids } = library();
    const dir = tempDir();
    let answer: string | null = join(dir, 'notes.md');
    const handlers = createHandlers(services, {
      appInfo: () => ({ version: 'test', systemLocale: 'zh-CN', nativeDialogs: true, imageBase: '/library-images/' }),
      pickImportPaths: () => Promise.resolve(null),
      pickSavePath: () => Promise.resolve(answer),
      openExternal: () => Promise.resolve(),
    });
    const request = { articleId: ids.get('產業互聯網六年')!, format: 'markdown' as const, script: 'original' as const };
    const saved = await handlers.exportAnnotations(request);
    expect(saved).toEqual({ saved: true, path: join(dir, 'notes.md'), count: 2 });
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toContain('> 最漫長的夏天 ^dz-');
    answer = null;
    await expect(handlers.exportAnnotations(request)).rejects.toThrow(/cancelled/);
    expect(readdirSync(dir)).toEqual(['notes.md']);
    services.close();
  });
});
