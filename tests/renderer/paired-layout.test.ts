import { describe, expect, it } from 'vitest';
import { PairedLayout } from '../../renderer/parallel/paired-layout';
import { sampleArticle } from './article';

// The Taiwan sample side by side with its Simplified conversion: 騰訊 on the left, 腾讯 on the right.
const article = sampleArticle('001', 'tw2s');
const layout = new PairedLayout(article.source, article.target, article.alignment, {
  source: 'zh-Hant-TW',
  target: 'zh-Hans',
});

/** The document range of the first `phrase` in one column. */
function find(phrase: string, side: 'source' | 'target') {
  let found: { from: number; to: number } | null = null;
  layout.doc.descendants((node, pos) => {
    if (found) return false;
    if (node.type.name === 'cell' && node.attrs.side !== side) return false;
    if (node.isText) {
      const at = node.text!.indexOf(phrase);
      if (at >= 0) found = { from: pos + at, to: pos + at + phrase.length };
    }
    return true;
  });
  if (!found) throw new Error(`${phrase} not in the ${side} column`);
  return found as { from: number; to: number };
}

describe('side by side: the counterpart of a selection (PairedLayout.counterpart)', () => {
  const text = (r: { from: number; to: number } | null) => (r ? layout.doc.textBetween(r.from, r.to) : null);

  it('a selection in the RIGHT column has its counterpart in the LEFT column', () => {
    const right = find('腾讯', 'target');
    expect(layout.side(right.from)).toBe('target');
    const counterpart = layout.counterpart(right.from, right.to);
    expect(counterpart).not.toBeNull();
    expect(layout.side(counterpart!.from)).toBe('source');
    expect(text(counterpart)).toBe('騰訊');
  });

  it('a selection in the LEFT column has its counterpart in the RIGHT column', () => {
    const left = find('騰訊', 'source');
    const counterpart = layout.counterpart(left.from, left.to);
    expect(layout.side(counterpart!.from)).toBe('target');
    expect(text(counterpart)).toBe('腾讯');
  });

  it('a longer passage maps both ways onto the same words', () => {
    const left = find('空氣中有了少許秋的味道', 'source');
    const right = layout.counterpart(left.from, left.to)!;
    expect(text(right)).toBe('空气中有了少许秋的味道');
    expect(layout.counterpart(right.from, right.to)).toEqual(left);
  });
});
