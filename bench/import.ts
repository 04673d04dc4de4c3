/**
 * Import speed (issue 12): a saved 300 KB Chinese news page (inline scripts and styles as saved
 * pages carry them) in UTF-8 and in GBK, through the whole HTML import — charset, parsing,
 * Readability, DOMPurify, the allowlist walk. Anchors, measured in the same run: parsing the page
 * alone with linkedom (our parser) and with jsdom (the other choice), which is why linkedom reads
 * pages and jsdom only hosts DOMPurify on the extracted article.
 */
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { importHtmlBytes } from '../main/library/html/index';
import { readZip } from '../main/library/formats/zip';
import { openServices } from '../main/services';
import { writeZip } from '../tests/fixtures/import/zip-writer';
import { CONTAINER, xhtml } from '../tests/helpers/books';
import { sample, tempDir } from '../tests/helpers/data';
import { encodePage, newsPage } from '../tests/helpers/pages';
import { png } from '../tests/helpers/png';
import { report, timed } from './report';

/** Median of `runs` runs of an async step (each given its run number), after one warm-up. */
async function timedAsync(fn: (run: number) => Promise<unknown>, runs = 5): Promise<{ median: number; best: number }> {
  await fn(-1);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1] ?? 0, best: times[0] ?? 0 };
}

/**
 * A 5 MB EPUB 3 as books are: about 2 MB of real prose (the seed articles, repeated as chapters)
 * and a picture per chapter (incompressible bytes behind a PNG signature, as photos are), deflated.
 * `salt` makes each run's book another text (the library refuses duplicates).
 */
function bigBook(salt: number): Uint8Array {
  const prose = [sample('000'), sample('001'), sample('003')].map((t) =>
    t
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '')
      .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join(''),
  );
  const signature = png(0, 0, 0).subarray(0, 16);
  const entries: { name: string; data: string | Uint8Array; method?: 'store' }[] = [];
  const manifest: string[] = [];
  const spine: string[] = [];
  let text = 0;
  let total = 0;
  for (let i = 0; total < 5 * 1024 * 1024; i++) {
    const body = `<h1>第${i + 1}章 ${salt}</h1><img src="../Images/p${i}.png" alt="插图${i}"/>${prose[i % 3]}`;
    const page = xhtml(`第${i + 1}章`, body);
    const picture = new Uint8Array(60_000);
    picture.set(signature);
    for (let k = 16; k < picture.length; k++) picture[k] = (Math.imul(k ^ (i * 7919 + salt), 2654435761) >>> 24) & 255;
    entries.push({ name: `OEBPS/Text/c${i}.xhtml`, data: page });
    entries.push({ name: `OEBPS/Images/p${i}.png`, data: picture, method: 'store' });
    manifest.push(
      `<item id="c${i}" href="Text/c${i}.xhtml" media-type="application/xhtml+xml"/>`,
      `<item id="p${i}" href="Images/p${i}.png" media-type="image/png"/>`,
    );
    spine.push(`<itemref idref="c${i}"/>`);
    text += Buffer.byteLength(page);
    total = text / 2.5 + (i + 1) * picture.length;
  }
  const opf = `<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="uid">urn:uuid:bench-${salt}</dc:identifier><dc:title>基准之书 ${salt}</dc:title><dc:language>zh</dc:language></metadata><manifest>${manifest.join('')}</manifest><spine>${spine.join('')}</spine></package>`;
  return writeZip([
    { name: 'mimetype', data: 'application/epub+zip', method: 'store' },
    { name: 'META-INF/container.xml', data: CONTAINER },
    { name: 'OEBPS/content.opf', data: opf },
    ...entries,
  ]);
}

const page = newsPage({ padding: 290_000 });
const utf8 = encodePage(page, 'utf-8');
const gbk = encodePage(newsPage({ padding: 290_000, charset: 'gbk' }), 'gbk');

// The first import also loads jsdom and DOMPurify (about 300 ms, once per process).
const cold = timed(() => importHtmlBytes(utf8), 0).first;
const ours = timed(() => importHtmlBytes(utf8));
const oursGbk = timed(() => importHtmlBytes(gbk));
const linkedom = timed(() => parseHTML(page));
const jsdom = timed(() => new JSDOM(page));

// Through the library, as an import runs in the app: format told, read, stored with its images.
const library = openServices({ dataDir: tempDir('duizhao-bench-import-') });
const pageInLibrary = await timedAsync((run) =>
  library.library.importFiles([
    { name: `page-${run}.html`, bytes: encodePage(newsPage({ padding: 290_000, title: `基准页面 ${run + 2}` })) },
  ]),
);
const books = Array.from({ length: 8 }, (_, i) => bigBook(i));
const bookBytes = books[0]!.byteLength;
const bookChars = (await library.library.importFiles([{ name: 'probe.epub', bytes: books[0]! }])).outcomes[0];
const bookText =
  bookChars?.status === 'imported' ? `${(bookChars.article.charCount / 1e6).toFixed(2)}M characters` : 'no text';
const bookInLibrary = await timedAsync((run) =>
  library.library.importFiles([{ name: 'book.epub', bytes: books[run + 1]! }]),
);
const unzipOnly = await timedAsync((run) => readZip(books[run + 2]!));
library.close();

report(
  'import',
  `Import: a saved news page of ${(utf8.byteLength / 1024).toFixed(0)} KB (UTF-8) and ${(gbk.byteLength / 1024).toFixed(0)} KB (GBK); median of 15`,
  [
    {
      what: 'import a 300 KB saved page (UTF-8)',
      ours: ours.median,
      anchor: jsdom.median,
      anchorName: 'jsdom parse alone',
      unit: 'ms',
      target: 300,
    },
    {
      what: 'import a 300 KB saved page (GBK, meta charset)',
      ours: oursGbk.median,
      anchor: linkedom.median,
      anchorName: 'linkedom parse alone',
      unit: 'ms',
      target: 300,
    },
    {
      what: 'a 300 KB saved page into the library (stored)',
      ours: pageInLibrary.median,
      anchor: ours.median,
      anchorName: 'the page import alone, not stored',
      unit: 'ms',
      target: 300,
    },
    {
      what: `a ${(bookBytes / 1048576).toFixed(1)} MB EPUB (${bookText} of text) into the library, stored with its images`,
      ours: bookInLibrary.median,
      anchor: unzipOnly.median,
      anchorName: 'unzipping it alone',
      unit: 'ms',
      target: 2000,
    },
    {
      what: 'first import in a process (loads jsdom)',
      ours: cold,
      anchor: null,
      anchorName: 'once per process',
      unit: 'ms',
    },
  ],
);
