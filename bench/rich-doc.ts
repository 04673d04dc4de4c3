/**
 * The rich reading document (issue 12): building the reader's document for an article of about
 * 200,000 characters whose blocks are of every kind and carry a mark every 20 characters or so,
 * in one column and side by side, against the same text as plain paragraphs (the anchor: what the
 * reader built before rich articles). Runs under Node; drawing is left to Chromium.
 */
import type { RichBlock, RichBlockKind } from '../preload/contract/article-model';
import type { Block } from '../preload/contract/types';
import { Alignment } from '../preload/contract/alignment';
import { layoutBlocks } from '../main/db/article-rows';
import { sample } from '../tests/helpers/data';
import { PairedLayout } from '../renderer/parallel/paired-layout';
import { SingleLayout } from '../renderer/reader/layout';
import { report, timed } from './report';

const lines = ['000', '001', '003'].flatMap((p) =>
  sample(p as '000')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean),
);
const texts: string[] = [];
for (let n = 0; n < 200_000;) {
  for (const l of lines) {
    texts.push(l);
    n += l.length + 1;
  }
}

const KINDS: RichBlockKind[] = [
  'heading',
  'paragraph',
  'paragraph',
  'quote',
  'listItem',
  'listItem',
  'paragraph',
  'figure',
  'tableRow',
  'preformatted',
];
const rich: RichBlock[] = texts.map((text, i) => {
  const kind = KINDS[i % KINDS.length]!;
  const marks: RichBlock['marks'] = [];
  for (let at = 3; at + 4 < text.length; at += 20) {
    const type = (['em', 'strong', 'link', 'ruby', 'code'] as const)[((at / 20) % 5) | 0]!;
    marks.push({ type, start: at, end: at + 4, href: 'https://example.com/', annotation: 'zhù' });
  }
  const block: RichBlock = {
    kind,
    text: kind === 'tableRow' ? text.replace(/，/, '\t') : text,
    level: 1 + (i % 3),
    ordered: i % 2 === 0,
    marks,
  };
  if (kind === 'figure') block.image = { id: 'a'.repeat(64), alt: '图' };
  return block;
});
// layoutBlocks keeps kind and text: the rest is carried over here.
const richBlocks: Block[] = layoutBlocks(rich).map((b, i) => ({ ...rich[i]!, start: b.start }));
const plainBlocks: Block[] = layoutBlocks(texts.map((text) => ({ kind: 'paragraph' as const, text })));
const source = texts.join('\n');
const identity = Alignment.identity(source.length);
const options = { imageBase: '/images/' };
const langs = { source: 'zh-Hans', target: 'zh-Hant' };

const single = timed(() => new SingleLayout(richBlocks, identity, source, options));
const singlePlain = timed(() => new SingleLayout(plainBlocks, identity, source, options));
const paired = timed(() => new PairedLayout(richBlocks, richBlocks, identity, langs, options));
const pairedPlain = timed(() => new PairedLayout(plainBlocks, plainBlocks, identity, langs, options));
const marks = rich.reduce((n, b) => n + (b.marks?.length ?? 0), 0);

report(
  'rich-doc',
  `Rich reading document: ${source.length.toLocaleString('en')} characters in ${richBlocks.length} blocks of every kind, ${marks.toLocaleString('en')} marks; median of 15`,
  [
    {
      what: 'build the document, one column',
      ours: single.median,
      anchor: singlePlain.median,
      anchorName: 'plain paragraphs',
      unit: 'ms',
    },
    {
      what: 'build the document, side by side',
      ours: paired.median,
      anchor: pairedPlain.median,
      anchorName: 'plain paragraphs',
      unit: 'ms',
    },
  ],
);
