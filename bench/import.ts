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
import { encodePage, newsPage } from '../tests/helpers/pages';
import { report, timed } from './report';

const page = newsPage({ padding: 290_000 });
const utf8 = encodePage(page, 'utf-8');
const gbk = encodePage(newsPage({ padding: 290_000, charset: 'gbk' }), 'gbk');

// The first import also loads jsdom and DOMPurify (about 300 ms, once per process).
const cold = timed(() => importHtmlBytes(utf8), 0).first;
const ours = timed(() => importHtmlBytes(utf8));
const oursGbk = timed(() => importHtmlBytes(gbk));
const linkedom = timed(() => parseHTML(page));
const jsdom = timed(() => new JSDOM(page));

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
      what: 'first import in a process (loads jsdom)',
      ours: cold,
      anchor: null,
      anchorName: 'once per process',
      unit: 'ms',
    },
  ],
);
