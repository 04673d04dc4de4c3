import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { FormatError } from '../../main/library/formats/format-error';
import { importMhtml } from '../../main/library/formats/mhtml';
import { ARTICLE_HTML, chromeMhtml, PAGE_URL, PICTURE } from '../helpers/mhtml';
import { decodeEncodedWords, decodeQuotedPrintable, parseMime } from '../../main/library/formats/mime';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('importMhtml', () => {
  test('a GBK quoted-printable page: title, text, source, the image stored from its part', () => {
    const doc = importMhtml(chromeMhtml());
    expect(doc.title).toBe('春天的故事');
    expect(doc.sourceUrl).toBe(PAGE_URL);
    const texts = doc.blocks.map((b) => b.text);
    expect(texts).toContain('一九七九年，那是一个春天，有一位老人在中国的南海边画了一个圈。');
    expect(texts).toContain('神话般地崛起座座城，奇迹般地聚起座座金山。');
    expect(texts.join('')).not.toMatch(/[\uFFFD]|=[0-9A-F]{2}/);
    expect(doc.images.map((i) => i.id)).toEqual([sha256(PICTURE)]);
    expect(Buffer.from(doc.images[0]?.bytes ?? []).equals(PICTURE)).toBe(true);
    expect(doc.images[0]?.mime).toBe('image/png');
    const figure = doc.blocks.find((b) => b.kind === 'figure' && b.image?.id !== undefined);
    expect(figure?.image).toMatchObject({ id: sha256(PICTURE), alt: '深圳' });
  });

  test('with no charset on the part, the page’s own <meta> decides (a Big5 page)', () => {
    const big5 = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"><title>春天的故事</title></head>
<body><article><h1>春天的故事</h1><p>一九七九年，那是一個春天，有一位老人在中國的南海邊畫了一個圈。</p></article></body></html>`;
    const doc = importMhtml(chromeMhtml(big5, 'big5', false));
    expect(doc.blocks.map((b) => b.text)).toContain('一九七九年，那是一個春天，有一位老人在中國的南海邊畫了一個圈。');
  });

  test('the part’s charset outranks a stale <meta> (a page re-encoded to UTF-8 when saved)', () => {
    const doc = importMhtml(chromeMhtml(ARTICLE_HTML, 'utf-8'));
    expect(doc.blocks.map((b) => b.text)).toContain('神话般地崛起座座城，奇迹般地聚起座座金山。');
  });

  test('the message headers give the title and address when the page part lacks them', () => {
    const untitled = ARTICLE_HTML.replace('<title>春天的故事</title>', '').replace('<h1>春天的故事</h1>', '');
    const saved = Buffer.from(chromeMhtml(untitled)).toString('latin1');
    const withoutLocation = saved.replace(`\r\nContent-Location: ${PAGE_URL}\r\n`, '\r\n');
    expect(withoutLocation).not.toBe(saved);
    const doc = importMhtml(new Uint8Array(Buffer.from(withoutLocation, 'latin1')));
    expect(doc.title).toBe('春天的故事');
    expect(doc.sourceUrl).toBe(PAGE_URL);
    // The page's relative image still resolves, against the snapshot's address.
    expect(doc.images.map((i) => i.id)).toEqual([sha256(PICTURE)]);
  });

  test('no HTML part, or not MIME at all', () => {
    const code = (bytes: Uint8Array): string | null => {
      try {
        importMhtml(bytes);
        return null;
      } catch (err) {
        return err instanceof FormatError ? err.code : String(err);
      }
    };
    const imageOnly = Buffer.from(chromeMhtml())
      .toString('latin1')
      .replace(/text\/html; charset=gbk/, 'text/plain');
    expect(code(new Uint8Array(Buffer.from(imageOnly, 'latin1')))).toBe('mhtml_invalid');
    expect(code(new TextEncoder().encode('只是文字'))).toBe('mhtml_invalid');
  });
});

describe('MIME', () => {
  test('parts split at the boundary with LF or CRLF lines; nested multiparts flattened in order', () => {
    const message = [
      'Content-Type: multipart/related; boundary="outer"',
      '',
      'preamble',
      '--outer',
      'Content-Type: multipart/alternative; boundary=inner',
      '',
      '--inner',
      'Content-Type: text/plain',
      '',
      'plain',
      '--inner',
      'Content-Type: text/html; charset="utf-8"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('<p>你好</p>').toString('base64'),
      '--inner--',
      '--outer',
      'Content-Type: image/gif',
      'Content-Location: a.gif',
      '',
      'GIF89a',
      '--outer--',
      'epilogue',
    ].join('\n');
    const { parts } = parseMime(new TextEncoder().encode(message));
    expect(parts.map((p) => p.type)).toEqual(['text/plain', 'text/html', 'image/gif']);
    expect(Buffer.from(parts[1]?.body ?? []).toString('utf8')).toBe('<p>你好</p>');
    expect(parts[1]?.params.get('charset')).toBe('utf-8');
    expect(Buffer.from(parts[2]?.body ?? []).toString('latin1')).toBe('GIF89a');
    expect(parts[2]?.headers.get('content-location')).toBe('a.gif');
  });

  test('quoted-printable: escapes, soft breaks, hard breaks, a stray =', () => {
    expect(decodeQuotedPrintable('=E4=BD=\r\n=A0=E5=A5=BD a=3Db\r\nline=\nend =x').toString('utf8')).toBe(
      '你好 a=b\r\nlineend =x',
    );
  });

  test('encoded words in headers', () => {
    expect(
      decodeEncodedWords('=?gb2312?B?' + iconv.encode('春天', 'gbk').toString('base64') + '?= =?utf-8?Q?=E7=9A=84_x?='),
    ).toBe('春天的 x');
    expect(decodeEncodedWords('plain subject')).toBe('plain subject');
  });
});
