import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MARK_TYPES, RICH_BLOCK_KINDS, type RichBlock } from '../../preload/contract/article-model';
import { declaredCharset, pageCharset } from '../../main/library/html/charset';
import { importHtml, importHtmlBytes } from '../../main/library/html/index';
import { stripSiteSuffix } from '../../main/library/html/metadata';
import { OWASP_VECTORS } from '../helpers/hostile';
import { encodePage, NEWS_URL, newsPage, newsParagraphs, newsTitle, PNG_1X1 } from '../helpers/pages';

const texts = (blocks: readonly RichBlock[]) => blocks.map((b) => b.text);
const all = (blocks: readonly RichBlock[]) => texts(blocks).join('\n');

describe('a saved news page', () => {
  const doc = importHtml(newsPage({ padding: 20_000 }));

  it('keeps the article and drops the chrome', () => {
    const text = all(doc.blocks);
    for (const paragraph of newsParagraphs()) expect(text).toContain(paragraph);
    for (const chrome of ['腾讯首页', '您的位置', '广告', '相关阅读', '网友评论', 'Copyright', '分享到', 'track()']) {
      expect(text, chrome).not.toContain(chrome);
    }
    expect(text).not.toMatch(/<|DOCTYPE|script/i);
  });

  it('reads the title without the site suffix, and the page facts', () => {
    expect(doc.title).toBe(newsTitle());
    expect(doc.blocks[0]).toEqual({ kind: 'heading', level: 1, text: newsTitle() });
    expect(doc.author).toBe('郭榮村');
    expect(doc.siteName).toBe('腾讯网');
    expect(doc.publishedAt).toBe('2019-09-30');
    expect(doc.sourceUrl).toBe(NEWS_URL);
    expect(doc.language).toBe('zh-CN');
    expect(doc.tags).toEqual(['腾讯', '产业互联网', '云']);
    expect(doc.notices).toEqual([]);
  });

  it('keeps structure: paragraphs without their full-width indent, a subheading, a strong mark', () => {
    const paragraphs = newsParagraphs();
    const second = doc.blocks.find((b) => b.text === paragraphs[1]);
    expect(second?.kind).toBe('paragraph');
    const strong = second?.marks?.find((m) => m.type === 'strong');
    expect(strong && second!.text.slice(strong.start, strong.end)).toBe('騰訊');
    const sub = doc.blocks.find((b) => b.kind === 'heading' && b.level === 2);
    expect(sub?.text).toBe(paragraphs[5]!.slice(0, 12));
    expect(doc.blocks.every((b) => !b.text.startsWith('\u3000') && !b.text.includes('\n'))).toBe(true);
  });
});

describe('character sets', () => {
  it('reads a GBK page that declares its charset only in a meta tag', () => {
    const page = newsPage({ charset: 'gbk', title: '腾讯云开发者大会在深圳召开' });
    const bytes = encodePage(page, 'gbk');
    expect(declaredCharset(bytes)).toBe('gbk');
    const outcome = importHtmlBytes(bytes);
    expect(outcome.status).toBe('ok');
    if (outcome.status !== 'ok') return;
    expect(outcome.charset).toMatchObject({ encoding: 'gb18030', source: 'declared' });
    expect(outcome.document.title).toBe('腾讯云开发者大会在深圳召开');
    expect(all(outcome.document.blocks)).toContain(newsParagraphs()[0]);
  });

  it('reads a Big5 page declared with http-equiv', () => {
    const bytes = encodePage(newsPage({ charset: 'big5', charsetDeclaration: 'http-equiv' }), 'big5');
    expect(pageCharset(bytes)).toMatchObject({ encoding: 'big5', source: 'declared' });
    const outcome = importHtmlBytes(bytes);
    expect(outcome.status === 'ok' && all(outcome.document.blocks)).toContain(newsParagraphs()[2]);
  });

  it('detects an undeclared GBK page from its bytes', () => {
    const bytes = encodePage(newsPage({ charsetDeclaration: 'none' }), 'gbk');
    const charset = pageCharset(bytes);
    expect(charset.source).toBe('detected');
    expect(charset.encoding).toBe('gb18030');
  });

  it('does not trust a page that says UTF-8 but is GBK', () => {
    const bytes = encodePage(newsPage({ charset: 'utf-8' }), 'gbk');
    expect(pageCharset(bytes).encoding).toBe('gb18030');
  });
});

describe('images', () => {
  it('stores an image embedded as a data URI (SingleFile) and takes the address from its header', () => {
    const html = newsPage({ singleFile: true, image: { kind: 'data' } }).replace(/<link rel="canonical"[^>]*>/, '');
    const doc = importHtml(html);
    expect(doc.sourceUrl).toBe(NEWS_URL);
    expect(doc.images).toHaveLength(1);
    const id = createHash('sha256').update(PNG_1X1).digest('hex');
    expect(doc.images[0]).toMatchObject({ id, mime: 'image/png' });
    const figure = doc.blocks.find((b) => b.kind === 'figure');
    expect(figure).toMatchObject({ text: '圖：產業互聯網', image: { id, alt: '產業互聯網圖示' } });
  });

  it('stores images of a "complete" save from its _files folder, and keeps remote ones as placeholders', () => {
    const path = './騰訊_files/photo.png';
    const asked: string[] = [];
    const doc = importHtml(newsPage({ image: { kind: 'relative', path } }), {
      resources: (url) => {
        asked.push(url);
        return url === path ? { bytes: PNG_1X1, mime: 'image/png' } : null;
      },
    });
    expect(asked[0]).toBe(path);
    expect(doc.blocks.find((b) => b.kind === 'figure')?.image).toMatchObject({
      alt: '湯道生在發佈會上',
      width: 640,
      height: 360,
      id: doc.images[0]?.id,
    });

    const remote = importHtml(newsPage({ image: { kind: 'remote' } }));
    expect(remote.images).toHaveLength(0);
    expect(remote.notices).toContain('remote_images');
    expect(remote.blocks.find((b) => b.kind === 'figure')?.image).toEqual({ alt: '遠端圖片說明' });
  });

  it('does not store what is not an image (an SVG, a script behind an image type)', () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString(
      'base64',
    );
    const html = `<html><body><h1>圖</h1><figure><img src="data:image/svg+xml;base64,${svg}" alt="向量"></figure>
      <figure><img src="data:image/png;base64,${Buffer.from('alert(1)').toString('base64')}" alt="假圖"></figure></body></html>`;
    const doc = importHtml(html, { extract: false });
    expect(doc.images).toHaveLength(0);
    expect(doc.blocks.filter((b) => b.kind === 'figure').map((b) => b.image)).toEqual([
      { alt: '向量' },
      { alt: '假圖' },
    ]);
  });
});

describe('pages without an article', () => {
  it('keeps the whole visible text and says so', () => {
    const links = Array.from({ length: 8 }, (_, i) => `<li><a href="/n/${i}">新闻标题${i}</a></li>`).join('');
    const doc = importHtml(`<html><head><title>导航页</title></head><body><nav><ul>${links}</ul></nav>
      <p style="display:none">隐藏的文字</p><p>页面底部说明</p></body></html>`);
    expect(doc.notices).toContain('whole_page');
    const text = all(doc.blocks);
    expect(text).toContain('新闻标题7');
    expect(text).toContain('页面底部说明');
    expect(text).not.toContain('隐藏的文字');
  });
});

describe('the allowlist walk', () => {
  const walk = (body: string) => importHtml(`<html><body>${body}</body></html>`, { extract: false }).blocks;

  it('keeps lists with their nesting and numbering', () => {
    const blocks = walk('<ol><li>第一<ul><li>甲</li><li>乙</li></ul></li><li>第二</li></ol>');
    expect(blocks.map((b) => [b.kind, b.level, b.ordered, b.text])).toEqual([
      ['listItem', 1, true, '第一'],
      ['listItem', 2, false, '甲'],
      ['listItem', 2, false, '乙'],
      ['listItem', 1, true, '第二'],
    ]);
  });

  it('keeps quotes, preformatted lines, rules and line breaks as blocks', () => {
    const blocks = walk(
      '<blockquote><p>引文一</p><blockquote>引文二</blockquote></blockquote><pre>\nline 1\n  line 2</pre><hr><p>上<br>下</p>',
    );
    expect(blocks.map((b) => [b.kind, b.level ?? null, b.text])).toEqual([
      ['quote', 1, '引文一'],
      ['quote', 2, '引文二'],
      ['preformatted', null, 'line 1'],
      ['preformatted', null, '  line 2'],
      ['rule', null, ''],
      ['paragraph', null, '上'],
      ['paragraph', null, '下'],
    ]);
  });

  it('turns a data table into rows of cells, and a layout table into blocks', () => {
    const blocks = walk(
      '<table><thead><tr><th>城市</th><th>人口</th></tr></thead><tbody><tr><td>深圳</td><td> 1,766 万 </td></tr></tbody></table>' +
        '<table><tr><td><p>版面</p><img src="https://x/y.png" alt="圖"></td></tr></table>',
    );
    const rows = blocks.filter((b) => b.kind === 'tableRow');
    expect(rows).toEqual([
      { kind: 'tableRow', text: '城市\t人口', cells: [0, 3], header: true },
      { kind: 'tableRow', text: '深圳\t1,766 万', cells: [0, 3] },
    ]);
    expect(texts(blocks)).toContain('版面');
  });

  it('keeps ruby as base text with the reading beside it', () => {
    const [block] = walk('<p><ruby>漢<rp>(</rp><rt>hàn</rt><rp>)</rp>字<rt>zì</rt></ruby>很美</p>');
    expect(block?.text).toBe('漢字很美');
    expect(block?.marks).toEqual([
      { type: 'ruby', start: 0, end: 1, annotation: 'hàn' },
      { type: 'ruby', start: 1, end: 2, annotation: 'zì' },
    ]);
  });

  it('joins lines broken between Chinese characters, and keeps spaces between words', () => {
    const [block] = walk('<p>产业\n互联网 is\nhere</p>');
    expect(block?.text).toBe('产业互联网 is here');
  });

  it('keeps web links only, resolved against the page', () => {
    const doc = importHtml(
      '<html><body><p><a href="/a">站内</a><a href="mailto:x@y.cn">信</a><a href="file:///etc/passwd">档</a></p></body></html>',
      {
        url: 'https://news.example.cn/2024/x.html',
        extract: false,
      },
    );
    const block = doc.blocks.at(-1);
    expect(block?.marks).toEqual([
      { type: 'link', start: 0, end: 2, href: 'https://news.example.cn/a' },
      { type: 'link', start: 2, end: 3, href: 'mailto:x@y.cn' },
    ]);
  });
});

describe('hostile markup', () => {
  // Unclosed vectors swallow what follows them, as they would in a browser: the text comes first.
  const html = `<html><head><title>惡意頁面</title></head><body><h1>惡意頁面</h1><p>正文第一段。</p>
    ${OWASP_VECTORS.map((v, i) => `<p>向量${i}：</p>${v}`).join('\n')}</body></html>`;

  for (const extract of [false, true]) {
    it(`imports as inert text (${extract ? 'with' : 'without'} article extraction)`, () => {
      const doc = importHtml(html, { extract });
      for (const block of doc.blocks) {
        expect(RICH_BLOCK_KINDS).toContain(block.kind);
        for (const mark of block.marks ?? []) {
          expect(MARK_TYPES).toContain(mark.type);
          if (mark.href !== undefined) expect(mark.href).toMatch(/^(https?:|mailto:)/);
        }
        // Figures only point at images stored from the file, never at a URL.
        if (block.image)
          expect(Object.keys(block.image).every((k) => ['id', 'alt', 'width', 'height'].includes(k))).toBe(true);
      }
      expect(doc.images).toHaveLength(0);
      const text = all(doc.blocks);
      // Script bodies and attributes never become text (literal text in the page stays text).
      expect(text).not.toMatch(/alert\(|onerror|onload|expression\(|cookie/i);
      expect(doc.blocks.filter((b) => b.kind === 'figure')).toEqual([]);
      expect(text).toContain('正文第一段。');
    });
  }
});

describe('site suffixes', () => {
  it.each([
    ['产业互联网六年_科技_腾讯网', '腾讯网', '产业互联网六年'],
    ['产业互联网六年 - 腾讯网', '腾讯网', '产业互联网六年'],
    ['产业互联网六年|腾讯网', '腾讯网', '产业互联网六年'],
    ['产业互联网六年_腾讯新闻', '腾讯网', '产业互联网六年_腾讯新闻'],
    ['A-B 测试方法', null, 'A-B 测试方法'],
    ['腾讯网', '腾讯网', '腾讯网'],
  ])('%s (site %s) → %s', (title, site, expected) => {
    expect(stripSiteSuffix(title, site)).toBe(expected);
  });
});
