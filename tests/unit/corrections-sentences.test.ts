import { describe, expect, it } from 'vitest';
import { sentencesWith } from '../../main/script/corrections/sentences';

describe('sentencesWith: what a correction preview shows', () => {
  it('gives each sentence holding the phrase once, whole, within its paragraph', () => {
    const text = '历史进程不可逆。我们见证进程，也推动进程！\n另一段没有。最后的进程';
    expect(sentencesWith(text, '进程')).toEqual(['历史进程不可逆。', '我们见证进程，也推动进程！', '最后的进程']);
  });

  it('cuts a long sentence around the phrase and marks the cut', () => {
    const long = `${'甲'.repeat(100)}进程${'乙'.repeat(100)}`;
    const [only] = sentencesWith(long, '进程');
    expect(only).toBe(`…${'甲'.repeat(60)}进程${'乙'.repeat(60)}…`);
  });
});
