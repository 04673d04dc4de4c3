import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Alignment } from '../../preload/contract/alignment';
import type { ImportOutcome } from '../../preload/contract/types';
import { openServices } from '../../main/services';
import { deflatedZeros, writeZip } from '../fixtures/import/zip-writer';
import { COVER, epub2, epub3, FIGURE } from '../helpers/books';
import { tempDir } from '../helpers/data';
import { chromeMhtml, PAGE_URL, PICTURE } from '../helpers/mhtml';
import { encodePage, NEWS_URL, newsPage, newsParagraphs, newsTitle, PNG_1X1 } from '../helpers/pages';
import { png } from '../helpers/png';

/**
 * Rich import through the library, as the app does it: the format told from the file, the article
 * stored with its structure, metadata and images, served back, converted with its marks, and
 * highlighted. Real files made in the test: saved pages, MHTML, Markdown, EPUB 3 and 2, a zip bomb.
 */

function library() {
  const s = openServices({ dataDir: tempDir(), emit: () => {} });
  return s;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

function imported(outcomes: ImportOutcome[]) {
  return outcomes.map((o) => {
    if (o.status !== 'imported') throw new Error(`expected an import, got ${JSON.stringify(o)}`);
    return o;
  });
}

describe('importing rich formats into the library', () => {
  it('a saved news page becomes its article: no chrome, title without the site suffix, metadata, structure', async () => {
    const s = library();
    const report = await s.library.importFiles([{ name: '腾讯新闻.html', bytes: encodePage(newsPage()) }]);
    const [outcome] = imported(report.outcomes);
    const article = s.articles.get(outcome!.article.id)!;
    expect(article).toMatchObject({
      title: newsTitle(),
      author: '郭榮村',
      source: '腾讯网',
      sourceUrl: NEWS_URL,
      publishedAt: '2019-09-30',
      language: 'zh-CN',
      format: 'html',
      encoding: 'utf-8',
    });
    expect(article.tags).toEqual(['腾讯', '产业互联网', '云']);
    const text = article.blocks.map((b) => b.text).join('\n');
    for (const p of newsParagraphs()) expect(text).toContain(p);
    for (const chrome of ['腾讯首页', '广告', '网友评论', 'Copyright', '相关阅读', 'track()']) {
      expect(text).not.toContain(chrome);
    }
    expect(article.blocks[0]).toMatchObject({ kind: 'heading', level: 1, text: newsTitle(), start: 0 });
    expect(article.blocks.some((b) => b.kind === 'heading' && b.level === 2)).toBe(true);
    // The strong 騰訊 is a mark over the block's text, not text.
    const strong = article.blocks.find((b) => b.marks?.some((m) => m.type === 'strong'))!;
    const mark = strong.marks!.find((m) => m.type === 'strong')!;
    expect(strong.text.slice(mark.start, mark.end)).toBe('騰訊');
    // Offsets are the plain text's: each block starts where the joined text says.
    for (const b of article.blocks) expect(text.slice(b.start, b.start + b.text.length)).toBe(b.text);
    s.close();
  });

  it('a GBK page that declares its charset only in a meta tag reads right, and says it was GBK', async () => {
    const s = library();
    const page = newsPage({ charset: 'gbk' });
    const [outcome] = imported(
      (await s.library.importFiles([{ name: 'gbk.htm', bytes: encodePage(page, 'gbk') }])).outcomes,
    );
    const article = s.articles.get(outcome!.article.id)!;
    expect(article.encoding).toBe('gb18030');
    expect(article.blocks.map((b) => b.text).join('\n')).toContain(newsParagraphs()[0]!);
    s.close();
  });

  it('a SingleFile page: its data: image stored once and served, its address from the header', async () => {
    const s = library();
    const page = encodePage(newsPage({ singleFile: true, image: { kind: 'data' } }));
    const [outcome] = imported((await s.library.importFiles([{ name: 'saved', bytes: page }])).outcomes);
    const article = s.articles.get(outcome!.article.id)!;
    expect(article.format).toBe('html');
    expect(article.sourceUrl).toBe(NEWS_URL);
    const figure = article.blocks.find((b) => b.kind === 'figure')!;
    expect(figure.text).toBe('圖：產業互聯網');
    expect(figure.image).toMatchObject({ id: sha256(PNG_1X1), alt: '產業互聯網圖示' });
    expect(s.articles.image(sha256(PNG_1X1))).toEqual({ mime: 'image/png', bytes: PNG_1X1 });
    s.close();
  });

  it('"Web page, complete": the page finds its images in its _files folder, picked together or on disk', async () => {
    const s = library();
    const picture = new Uint8Array(png(1, 2, 3));
    const page = encodePage(newsPage({ image: { kind: 'relative', path: './page_files/photo%201.png' } }));
    const report = await s.library.importFiles([
      { name: 'page_files/photo 1.png', bytes: picture },
      { name: 'page.html', bytes: page },
    ]);
    // One article; the image is the page's, not an article (nor a failed import) of its own.
    expect(report.outcomes.map((o) => o.status)).toEqual(['imported']);
    const article = s.articles.get(imported(report.outcomes)[0]!.article.id)!;
    expect(article.blocks.find((b) => b.kind === 'figure')?.image?.id).toBe(sha256(picture));

    // From disk (the native dialog): beside the page, never above its folder.
    const dir = tempDir();
    mkdirSync(join(dir, 'saved', 'page_files'), { recursive: true });
    const other = new Uint8Array(png(9, 8, 7));
    writeFileSync(join(dir, 'saved', 'page_files', 'photo 1.png'), other);
    writeFileSync(join(dir, 'secret.png'), new Uint8Array(png(6, 6, 6)));
    const twoImages = newsPage({
      title: '另一篇',
      image: { kind: 'relative', path: 'page_files/photo%201.png' },
    }).replace(
      '</div>\n    <div class="share">',
      '<p><img src="../secret.png" alt="上一層的圖"></p></div>\n    <div class="share">',
    );
    writeFileSync(join(dir, 'saved', 'page.html'), twoImages);
    const fromDisk = await s.library.importPaths([join(dir, 'saved', 'page.html')]);
    const second = s.articles.get(imported(fromDisk.outcomes)[0]!.article.id)!;
    const ids = second.blocks.flatMap((b) => (b.image?.id ? [b.image.id] : []));
    expect(ids).toEqual([sha256(other)]);
    expect(s.articles.image(sha256(new Uint8Array(png(6, 6, 6))))).toBeUndefined();
    s.close();
  });

  it('an image not used by any page of the batch is refused on its own, and the page still imports', async () => {
    const s = library();
    const report = await s.library.importFiles([
      { name: 'page.html', bytes: encodePage(newsPage()) },
      { name: 'holiday.png', bytes: new Uint8Array(png(4, 4, 4)) },
    ]);
    expect(report.outcomes.map((o) => [o.name, o.status])).toEqual([
      ['page.html', 'imported'],
      ['holiday.png', 'failed'],
    ]);
    s.close();
  });

  it('an MHTML archive: the page from its GBK part, its image from another part, its address', async () => {
    const s = library();
    const [outcome] = imported((await s.library.importFiles([{ name: '春天.mhtml', bytes: chromeMhtml() }])).outcomes);
    const article = s.articles.get(outcome!.article.id)!;
    expect(article).toMatchObject({
      title: '春天的故事',
      format: 'mhtml',
      sourceUrl: PAGE_URL,
      source: 'news.example.com',
    });
    expect(article.blocks.find((b) => b.kind === 'figure')?.image?.id).toBe(sha256(PICTURE));
    // A remote-only image is a placeholder, and the import says so.
    expect(outcome!.notices).toContain('remote_images');
    s.close();
  });

  it('Markdown: front matter gives the details and never shows; the body keeps its structure', async () => {
    const s = library();
    const md = [
      '---',
      'title: 第2篇：读书笔记',
      'author: 林语堂',
      'source: https://example.com/notes/2',
      'date: 2024-05-06',
      'tags: [读书, 笔记]',
      '---',
      '',
      '# 第2篇：读书笔记',
      '',
      '**真，**她说。这是*强调*和`代码`。',
      '',
      '> 引用的一段话。',
      '',
      '1. 第一项',
      '2. 第二项',
      '',
      '[链接](https://example.com/a) 与 [坏链接](javascript:alert(1))',
    ].join('\n');
    const [outcome] = imported((await s.library.importFiles([{ name: 'notes.md', bytes: utf8(md) }])).outcomes);
    const article = s.articles.get(outcome!.article.id)!;
    expect(article).toMatchObject({
      title: '第2篇：读书笔记',
      author: '林语堂',
      publishedAt: '2024-05-06',
      format: 'markdown',
      tags: ['读书', '笔记'],
    });
    const text = article.blocks.map((b) => b.text).join('\n');
    expect(text).not.toMatch(/---|title:|\*\*|^#/m);
    const bold = article.blocks.find((b) => b.text.startsWith('真，她说'))!;
    expect(bold.marks?.find((m) => m.type === 'strong')).toMatchObject({ start: 0, end: 2 });
    expect(article.blocks.find((b) => b.kind === 'quote')?.text).toBe('引用的一段话。');
    expect(article.blocks.filter((b) => b.kind === 'listItem').map((b) => [b.text, b.ordered])).toEqual([
      ['第一项', true],
      ['第二项', true],
    ]);
    const links = article.blocks.flatMap((b) => (b.marks ?? []).filter((m) => m.type === 'link'));
    expect(links.map((l) => l.href)).toEqual(['https://example.com/a']);
    s.close();
  });

  it('an EPUB 3 is one article with its chapters as headings; by choice, one article per chapter', async () => {
    const s = library();
    const [book] = imported((await s.library.importFiles([{ name: '呐喊.epub', bytes: epub3() }])).outcomes);
    const article = s.articles.get(book!.article.id)!;
    expect(article).toMatchObject({ title: '呐喊', author: '鲁迅', language: 'zh-CN', format: 'epub' });
    const headings = article.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings).toEqual(expect.arrayContaining(['自序', '狂人日记']));
    const images = article.blocks.flatMap((b) => (b.image?.id ? [b.image.id] : []));
    expect(images).toEqual(expect.arrayContaining([sha256(COVER), sha256(FIGURE)]));
    expect(s.articles.image(sha256(FIGURE))?.mime).toBe('image/png');

    s.settings.update({ epubSplit: 'chapters' });
    const chapters = imported((await s.library.importFiles([{ name: '彷徨.epub', bytes: epub2() }])).outcomes);
    expect(chapters.map((c) => c.article.title)).toEqual(['祝福', '在酒樓上']);
    expect(chapters.map((c) => s.articles.get(c.article.id)!.format)).toEqual(['epub', 'epub']);
    // The GBK chapter was read right.
    expect(s.articles.sourceText(chapters[0]!.article.id)).toContain('旧历的年底毕竟最像年底。');
    s.close();
  });

  it('a zip bomb is refused with its own error, and nothing is stored', async () => {
    const s = library();
    const before = s.articles.count();
    const zeros = deflatedZeros(300);
    const bomb = writeZip([
      { name: 'mimetype', data: 'application/epub+zip', method: 'store' },
      { name: 'OEBPS/big.xhtml', deflated: zeros },
    ]);
    const [outcome] = (await s.library.importFiles([{ name: 'book.epub', bytes: bomb }])).outcomes;
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'zip_bomb' } });
    expect(s.articles.count()).toBe(before);
    expect(s.db.prepare('SELECT count(*) AS n FROM images').get()).toEqual({ n: 0 });
    s.close();
  });

  it('a hostile page imports as inert text: no script, handler, frame or remote URL survives anywhere', async () => {
    const s = library();
    const hostile = `<!DOCTYPE html><html><head><title>攻击页</title><script>alert(1)</script></head><body>
      <article><h1>攻击页</h1>
      <p>正文第一段，说明这是一篇足够长的文章，好让正文提取认出它是文章而不是导航页面。正文第一段继续写下去。</p>
      <p onclick="alert(2)">点我<img src=x onerror=alert(3)><a href="javascript:alert(4)">链接</a><a href="https://ok.example/">好链接</a></p>
      <iframe src="https://evil.example/"></iframe><form action="https://evil.example/"><input name=q></form>
      <svg onload=alert(5)><a xlink:href="javascript:alert(6)">svg</a></svg>
      <p>&lt;script&gt;alert(7)&lt;/script&gt; 是要原样显示的文字。</p>
      <img src="https://tracker.example/pixel.gif" alt="远程">
      </article></body></html>`;
    const [outcome] = imported((await s.library.importFiles([{ name: 'x.html', bytes: utf8(hostile) }])).outcomes);
    const stored = JSON.stringify(s.db.prepare('SELECT kind, text, attrs FROM article_blocks').all());
    expect(stored).not.toMatch(/javascript:|onerror|onclick|onload|evil\.example|tracker\.example|<iframe|<form/i);
    const article = s.articles.get(outcome!.article.id)!;
    expect(article.blocks.map((b) => b.text).join('\n')).toContain('<script>alert(7)</script> 是要原样显示的文字。');
    const links = article.blocks.flatMap((b) => (b.marks ?? []).filter((m) => m.type === 'link').map((m) => m.href));
    expect(links).toEqual(['https://ok.example/']);
    s.close();
  });
});

describe('rich articles after import', () => {
  it('marks follow the conversion (内存 → 記憶體), and a highlight stays on its words in every script', async () => {
    const s = library();
    const md = '# 标题\n\n我把**内存里的软件**拷给了*朋友*。\n';
    const [outcome] = imported((await s.library.importFiles([{ name: 'a.md', bytes: utf8(md) }])).outcomes);
    const id = outcome!.article.id;
    const source = s.articles.sourceText(id)!;
    const start = source.indexOf('软件');
    const highlight = s.annotations.create({ articleId: id, start, end: start + 2, color: 'yellow' });
    expect(highlight.exact).toBe('软件');
    for (const script of ['traditional', 'taiwanPhrases', 'hongkong'] as const) {
      const view = await s.conversions.view(id, script);
      const block = view.blocks.find((b) => b.marks?.length)!;
      const strong = block.marks!.find((m) => m.type === 'strong')!;
      const em = block.marks!.find((m) => m.type === 'em')!;
      const plain = view.blocks.map((b) => b.text).join('\n');
      const alignment = Alignment.fromJSON(view.alignment);
      // The strong run is the conversion of '内存里的软件', whatever its length now (記憶體裡的軟體 in Taiwan).
      const strongSource = alignment.rangeToSource({
        start: block.start + strong.start,
        end: block.start + strong.end,
      });
      expect(source.slice(strongSource.start, strongSource.end)).toBe('内存里的软件');
      expect(block.text.slice(em.start, em.end)).toBe('朋友');
      const shown = alignment.rangeToTarget({ start: highlight.start, end: highlight.end });
      expect(plain.slice(shown.start, shown.end)).toBe(script === 'taiwanPhrases' ? '軟體' : '軟件');
    }
    s.close();
  });

  it('an image stays while an article uses it, and goes with the last one', async () => {
    const s = library();
    const a = imported(
      (await s.library.importFiles([{ name: 'a.html', bytes: encodePage(newsPage({ image: { kind: 'data' } })) }]))
        .outcomes,
    )[0]!;
    const b = imported(
      (
        await s.library.importFiles([
          {
            name: 'b.html',
            bytes: encodePage(
              newsPage({
                title: '第二篇',
                paragraphs: [
                  '第一段。',
                  '第二段。',
                  '第三段。',
                  '另一篇文章的正文，写得足够长，好让正文提取认出它来。'.repeat(3),
                ],
                image: { kind: 'data' },
              }),
            ),
          },
        ])
      ).outcomes,
    )[0]!;
    const id = sha256(PNG_1X1);
    expect(s.db.prepare('SELECT count(*) AS n FROM images').get()).toEqual({ n: 1 });
    s.library.delete(a.article.id);
    s.articles.purgeDeleted();
    expect(s.articles.image(id)).toBeDefined();
    s.library.delete(b.article.id);
    s.articles.purgeDeleted();
    expect(s.articles.image(id)).toBeUndefined();
    s.close();
  });

  it('"Update text…" takes any format: a page replaces a page, highlights re-anchored', async () => {
    const s = library();
    const [outcome] = imported(
      (await s.library.importFiles([{ name: 'a.html', bytes: encodePage(newsPage()) }])).outcomes,
    );
    const id = outcome!.article.id;
    const source = s.articles.sourceText(id)!;
    const word = newsParagraphs()[2]!.slice(0, 6);
    const start = source.indexOf(word);
    s.annotations.create({ articleId: id, start, end: start + word.length, color: 'green' });
    const edited = newsPage({ paragraphs: ['新加的一段放在最前面。', ...newsParagraphs()] });
    const report = await s.library.replaceText(id, { name: 'a.html', bytes: encodePage(edited) });
    expect(report).toMatchObject({ status: 'replaced', orphaned: 0 });
    const [moved] = s.annotations.list(id);
    expect(s.articles.sourceText(id)!.slice(moved!.start, moved!.end)).toBe(word);
    expect(s.articles.get(id)!.format).toBe('html');
    s.close();
  });

  it('Markdown export writes the sections and list items around the highlights; the JSON is unchanged', async () => {
    const s = library();
    const md = [
      '# 读书笔记',
      '',
      '开头的一段，不在任何小节里。',
      '',
      '## 第一章 软件',
      '',
      '第一章里的句子。',
      '',
      '### 第一节',
      '',
      '- 要记住的一项',
      '',
      '## 第二章',
      '',
      '1. 第二章的第一步',
    ].join('\n');
    const [outcome] = imported((await s.library.importFiles([{ name: 'n.md', bytes: utf8(md) }])).outcomes);
    const id = outcome!.article.id;
    const source = s.articles.sourceText(id)!;
    const mark = (words: string) => {
      const start = source.indexOf(words);
      s.annotations.create({ articleId: id, start, end: start + words.length, color: 'yellow' });
    };
    for (const words of ['开头的一段', '第一章里的句子', '要记住的一项', '第二章的第一步']) mark(words);

    const markdown = (await s.exporter.build({ articleId: id, format: 'markdown', script: 'traditional' })).content;
    const body = markdown.slice(markdown.indexOf('# 读书笔记'));
    const lines = body.split('\n').filter((l) => l.startsWith('#') || l.startsWith('>'));
    expect(lines.map((l) => l.replace(/ \^dz-[0-9a-f-]+$/, ''))).toEqual([
      '# 读书笔记',
      '> 開頭的一段',
      '#highlight/yellow',
      '## 第一章 軟件',
      '> 第一章裏的句子',
      '#highlight/yellow',
      '### 第一節',
      '> - 要記住的一項',
      '#highlight/yellow',
      '## 第二章',
      '> 1. 第二章的第一步',
      '#highlight/yellow',
    ]);
    // The W3C JSON carries no such context: it is the same as before rich articles.
    const json = (await s.exporter.build({ articleId: id, format: 'json', script: 'original' })).content;
    expect(json).not.toMatch(/headings|"kind"|listItem/);
    s.close();
  });
});
