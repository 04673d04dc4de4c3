import { Alignment } from '../../preload/contract/alignment';
import type { ConversionVariant } from '../../preload/contract/scripts';
import type { Block } from '../../preload/contract/types';
import { layoutBlocks } from '../../main/db/article-rows';
import { convert } from '../../main/script/convert';
import { sample } from '../helpers/data';

/** A sample article as the reader gets it: its source blocks, and the blocks and alignment of a conversion. */
export function sampleArticle(prefix: '000' | '001' | '003', variant: ConversionVariant) {
  const lines = sample(prefix)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const text = lines.join('\n');
  const converted = convert(text, variant);
  const blocks = (t: string): Block[] =>
    layoutBlocks(t.split('\n').map((x) => ({ kind: 'paragraph' as const, text: x })));
  return {
    text,
    converted: converted.text,
    source: blocks(text),
    target: blocks(converted.text),
    alignment: Alignment.fromJSON(converted.alignment.toJSON()),
  };
}
