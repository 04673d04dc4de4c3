import { describe, expect, it } from 'vitest';
import { forDisplay, hasBidiControls } from '../../preload/contract/display';

describe('forDisplay', () => {
  it('shows a disguised file name in its real order', () => {
    // Rendered with the override, this reads "報告txt.exe"; without it, the real extension shows.
    const disguised = '報告\u202Etxt.exe';
    expect(hasBidiControls(disguised)).toBe(true);
    expect(forDisplay(disguised)).toBe('報告txt.exe');
    expect(forDisplay(disguised).endsWith('.exe')).toBe(true);
    expect(hasBidiControls(forDisplay(disguised))).toBe(false);
  });

  it('removes every embedding, override, isolate and mark', () => {
    const controls = ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e'];
    controls.push('\u2066', '\u2067', '\u2068', '\u2069');
    for (const c of controls) {
      expect(forDisplay(`腾${c}讯`), `U+${c.codePointAt(0)!.toString(16)}`).toBe('腾讯');
    }
  });

  it('keeps a title on one line and leaves ordinary text alone', () => {
    expect(forDisplay('第一行\n# 第二行\r\n\u2028三')).toBe('第一行 # 第二行 三');
    const plain = '腾讯云 ☁️ 👩‍💻 «quoted» العربية';
    expect(forDisplay(plain)).toBe(plain);
    expect(hasBidiControls(plain)).toBe(false);
  });
});
