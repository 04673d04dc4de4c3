import iconv from 'iconv-lite';
import { writeZip } from '../fixtures/import/zip-writer';
import { png } from './png';

/**
 * EPUB books made in the test, as e-book tools write them: an EPUB 3 with a nav document, a cover
 * and a figure, and an EPUB 2 with an NCX and a chapter written in GBK. The e2e import spec reads
 * them; tests/unit/import-epub.test.ts has its own, more hostile variants.
 */

const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

export const xhtml = (title: string, body: string, declaration = '<?xml version="1.0" encoding="utf-8"?>'): string =>
  `${declaration}
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="zh-CN">
<head><title>${title}</title></head>
<body>${body}</body></html>`;

/** The EPUB 3 book: 呐喊 by 鲁迅, a nav TOC, a cover, two chapters, one with a figure. */
export function epub3(): Uint8Array {
  const opf = `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:uuid:7e2a-e2e</dc:identifier>
    <dc:title>呐喊</dc:title>
    <dc:creator>鲁迅</dc:creator>
    <dc:language>zh-CN</dc:language>
    <dc:date>1923-08-01</dc:date>
  </metadata>
  <manifest>
    <item id="nav" href="Text/nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="cover-img" href="Images/cover.png" media-type="image/png" properties="cover-image"/>
    <item id="fig" href="Images/fig.png" media-type="image/png"/>
    <item id="c1" href="Text/c1.xhtml" media-type="application/xhtml+xml"/>
    <item id="c2" href="Text/c2.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine><itemref idref="nav" linear="no"/><itemref idref="c1"/><itemref idref="c2"/></spine>
</package>`;
  const nav = xhtml(
    '目录',
    `<nav epub:type="toc" id="toc"><h1>目录</h1><ol>
      <li><a href="c1.xhtml">自序</a></li><li><a href="c2.xhtml">狂人日记</a></li>
    </ol></nav>`,
  );
  return writeZip([
    { name: 'mimetype', data: 'application/epub+zip', method: 'store' },
    { name: 'META-INF/container.xml', data: CONTAINER },
    { name: 'OEBPS/content.opf', data: opf },
    { name: 'OEBPS/Text/nav.xhtml', data: nav },
    {
      name: 'OEBPS/Text/c1.xhtml',
      data: xhtml(
        '自序',
        '<h1>自序</h1><p>我在年青时候也曾经做过许多梦，后来大半忘却了，但自己也并不以为可惜。</p>' +
          '<figure><img src="../Images/fig.png" alt="插图" width="40" height="30"/><figcaption>绍兴会馆</figcaption></figure>' +
          '<p>所谓回忆者，虽说可以使人欢欣，有时也不免使人寂寞。</p>',
      ),
    },
    {
      name: 'OEBPS/Text/c2.xhtml',
      data: xhtml(
        '狂人日记',
        '<h1>狂人日记</h1><blockquote><p>某君昆仲，今隐其名，皆余昔日在中学校时良友。</p></blockquote>' +
          '<p>今天晚上，很好的月光。我不见他，已是三十多年；今天见了，精神分外爽快。</p>',
      ),
    },
    { name: 'OEBPS/Images/cover.png', data: new Uint8Array(png(200, 30, 30)), method: 'store' },
    { name: 'OEBPS/Images/fig.png', data: new Uint8Array(png(30, 160, 60)), method: 'store' },
  ]);
}

/** The EPUB 2 book: 彷徨 by 魯迅 (Traditional), an NCX TOC, the first chapter in GBK. */
export function epub2(): Uint8Array {
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="BookId">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:identifier id="BookId">urn:uuid:5f1c-e2e</dc:identifier>
    <dc:title>彷徨</dc:title>
    <dc:creator opf:role="aut">魯迅</dc:creator>
    <dc:language>zh-TW</dc:language>
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
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
  <head><meta name="dtb:uid" content="x"/></head><docTitle><text>彷徨</text></docTitle>
  <navMap>
    <navPoint id="n1" playOrder="1"><navLabel><text>祝福</text></navLabel><content src="a.html"/></navPoint>
    <navPoint id="n2" playOrder="2"><navLabel><text>在酒樓上</text></navLabel><content src="b.html"/></navPoint>
  </navMap>
</ncx>`;
  const gbk = iconv.encode(
    xhtml(
      '祝福',
      '<h2>祝福</h2><p>旧历的年底毕竟最像年底，村镇上不必说，就在天空中也显出将到新年的气象来。</p>',
      '<?xml version="1.0" encoding="GBK"?>',
    ),
    'gbk',
  );
  return writeZip([
    { name: 'mimetype', data: 'application/epub+zip', method: 'store' },
    { name: 'META-INF/container.xml', data: CONTAINER },
    { name: 'OEBPS/content.opf', data: opf },
    { name: 'OEBPS/toc.ncx', data: ncx },
    { name: 'OEBPS/a.html', data: new Uint8Array(gbk) },
    {
      name: 'OEBPS/b.html',
      data: xhtml('在酒樓上', '<h2>在酒樓上</h2><p>我從北地向東南旅行，繞道訪了我的家鄉，就到S城。</p>'),
    },
    { name: 'OEBPS/cover.png', data: new Uint8Array(png(20, 20, 160)) },
  ]);
}
