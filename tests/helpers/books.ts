import iconv from 'iconv-lite';
import { writeZip, type ZipEntrySpec } from '../fixtures/import/zip-writer';
import { png as pngBytes } from './png';

/**
 * EPUB books made in the test, as the unit tests, the library tests and the e2e suite import them:
 * an EPUB 3 (nav document, cover, a chapter with a Chinese file name, a nested table of contents)
 * and an EPUB 2 (NCX, a cover by meta, a chapter written in GBK).
 */

/** The test's images as plain bytes, as the importer's inputs are. */
const png = (r: number, g: number, b: number): Uint8Array => new Uint8Array(pngBytes(r, g, b));
export const COVER = png(200, 30, 30);
export const FIGURE = png(30, 200, 30);

export const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

export const xhtml = (title: string, body: string, declaration = '<?xml version="1.0" encoding="utf-8"?>'): string =>
  `${declaration}
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="zh-CN">
<head>${title ? `<title>${title}</title>` : '<title/>'}<link rel="stylesheet" href="../Styles/a.css" type="text/css"/></head>
<body>${body}</body></html>`;

/** An EPUB 3 book: nav.xhtml, a cover page, a chapter with a Chinese file name, nested TOC. */
export function epub3(extra: ZipEntrySpec[] = []): Uint8Array {
  const opf = `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:uuid:1b2c</dc:identifier>
    <dc:title>呐喊</dc:title>
    <dc:creator>鲁迅</dc:creator>
    <dc:language>zh-CN</dc:language>
    <dc:date>1923-08-01</dc:date>
    <dc:publisher>新潮社</dc:publisher>
    <dc:subject>小说</dc:subject>
    <dc:subject>短篇</dc:subject>
  </metadata>
  <manifest>
    <item id="nav" href="Text/nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="cover-img" href="Images/cover.png" media-type="image/png" properties="cover-image"/>
    <item id="fig" href="Images/fig%201.png" media-type="image/png"/>
    <item id="cover" href="Text/cover.xhtml" media-type="application/xhtml+xml"/>
    <item id="c1" href="Text/%E7%AC%AC%E4%B8%80%E7%AB%A0.xhtml" media-type="application/xhtml+xml"/>
    <item id="c2" href="Text/ch2.xhtml" media-type="application/xhtml+xml"/>
    <item id="c3" href="Text/ch3.xhtml" media-type="application/xhtml+xml"/>
    <item id="blank" href="Text/blank.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine><itemref idref="cover" linear="no"/><itemref idref="nav"/><itemref idref="c1"/><itemref idref="c2"/><itemref idref="blank"/><itemref idref="c3"/></spine>
</package>`;
  const nav = xhtml(
    '目录',
    `<nav epub:type="toc" id="toc"><h1>目录</h1><ol>
      <li><a href="%E7%AC%AC%E4%B8%80%E7%AB%A0.xhtml">自序</a></li>
      <li><a href="ch2.xhtml">狂人日记</a><ol><li><a href="ch3.xhtml#s1">第三节&nbsp;续</a></li></ol></li>
    </ol></nav><nav epub:type="landmarks"><ol><li><a href="cover.xhtml">封面</a></li></ol></nav>`,
  );
  return writeZip([
    { name: 'mimetype', data: 'application/epub+zip', method: 'store' },
    { name: 'META-INF/container.xml', data: CONTAINER },
    { name: 'OEBPS/content.opf', data: opf },
    { name: 'OEBPS/Text/nav.xhtml', data: nav },
    { name: 'OEBPS/Text/cover.xhtml', data: xhtml('封面', '<div><img src="../Images/cover.png" alt="封面"/></div>') },
    {
      name: 'OEBPS/Text/第一章.xhtml',
      data: xhtml(
        '',
        '<div/><h3 class="spacer"/><p><a id="p1"/>我在<em class="dot"/>年青时候也曾经做过许多梦，后来大半忘却了。</p>' +
          '<div class="pic"><img src="../Images/fig%201.png" alt="插图"/></div><p>所谓回忆者，虽说可以使人欢欣。</p>',
      ),
    },
    { name: 'OEBPS/Text/ch2.xhtml', data: xhtml('狂人日记', '<h2>狂人日记</h2><p>今天晚上，很好的月光。</p>') },
    {
      name: 'OEBPS/Text/ch3.xhtml',
      data: xhtml('三', '<h1 id="s1">第三节</h1><h2>小节</h2><p>凡事须得研究，才会明白。</p>'),
    },
    { name: 'OEBPS/Text/blank.xhtml', data: xhtml('', '<div class="blank"><br/></div>') },
    { name: 'OEBPS/Images/cover.png', data: COVER, method: 'store' },
    { name: 'OEBPS/Images/fig 1.png', data: FIGURE, method: 'store' },
    ...extra,
  ]);
}

/** An EPUB 2 book: toc.ncx, cover by <meta name="cover">, one chapter written in GBK. */
export function epub2(): Uint8Array {
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="BookId">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:title>彷徨</dc:title>
    <dc:creator opf:role="aut">魯迅</dc:creator>
    <dc:language>zh-TW</dc:language>
    <dc:date opf:event="modification">2020-01-02</dc:date>
    <dc:date opf:event="publication">1926-08-01</dc:date>
    <dc:source>https://example.com/panghuang</dc:source>
    <meta name="cover" content="cover-image"/>
  </metadata>
  <manifest>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="cover-image" href="cover.png" media-type="image/png"/>
    <item id="a" href="a.html" media-type="application/xhtml+xml"/>
    <item id="b" href="b.html" media-type="application/xhtml+xml"/>
  </manifest>
  <spine toc="ncx"><itemref idref="a"/><itemref idref="b"/></spine>
</package>`;
  const ncx = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx 2005-1//EN" "http://www.daisy.org/z3986/2005/ncx-2005-1.dtd">
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
  <head><meta name="dtb:uid" content="x"/></head><docTitle><text>彷徨</text></docTitle>
  <navMap>
    <navPoint id="n1" playOrder="1"><navLabel><text>祝福</text></navLabel><content src="a.html"/>
      <navPoint id="n2" playOrder="2"><navLabel><text>在酒樓上</text></navLabel><content src="b.html"/></navPoint>
    </navPoint>
  </navMap>
</ncx>`;
  const gbk = iconv.encode(
    xhtml('祝福', '<p>旧历的年底毕竟最像年底。</p>', '<?xml version="1.0" encoding="GBK"?>'),
    'gbk',
  );
  return writeZip([
    { name: 'mimetype', data: 'application/epub+zip', method: 'store' },
    { name: 'META-INF/container.xml', data: CONTAINER },
    { name: 'OEBPS/content.opf', data: opf },
    { name: 'OEBPS/toc.ncx', data: ncx },
    { name: 'OEBPS/a.html', data: new Uint8Array(gbk) },
    { name: 'OEBPS/b.html', data: xhtml('酒樓', '<p>我從北地向東南旅行。</p>') },
    { name: 'OEBPS/cover.png', data: COVER },
  ]);
}
