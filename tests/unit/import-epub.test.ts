import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { MAX_ARTICLE_IMAGE_BYTES, MAX_IMAGE_BYTES, type ImportedDocument } from '../../preload/contract/article-model';
import { importEpub, xhtmlAsHtml } from '../../main/library/formats/epub';
import { parseNav, parseNcx, parsePackage, resolvePath } from '../../main/library/formats/epub-package';
import { FormatError } from '../../main/library/formats/format-error';
import { MAX_ZIP_ENTRIES, MAX_ZIP_TOTAL_BYTES, readZip } from '../../main/library/formats/zip';
import { deflatedZeros, writeZip, type ZipEntrySpec } from '../fixtures/import/zip-writer';
import { CONTAINER, COVER, epub2, epub3, FIGURE, xhtml } from '../helpers/books';
import { sample } from '../helpers/data';
import { png as pngBytes } from '../helpers/png';

/** The test's images as plain bytes, as the importer's inputs are. */
const png = (r: number, g: number, b: number): Uint8Array => new Uint8Array(pngBytes(r, g, b));
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const headings = (doc: ImportedDocument | undefined): [number | undefined, string][] =>
  (doc?.blocks ?? []).filter((b) => b.kind === 'heading').map((b) => [b.level, b.text]);

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof FormatError) return err.code;
    throw err;
  }
  return 'imported';
}

describe('EPUB 3', () => {
  test('one article per book: metadata, cover, chapters under their TOC titles, images', async () => {
    const [book, ...more] = await importEpub(epub3());
    expect(more).toHaveLength(0);
    expect(book).toMatchObject({
      title: '呐喊',
      author: '鲁迅',
      language: 'zh-CN',
      publishedAt: '1923-08-01',
      siteName: '新潮社',
      tags: ['小说', '短篇'],
    });
    const blocks = book?.blocks ?? [];
    // The cover opens the book once: the cover page that repeats it is dropped.
    expect(blocks[0]).toMatchObject({ kind: 'figure', image: { id: sha256(COVER) } });
    expect(blocks.filter((b) => b.image?.id === sha256(COVER))).toHaveLength(1);
    // 自序 starts with no heading: its TOC title becomes one. ch3 is nested under 狂人日记 in the
    // TOC, so its h1 (and the h2 under it) move down a level.
    expect(headings(book)).toEqual([
      [1, '自序'],
      [2, '狂人日记'],
      [2, '第三节'],
      [3, '小节'],
    ]);
    // A self-closed <title/>, <a/>, <em/> or <h3/> does not swallow what follows it.
    const first = blocks.find((b) => b.text.startsWith('我在年青时候'));
    expect(first?.kind).toBe('paragraph');
    expect(first?.text).toBe('我在年青时候也曾经做过许多梦，后来大半忘却了。');
    expect(first?.marks ?? []).toEqual([]);
    expect(blocks.map((b) => b.text)).toContain('所谓回忆者，虽说可以使人欢欣。');
    // The navigation document is not a chapter.
    expect(blocks.some((b) => b.text === '目录')).toBe(false);
    const figure = blocks.find((b) => b.kind === 'figure' && b.image?.alt === '插图');
    expect(figure?.image?.id).toBe(sha256(FIGURE));
    const images = new Map(book?.images.map((i) => [i.id, i]));
    expect([...images.keys()].sort()).toEqual([sha256(COVER), sha256(FIGURE)].sort());
    expect(Buffer.from(images.get(sha256(FIGURE))?.bytes ?? []).equals(Buffer.from(FIGURE))).toBe(true);
    expect(images.get(sha256(FIGURE))?.mime).toBe('image/png');
  });

  test('one article per chapter, by choice: each titled from the TOC and opening with it', async () => {
    const chapters = await importEpub(epub3(), { split: 'chapters' });
    expect(chapters.map((c) => c.title)).toEqual(['自序', '狂人日记', '第三节 续']);
    expect(chapters.map((c) => c.blocks[0]?.kind)).toEqual(['heading', 'heading', 'heading']);
    expect(headings(chapters[0])).toEqual([[1, '自序']]);
    expect(chapters.every((c) => c.author === '鲁迅' && c.language === 'zh-CN')).toBe(true);
    expect(chapters[0]?.images.map((i) => i.id)).toEqual([sha256(FIGURE)]);
    expect(chapters[1]?.images).toEqual([]);
  });

  test('a book’s images together stay under the article cap: those past it become placeholders', async () => {
    const big = (i: number): Uint8Array => {
      const bytes = new Uint8Array(MAX_IMAGE_BYTES - 1024);
      bytes.set(png(i, i, i)); // a real PNG header, then padding: each image its own bytes
      return bytes;
    };
    const count = Math.floor(MAX_ARTICLE_IMAGE_BYTES / (MAX_IMAGE_BYTES - 1024)) + 2;
    const pictures = Array.from({ length: count }, (_, i) => big(i));
    const files: ZipEntrySpec[] = pictures.flatMap((bytes, i) => [
      { name: `OEBPS/Images/big${i}.png`, data: bytes, method: 'store' },
      {
        name: `OEBPS/Text/big${i}.xhtml`,
        data: xhtml('', `<p>第${i}幅</p><div><img src="../Images/big${i}.png" alt="图${i}"/></div>`),
      },
    ]);
    const opf = `<package><metadata><title>画册</title></metadata><manifest>${pictures
      .map((_, i) => `<item id="b${i}" href="Text/big${i}.xhtml" media-type="application/xhtml+xml"/>`)
      .join('')}</manifest><spine>${pictures.map((_, i) => `<itemref idref="b${i}"/>`).join('')}</spine></package>`;
    const [book] = await importEpub(
      writeZip([
        { name: 'META-INF/container.xml', data: CONTAINER },
        { name: 'OEBPS/content.opf', data: opf },
        ...files,
      ]),
    );
    const stored = book?.images.reduce((n, i) => n + i.bytes.byteLength, 0) ?? 0;
    expect(stored).toBeLessThanOrEqual(MAX_ARTICLE_IMAGE_BYTES);
    expect(book?.images.length).toBeLessThan(count);
    expect(book?.notices).toContain('images_too_large');
    const figures = book?.blocks.filter((b) => b.kind === 'figure') ?? [];
    expect(figures).toHaveLength(count);
    // Every figure either shows a stored image or is a placeholder with its alt text.
    const ids = new Set(book?.images.map((i) => i.id));
    expect(
      figures.every((f) => (f.image?.id === undefined ? f.image?.alt.startsWith('图') : ids.has(f.image.id))),
    ).toBe(true);
    expect(figures.filter((f) => f.image?.id === undefined)).toHaveLength(count - (book?.images.length ?? 0));
  });

  test('font obfuscation alone is not DRM', async () => {
    const encryption = `<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
      <enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>
      <enc:CipherData><enc:CipherReference URI="OEBPS/Fonts/kai.ttf"/></enc:CipherData></enc:EncryptedData></encryption>`;
    const books = await importEpub(epub3([{ name: 'META-INF/encryption.xml', data: encryption }]));
    expect(books[0]?.title).toBe('呐喊');
  });
});

describe('EPUB 2', () => {
  test('NCX titles and nesting, cover from <meta name="cover">, a GBK chapter, the publication date', async () => {
    const [book] = await importEpub(epub2());
    expect(book).toMatchObject({
      title: '彷徨',
      author: '魯迅',
      language: 'zh-TW',
      publishedAt: '1926-08-01',
      sourceUrl: 'https://example.com/panghuang',
    });
    expect(book?.blocks[0]?.image?.id).toBe(sha256(COVER));
    expect(headings(book)).toEqual([
      [1, '祝福'],
      [2, '在酒樓上'],
    ]);
    const texts = book?.blocks.map((b) => b.text) ?? [];
    expect(texts).toContain('旧历的年底毕竟最像年底。');
    expect(texts).toContain('我從北地向東南旅行。');
  });
});

/** A book whose chapters are the sample articles, one <p> per line, titled in an NCX. */
function sampleBook(): { bytes: Uint8Array; chapters: { title: string; lines: string[] }[] } {
  const chapters = (['000', '001', '003'] as const).map((id) => {
    const [title = '', ...lines] = sample(id)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    return { title, lines };
  });
  const escape = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const opf = `<package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata><dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">样章</dc:title></metadata>
<manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>${chapters.map((_, i) => `<item id="c${i}" href="c${i}.xhtml" media-type="application/xhtml+xml"/>`).join('')}</manifest>
<spine toc="ncx">${chapters.map((_, i) => `<itemref idref="c${i}"/>`).join('')}</spine></package>`;
  const ncx = `<ncx><navMap>${chapters.map((c, i) => `<navPoint><navLabel><text>${escape(c.title)}</text></navLabel><content src="c${i}.xhtml"/></navPoint>`).join('')}</navMap></ncx>`;
  const bytes = writeZip([
    { name: 'META-INF/container.xml', data: CONTAINER },
    { name: 'OEBPS/content.opf', data: opf },
    { name: 'OEBPS/toc.ncx', data: ncx },
    ...chapters.map((c, i) => ({
      name: `OEBPS/c${i}.xhtml`,
      data: xhtml('样章', c.lines.map((l) => `<p>${escape(l)}</p>`).join('\n')),
    })),
  ]);
  return { bytes, chapters };
}

describe('a book of the sample articles', () => {
  test('every line of every chapter arrives, in order, under its title', async () => {
    const { bytes, chapters } = sampleBook();
    const [book] = await importEpub(bytes);
    const expected = chapters.flatMap((c) => [c.title, ...c.lines]).map((t) => t.replace(/\s+/g, ' '));
    expect(book?.blocks.map((b) => b.text)).toEqual(expected);
    expect(headings(book).map(([, t]) => t)).toEqual(chapters.map((c) => c.title));
  });
});

describe('package documents', () => {
  test('hrefs resolve inside the book, percent escapes decoded; links out of it do not', () => {
    expect(resolvePath('OEBPS/Text/a.xhtml', '../Images/%E5%9B%BE.png#x')).toBe('OEBPS/Images/图.png');
    expect(resolvePath('OEBPS/content.opf', 'Text/a b.xhtml')).toBe('OEBPS/Text/a b.xhtml');
    expect(resolvePath('a.xhtml', 'https://example.com/x.png')).toBeNull();
    expect(resolvePath('a.xhtml', '')).toBeNull();
  });

  test('OPF, nav and NCX read alone', () => {
    const pkg = parsePackage(
      '<package><metadata><title>书</title></metadata><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/><itemref idref="missing"/></spine></package>',
      'content.opf',
    );
    expect(pkg?.title).toBe('书');
    expect(pkg?.spine.map((i) => i.path)).toEqual(['a.xhtml']);
    expect(
      parseNav(
        '<html><body><nav><ol><li><span>卷一</span><ol><li><a href="a.xhtml">一</a></li></ol></li></ol></nav></body></html>',
        'nav.xhtml',
      ),
    ).toEqual([{ title: '一', path: 'a.xhtml', fragment: null, depth: 2 }]);
    expect(
      parseNcx(
        '<ncx><navMap><navPoint><navLabel><text>甲</text></navLabel><content src="x/a.html#p"/></navPoint></navMap></ncx>',
        'toc.ncx',
      ),
    ).toEqual([{ title: '甲', path: 'x/a.html', fragment: 'p', depth: 1 }]);
  });

  test('XHTML self-closed tags are opened and closed for the HTML parser; void ones stay', () => {
    expect(xhtmlAsHtml('<?xml version="1.0"?><p><a id="x" title="a/>b"/>字<br/><span class=\'c\' /></p>')).toBe(
      '<p><a id="x" title="a/>b"></a>字<br/><span class=\'c\'></span></p>',
    );
  });
});

describe('unsafe archives are refused whole, with a clear code', () => {
  test('a highly compressible entry far over the limit (declared honestly, or lying)', async () => {
    const zeros = deflatedZeros(Math.ceil(MAX_ZIP_TOTAL_BYTES / 1024 / 1024) + 44); // 300 MiB
    expect(await refusal(importEpub(epub3([{ name: 'OEBPS/Text/bomb.xhtml', deflated: zeros }])))).toBe('zip_bomb');
    expect(
      await refusal(importEpub(epub3([{ name: 'OEBPS/Text/bomb.xhtml', deflated: zeros, declaredSize: 4096 }]))),
    ).toBe('zip_bomb');
  });

  test('an entry under every size limit that inflates more than any book does', async () => {
    expect(await refusal(importEpub(epub3([{ name: 'OEBPS/Images/big.png', deflated: deflatedZeros(20) }])))).toBe(
      'zip_bomb',
    );
  });

  test('many entries', async () => {
    const many = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i): ZipEntrySpec => ({
      name: `f/${i}.txt`,
      data: 'x',
      method: 'store',
    }));
    expect(await refusal(importEpub(epub3(many)))).toBe('zip_bomb');
  });

  test('many entries, each small, that together inflate past the total limit', async () => {
    const parts = Array.from({ length: 5 }, (_, i): ZipEntrySpec => ({
      name: `OEBPS/Images/p${i}.bin`,
      deflated: deflatedZeros(10),
    }));
    // Each entry is under the entry limit and allowed any ratio, so only the total can refuse them.
    const limits = {
      maxEntries: 100,
      maxEntryBytes: 16 << 20,
      maxTotalBytes: 40 << 20,
      maxRatio: 10_000,
      ratioFloorBytes: 1 << 20,
    };
    expect((await readZip(writeZip(parts.slice(0, 3)), limits)).size).toBe(3);
    expect(await refusal(readZip(writeZip(parts), limits))).toBe('zip_bomb');
  });

  test('paths that leave the archive', async () => {
    expect(await refusal(importEpub(epub3([{ name: '../evil.xhtml', data: '<p>x</p>' }])))).toBe('zip_unsafe_path');
    expect(await refusal(importEpub(epub3([{ name: 'OEBPS/../../evil', data: 'x' }])))).toBe('zip_unsafe_path');
    expect(await refusal(importEpub(epub3([{ name: '/etc/passwd', data: 'x' }])))).toBe('zip_unsafe_path');
  });

  test('an archive inside the archive, by name or by its bytes', async () => {
    const inner = writeZip([{ name: 'a.txt', data: '里面' }]);
    expect(await refusal(importEpub(epub3([{ name: 'OEBPS/more.zip', data: inner }])))).toBe('nested_archive');
    expect(await refusal(importEpub(epub3([{ name: 'OEBPS/Images/x.png', data: inner }])))).toBe('nested_archive');
  });

  test('DRM: encrypted content documents, or a rights file', async () => {
    const adept = `<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
      <enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
      <enc:CipherData><enc:CipherReference URI="OEBPS/Text/ch2.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>`;
    expect(await refusal(importEpub(epub3([{ name: 'META-INF/encryption.xml', data: adept }])))).toBe('drm');
    // Font obfuscation's algorithm over a chapter is no longer font obfuscation.
    const obfuscatedText = adept.replace(
      'http://www.w3.org/2001/04/xmlenc#aes128-cbc',
      'http://www.idpf.org/2008/embedding',
    );
    expect(await refusal(importEpub(epub3([{ name: 'META-INF/encryption.xml', data: obfuscatedText }])))).toBe('drm');
    expect(await refusal(importEpub(epub3([{ name: 'META-INF/rights.xml', data: '<rights/>' }])))).toBe('drm');
  });

  test('password-encrypted entries, and two entries of one name', async () => {
    expect(
      await refusal(importEpub(epub3([{ name: 'OEBPS/Text/locked.xhtml', data: '<p>锁</p>', encrypted: true }]))),
    ).toBe('zip_encrypted');
    expect(await refusal(importEpub(epub3([{ name: 'OEBPS/Text/ch2.xhtml', data: '<p>替身</p>' }])))).toBe(
      'zip_invalid',
    );
  });

  test('not a zip, or a zip that is not a book', async () => {
    expect(await refusal(importEpub(new TextEncoder().encode('这不是压缩文件')))).toBe('zip_invalid');
    expect(await refusal(importEpub(writeZip([{ name: 'a.txt', data: 'x' }])))).toBe('epub_invalid');
  });
});
