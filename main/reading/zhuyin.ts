import { parseNumbered } from './pinyin';

/**
 * Pinyin with tone numbers to Zhuyin (Bopomofo): "ruan3 jian4" → "ㄖㄨㄢˇ ㄐㄧㄢˋ".
 *
 * A syllable is split into initial and final and each is looked up; the spelling rules of pinyin
 * are undone first (yi/wu/yu for bare i/u/ü, ju for jü, iu/ui/un for iou/uei/uen, the empty final
 * of zhi…si). Tone 1 is unmarked, as in Taiwan's dictionaries; the neutral tone is a dot before
 * the syllable (˙ㄉㄜ).
 */

// prettier-ignore
const INITIALS: Record<string, string> = {
  b: 'ㄅ', p: 'ㄆ', m: 'ㄇ', f: 'ㄈ', d: 'ㄉ', t: 'ㄊ', n: 'ㄋ', l: 'ㄌ',
  g: 'ㄍ', k: 'ㄎ', h: 'ㄏ', j: 'ㄐ', q: 'ㄑ', x: 'ㄒ',
  zh: 'ㄓ', ch: 'ㄔ', sh: 'ㄕ', r: 'ㄖ', z: 'ㄗ', c: 'ㄘ', s: 'ㄙ',
};

/** Finals in their full (unabbreviated) spelling. */
// prettier-ignore
const FINALS: Record<string, string> = {
  a: 'ㄚ', o: 'ㄛ', e: 'ㄜ', ê: 'ㄝ', ai: 'ㄞ', ei: 'ㄟ', ao: 'ㄠ', ou: 'ㄡ',
  an: 'ㄢ', en: 'ㄣ', ang: 'ㄤ', eng: 'ㄥ', ong: 'ㄨㄥ', er: 'ㄦ',
  i: 'ㄧ', ia: 'ㄧㄚ', io: 'ㄧㄛ', ie: 'ㄧㄝ', iai: 'ㄧㄞ', iao: 'ㄧㄠ', iou: 'ㄧㄡ',
  ian: 'ㄧㄢ', in: 'ㄧㄣ', iang: 'ㄧㄤ', ing: 'ㄧㄥ', iong: 'ㄩㄥ',
  u: 'ㄨ', ua: 'ㄨㄚ', uo: 'ㄨㄛ', uai: 'ㄨㄞ', uei: 'ㄨㄟ', uan: 'ㄨㄢ', uen: 'ㄨㄣ',
  uang: 'ㄨㄤ', ueng: 'ㄨㄥ',
  ü: 'ㄩ', üe: 'ㄩㄝ', üan: 'ㄩㄢ', ün: 'ㄩㄣ',
};

/** Syllables with no vowel letter, and erhua's bare r. */
// prettier-ignore
const WHOLE: Record<string, string> = {
  m: 'ㄇ', n: 'ㄋ', ng: 'ㄫ', hm: 'ㄏㄇ', hng: 'ㄏㄫ', r: 'ㄦ',
};

const TONES = ['', '', 'ˊ', 'ˇ', 'ˋ'] as const;

/** The final of a syllable without initial, as pinyin spells it with y and w. */
function finalWithoutInitial(rest: string): string {
  if (rest.startsWith('y')) {
    const after = rest.slice(1);
    // yu, yue, yuan, yun are ü…; yi, yin, ying are i…; ya, ye, yao, you, yong add an i.
    if (after.startsWith('u')) return `ü${after.slice(1)}`;
    if (after.startsWith('i')) return after;
    if (after === 'ou') return 'iou';
    return `i${after}`;
  }
  if (rest.startsWith('w')) {
    const after = rest.slice(1);
    if (after.startsWith('u')) return after;
    if (after === 'ei') return 'uei';
    if (after === 'en') return 'uen';
    if (after === 'eng') return 'ueng';
    return `u${after}`;
  }
  return rest;
}

/** The full spelling of a final after an initial. */
function finalAfterInitial(initial: string, rest: string): string {
  // j, q, x are only ever followed by ü, which they write u.
  if ('jqx'.includes(initial) && rest.startsWith('u')) return `ü${rest.slice(1)}`;
  if (rest === 'iu') return 'iou';
  if (rest === 'ui') return 'uei';
  if (rest === 'un') return 'uen';
  return rest;
}

/** One numbered syllable in Zhuyin, or null if it is not a Mandarin syllable ("C", "xx"). */
export function zhuyinSyllable(token: string): string | null {
  const s = parseNumbered(token);
  if (!s) return null;
  const lower = s.letters.toLowerCase();
  let body: string | undefined = WHOLE[lower];
  if (body === undefined) {
    const initial = /^(zh|ch|sh|[bpmfdtnlgkhjqxrzcs])/.exec(lower)?.[1] ?? '';
    const rest = lower.slice(initial.length);
    if (initial && rest === 'i' && /^(zh|ch|sh|r|z|c|s)$/.test(initial)) {
      // zhi, chi, shi, ri, zi, ci, si: the initial alone.
      body = INITIALS[initial];
    } else {
      const final = FINALS[initial ? finalAfterInitial(initial, rest) : finalWithoutInitial(rest)];
      // bo, po, mo, fo are b+o; "uo" after b/p/m/f does not occur.
      body = final === undefined ? undefined : (initial ? INITIALS[initial]! : '') + final;
    }
  }
  if (body === undefined) return null;
  return s.tone === 5 ? `˙${body}` : body + TONES[s.tone];
}

/**
 * A space-separated numbered pinyin string in Zhuyin. Tokens that are not Mandarin syllables (a
 * Latin letter of 3C, punctuation) are kept as they are.
 */
export function numberedToZhuyin(pinyin: string): string {
  return pinyin
    .split(' ')
    .map((token) => zhuyinSyllable(token) ?? token)
    .join(' ');
}
