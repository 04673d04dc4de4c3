import type { MarkType } from '../../../preload/contract/article-model';

/** The element tables of the allowlist walk (walk.ts): what is skipped, what is a block, what marks. */

/** Elements whose content never becomes text. */
export const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'FRAME',
  'FRAMESET',
  'OBJECT',
  'EMBED',
  'APPLET',
  'SVG',
  'MATH',
  'CANVAS',
  'AUDIO',
  'VIDEO',
  'SOURCE',
  'TRACK',
  'MAP',
  'FORM',
  'BUTTON',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'OPTION',
  'DATALIST',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'BASE',
  'RP',
]);

/** Chrome left out of an article, but kept when the whole page is imported. */
export const CHROME = new Set(['NAV', 'ASIDE']);

/** Elements that start and end a block. */
export const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BODY',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FOOTER',
  'HEADER',
  'HGROUP',
  'LEGEND',
  'MAIN',
  'NAV',
  'P',
  'SECTION',
  'SUMMARY',
  'CAPTION',
  'TBODY',
  'THEAD',
  'TFOOT',
]);

export const MARKS: Record<string, MarkType> = {
  EM: 'em',
  I: 'em',
  CITE: 'em',
  DFN: 'em',
  VAR: 'em',
  STRONG: 'strong',
  B: 'strong',
  CODE: 'code',
  KBD: 'code',
  SAMP: 'code',
  TT: 'code',
  SUP: 'sup',
  SUB: 'sub',
};

/** What a cell holds in a table used for layout rather than data. */
export const LAYOUT_INSIDE_CELL = new Set([
  'TABLE',
  'IMG',
  'FIGURE',
  'UL',
  'OL',
  'PRE',
  'BLOCKQUOTE',
  'H1',
  'H2',
  'H3',
]);
