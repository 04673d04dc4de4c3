import type { InlineMark, MarkType } from '../../../preload/contract/article-model';

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
/** HTML's collapsible white space (not U+3000 or NBSP, which are text). */
const COLLAPSIBLE = /[ \t\n\r\f]/;
/** What a block's edges lose: every kind of space, full-width indentation included. */
const EDGE = /^\s+|\s+$/g;

/** Collects the text of one block with its marks, collapsing white space as a browser would. */
export class InlineBuffer {
  text = '';
  marks: InlineMark[] = [];
  /** Marks open at this point, to be closed when their element ends (or the block does). */
  open: { type: MarkType; start: number; href?: string }[] = [];
  private space = false;
  private spaceHadBreak = false;
  /** Right after a cell break: the cell's leading white space is dropped. */
  private afterSeparator = false;

  append(raw: string): void {
    for (const ch of raw) {
      if (COLLAPSIBLE.test(ch)) {
        this.space = true;
        if (ch === '\n' || ch === '\r') this.spaceHadBreak = true;
        continue;
      }
      if (this.space && this.text !== '' && !this.afterSeparator) {
        // A line break between two CJK characters is no space at all (CSS Text's segment break
        // rule): saved Chinese pages wrap lines in the middle of sentences.
        const prev = this.text.slice(-1);
        if (!(this.spaceHadBreak && CJK.test(prev) && CJK.test(ch))) this.text += ' ';
      }
      this.space = false;
      this.spaceHadBreak = false;
      this.afterSeparator = false;
      this.text += ch;
    }
  }

  /** Text as it is, white space kept (preformatted). */
  appendVerbatim(raw: string): void {
    this.space = false;
    this.text += raw;
  }

  /** A separator that is part of the text (a table's cell break). */
  appendSeparator(sep: string): void {
    this.space = false;
    this.afterSeparator = true;
    this.text += sep;
  }

  openMark(type: MarkType, href?: string): void {
    this.open.push(href === undefined ? { type, start: this.text.length } : { type, start: this.text.length, href });
  }

  closeMark(): void {
    const mark = this.open.pop();
    if (mark) this.addMark(mark.type, mark.start, this.text.length, mark.href);
  }

  addMark(type: MarkType, start: number, end: number, href?: string, annotation?: string): void {
    if (end <= start) return;
    const mark: InlineMark = { type, start, end };
    if (href !== undefined) mark.href = href;
    if (annotation !== undefined) mark.annotation = annotation;
    this.marks.push(mark);
  }

  /**
   * The block's text, its edges trimmed, with the marks moved to match; marks still open go on
   * in the next block from its start.
   */
  take(): { text: string; marks: InlineMark[]; cut: number } | null {
    for (const m of this.open) this.addMark(m.type, m.start, this.text.length, m.href);
    const lead = /^\s*/.exec(this.text)?.[0].length ?? 0;
    const text = this.text.replace(EDGE, '');
    const marks = this.marks
      .map((m) => ({ ...m, start: Math.max(0, m.start - lead), end: Math.min(text.length, m.end - lead) }))
      .filter((m) => m.end > m.start);
    this.text = '';
    this.marks = [];
    this.space = false;
    for (const m of this.open) m.start = 0;
    return text === '' ? null : { text, marks, cut: lead };
  }
}
