import type { BlockKind } from '../../preload/contract/types';

export type { BlockKind };

export interface ParsedBlock {
  kind: BlockKind;
  text: string;
}

/** An article as read from plain text. */
export interface ParsedArticle {
  title: string;
  author: string | null;
  /** The outlet named by a 来源/來源/出处/Source line. */
  source: string | null;
  /** YYYY-MM-DD when a date line is near the top. */
  publishedAt: string | null;
  /** The whole text; the title line, when there is one, is the one heading block, in place. */
  blocks: ParsedBlock[];
}

/** Unifies line endings (CRLF, CR, U+2028/2029 → LF) and drops a leading BOM. */
export function normalizeText(text: string): string {
  return text.replace(/^\ufeff/, '').replace(/\r\n?|[\u2028\u2029]/g, '\n');
}

const EDGE_SPACE = /^\s+|\s+$/g; // JS \s covers U+3000, NBSP and BOM too
const TITLE_MAX = 80;
const META_LINES = 10;
/** Navigation chrome saved along with web pages: breadcrumbs. */
const CHROME = /[>›»]\s*$|^(您的位置|你的位置|当前位置|當前位置|目前位置)|(\S\s*>\s*\S.*>)/;
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Display width: CJK and full-width characters count two columns. */
function width(line: string): number {
  let w = 0;
  for (const ch of line) w += CJK.test(ch) ? 2 : 1;
  return w;
}

/**
 * True when the multi-line groups between blank lines are hard-wrapped prose: their lines, all
 * but each group's last, run close to one wrap width.
 */
function isHardWrapped(groups: string[][]): boolean {
  const inner = groups.filter((g) => g.length > 1).flatMap((g) => g.slice(0, -1).map((l) => width(l.trim())));
  if (inner.length < 3) return false;
  const sorted = [...inner].sort((a, b) => a - b);
  const wrap = sorted[Math.floor(sorted.length * 0.9)] as number;
  if (wrap < 20 || wrap > 200) return false;
  return inner.filter((w) => w >= wrap * 0.75).length >= inner.length * 0.7;
}

/** Joins wrapped lines: no space between CJK, one space between Latin words. */
function joinLines(lines: string[]): string {
  return lines.reduce((acc, line) => {
    if (acc === '') return line;
    const prev = acc.slice(-1);
    const next = line.charAt(0);
    const glue = CJK.test(prev) || CJK.test(next) || /[([{“‘/-]/.test(prev) || /[)\]}.,;:!?”’/]/.test(next) ? '' : ' ';
    return acc + glue + line;
  }, '');
}

function findDate(lines: readonly string[]): string | null {
  for (const line of lines) {
    const m = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})/.exec(line);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (y >= 1900 && y <= 2200 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) {
      return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }
  }
  return null;
}

function findSource(lines: readonly string[]): string | null {
  for (const line of lines) {
    const m = /(?:来源|來源|出处|出處|source)\s*[:：]\s*([^\s|｜,，;；]+)/i.exec(line);
    if (m?.[1]) return m[1];
  }
  return null;
}

function findAuthor(lines: readonly string[]): string | null {
  for (const line of lines) {
    const m = /(?:作者|记者|記者|撰文|撰稿)\s*[:：]?\s*(\p{Script=Han}{2,4}|[A-Z][\w.-]*(?: [A-Z][\w.-]*)*)/u.exec(
      line,
    );
    if (m?.[1]) return m[1];
  }
  return null;
}

/**
 * Reads plain text as an article. Paragraphs split the way the file does (blank lines, or single
 * line breaks), with hard-wrapped lines joined; no character is ever dropped, only the white
 * space at the ends of paragraphs.
 */
export function parsePlainText(text: string, fallbackTitle?: string): ParsedArticle {
  const lines = normalizeText(text).split('\n');
  const groups: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length) groups.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) groups.push(current);

  const paragraphs = (isHardWrapped(groups) ? groups.map((g) => joinLines(g.map((l) => l.trim()))) : groups.flat())
    .map((p) => p.replace(EDGE_SPACE, ''))
    .filter((p) => p !== '');

  const head = paragraphs.slice(0, META_LINES);
  const titleIndex = paragraphs.findIndex((p, i) => i < 5 && [...p].length <= TITLE_MAX && !CHROME.test(p));
  const blocks: ParsedBlock[] = paragraphs.map((p, i) => ({
    kind: i === titleIndex ? 'heading' : 'paragraph',
    text: p,
  }));
  const first = paragraphs[0] ?? '';
  const title =
    titleIndex >= 0 ? (paragraphs[titleIndex] as string) : fallbackTitle?.trim() || [...first].slice(0, 30).join('');
  return {
    title,
    author: findAuthor(head),
    source: findSource(head),
    publishedAt: findDate(paragraphs.slice(0, 8)),
    blocks,
  };
}
