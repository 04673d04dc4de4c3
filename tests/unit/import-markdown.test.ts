import { describe, expect, test } from 'vitest';
import type { ImportedDocument, RichBlock } from '../../preload/contract/article-model';
import { parseFrontMatter, splitFrontMatter } from '../../main/library/formats/front-matter';
import { importMarkdown } from '../../main/library/formats/markdown';

const marked = (block: RichBlock | undefined, type: string): string[] =>
  (block?.marks ?? []).filter((m) => m.type === type).map((m) => block?.text.slice(m.start, m.end) ?? '');

const allText = (doc: ImportedDocument): string => doc.blocks.map((b) => b.text).join('\n');

describe('front matter', () => {
  test('reads scalars, quoted strings, both list forms, block scalars and comments', () => {
    const data = parseFrontMatter(
      [
        'title: "鲁迅：\\"故乡\\"" # the story',
        "author: '周''树人'",
        'date: 2024-03-05T08:00:00+08:00',
        'tags: [小说, "乡土, 回忆", \'1921\']',
        'categories:',
        '  - 文学',
        '  - "短篇"',
        '# a comment line',
        'summary: >',
        '  一段',
        '  折行的摘要',
        'note: |',
        '  第一行',
        '  第二行',
        'url: https://example.com/a#b',
        'nested:',
        '  name: ignored',
        'empty:',
      ].join('\n'),
    );
    expect(data.get('title')).toBe('鲁迅："故乡"');
    expect(data.get('author')).toBe("周'树人");
    expect(data.get('date')).toBe('2024-03-05T08:00:00+08:00');
    expect(data.get('tags')).toEqual(['小说', '乡土, 回忆', '1921']);
    expect(data.get('categories')).toEqual(['文学', '短篇']);
    expect(data.get('summary')).toBe('一段 折行的摘要');
    expect(data.get('note')).toBe('第一行\n第二行');
    expect(data.get('url')).toBe('https://example.com/a#b');
    expect(data.has('nested')).toBe(false);
    expect(data.has('name')).toBe(false);
    expect(data.has('empty')).toBe(false);
  });

  test('is only front matter between fences at the very top', () => {
    expect(splitFrontMatter('---\ntitle: a\n---\n正文').body).toBe('正文');
    expect(splitFrontMatter('\uFEFF---\r\ntitle: a\r\n...\r\n正文').data.get('title')).toBe('a');
    const unclosed = splitFrontMatter('---\ntitle: a\n正文');
    expect(unclosed.data.size).toBe(0);
    expect(unclosed.body).toBe('---\ntitle: a\n正文');
    expect(splitFrontMatter('正文\n---\ntitle: a\n---\n').data.size).toBe(0);
  });
});

describe('importMarkdown', () => {
  const article = [
    '---',
    'title: 故乡',
    'author: 鲁迅',
    'source: https://example.com/guxiang',
    'date: 1921-05-01',
    'tags:',
    '  - 小说',
    '  - 乡土',
    'lang: zh-CN',
    '---',
    '',
    '# 故乡',
    '',
    '我冒了严寒，回到相隔二千余里，别了二十余年的故乡去。',
    '时候既然是深冬；渐近故乡时，天气又阴晦了。',
    '',
    '## 一',
    '',
    '> 我所记得的故乡全不如此。',
    '',
    '- 闰土',
    '- 杨二嫂',
    '  1. 豆腐西施',
    '',
    '```',
    'const 故乡 = "远";',
    'console.log(故乡);',
    '```',
    '',
    '| 人物 | 身份 |',
    '| --- | --- |',
    '| 闰土 | 少年 |',
    '',
    '这是**真，**她说，见[原文](https://example.com/yuanwen "原文")与`code`，还有*斜体*。',
    '',
    '---',
    '',
    '<b>不是标记</b>',
  ].join('\n');

  test('front matter fills title, author, source, date, tags and language', () => {
    const doc = importMarkdown(article);
    expect(doc.title).toBe('故乡');
    expect(doc.author).toBe('鲁迅');
    expect(doc.sourceUrl).toBe('https://example.com/guxiang');
    expect(doc.publishedAt).toBe('1921-05-01');
    expect(doc.tags).toEqual(['小说', '乡土']);
    expect(doc.language).toBe('zh-CN');
  });

  test('`**真，**她` is strong over 真，(the CJK-friendly emphasis rule)', () => {
    const doc = importMarkdown('这是**真，**她说。');
    const block = doc.blocks[0];
    expect(block?.text).toBe('这是真，她说。');
    expect(marked(block, 'strong')).toEqual(['真，']);
  });

  test('headings, paragraphs, quotes, lists, code, tables and links keep their structure', () => {
    const doc = importMarkdown(article);
    const kinds = doc.blocks.map((b) => b.kind);
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => [b.level, b.text])).toEqual([
      [1, '故乡'],
      [2, '一'],
    ]);
    // A soft line break between two hanzi is no space.
    expect(doc.blocks.find((b) => b.kind === 'paragraph')?.text).toBe(
      '我冒了严寒，回到相隔二千余里，别了二十余年的故乡去。时候既然是深冬；渐近故乡时，天气又阴晦了。',
    );
    expect(doc.blocks.find((b) => b.kind === 'quote')?.text).toBe('我所记得的故乡全不如此。');
    const items = doc.blocks.filter((b) => b.kind === 'listItem');
    expect(items.map((b) => b.text)).toEqual(['闰土', '杨二嫂', '豆腐西施']);
    expect(items[2]?.level).toBeGreaterThan(items[0]?.level ?? 1);
    expect(doc.blocks.filter((b) => b.kind === 'preformatted').map((b) => b.text)).toEqual([
      'const 故乡 = "远";',
      'console.log(故乡);',
    ]);
    expect(doc.blocks.filter((b) => b.kind === 'tableRow').map((b) => b.text.split('\t'))).toEqual([
      ['人物', '身份'],
      ['闰土', '少年'],
    ]);
    expect(kinds).toContain('rule');
    const sentence = doc.blocks.find((b) => b.text.startsWith('这是'));
    expect(sentence?.text).toBe('这是真，她说，见原文与code，还有斜体。');
    expect(marked(sentence, 'strong')).toEqual(['真，']);
    expect(marked(sentence, 'link')).toEqual(['原文']);
    expect(sentence?.marks?.find((m) => m.type === 'link')?.href).toBe('https://example.com/yuanwen');
    expect(marked(sentence, 'code')).toEqual(['code']);
    expect(marked(sentence, 'em')).toEqual(['斜体']);
  });

  test('no Markdown syntax is left in the text, and raw HTML stays text', () => {
    const text = allText(importMarkdown(article));
    expect(text).not.toMatch(/---|^#|\*\*|```|\|/m);
    expect(text).toContain('<b>不是标记</b>');
    expect(text).not.toContain('title:');
  });

  test('without front matter the title is the first level-1 heading', () => {
    expect(importMarkdown('## 小节\n\n# 标题\n\n正文').title).toBe('标题');
    const bare = importMarkdown('只有正文。');
    expect(bare.title).toBeNull();
    expect(bare.tags).toEqual([]);
  });

  test('dates in the forms front matter uses become YYYY-MM-DD', () => {
    const date = (value: string): string | null => importMarkdown(`---\ndate: ${value}\n---\n正文`).publishedAt;
    expect(date('2024-3-5')).toBe('2024-03-05');
    expect(date('"2024/03/05 10:00"')).toBe('2024-03-05');
    expect(date('2024年3月5日')).toBe('2024-03-05');
    expect(date('2024')).toBeNull();
  });

  test('a tags string splits at commas; unsafe sources are dropped', () => {
    const doc = importMarkdown(
      '---\ntags: 小说，乡土、回忆, 小说 # 重复的只留一个\nsource: javascript:alert(1)\n---\n正文',
    );
    expect(doc.tags).toEqual(['小说', '乡土', '回忆']);
    expect(doc.sourceUrl).toBeNull();
  });

  test('images beside the file come through the resolver and are stored', () => {
    const picture = Uint8Array.from(
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    const asked: string[] = [];
    const doc = importMarkdown('# 图\n\n![闰土](images/閏土.png)\n', {
      resources: (url) => {
        asked.push(url);
        return url === 'images/閏土.png' ? { bytes: picture, mime: 'image/png' } : null;
      },
    });
    expect(asked).toContain('images/閏土.png');
    const figure = doc.blocks.find((b) => b.kind === 'figure');
    expect(figure?.image?.alt).toBe('闰土');
    expect(figure?.image?.id).toBe(doc.images[0]?.id);
    expect(doc.images).toHaveLength(1);
  });
});
