import { type DOMOutputSpec, type Node as PMNode, Schema } from 'prosemirror-model';

/**
 * The reading document. Every block of an article is exactly one textblock node holding exactly
 * the block's text, whatever its kind: PositionMap counts two positions per block boundary, and
 * highlights, alignment, side by side and the reading position all rest on that. What a kind adds
 * beyond its text (a list number, an image, a ruby reading, a link target) lives in attributes
 * and is drawn around the text, never inside it. Highlights are never marks in this document;
 * they are decorations drawn over it.
 */

const levelOf = (node: PMNode, max: number) => Math.min(max, Math.max(1, Math.round(Number(node.attrs.level) || 1)));

/** An image drawn beside a figure's caption: the stored image, or a box with its alt text. */
function imageSpec(node: PMNode): DOMOutputSpec {
  const { src, alt, width, height } = node.attrs as {
    src: string | null;
    alt: string;
    width: number | null;
    height: number | null;
  };
  if (src === null) {
    // The alt text and "image not saved" are drawn by CSS (data-alt, and a label the view sets),
    // so that neither enters the text a selection, a copy or a search sees.
    return [
      'span',
      { class: 'dz-image-missing', role: 'img', 'aria-label': alt, 'data-alt': alt, contenteditable: 'false' },
    ];
  }
  const size: Record<string, string> = {};
  // The image's own size reserves its box before it loads, so the page does not jump under the reader.
  if (width && height) Object.assign(size, { width: String(width), height: String(height) });
  return ['img', { class: 'dz-image', src, alt, draggable: 'false', contenteditable: 'false', ...size }];
}

export const readerSchema = new Schema({
  nodes: {
    doc: { content: '(block | chunk)+' },
    /**
     * Side by side, rows come in chunks that the browser lays out only when they come near the
     * screen (content-visibility): opening a long article costs what is on screen, and a chunk
     * coming into view does not make the browser walk thousands of rows.
     */
    chunk: {
      content: 'pair+',
      attrs: { lines: { default: 1 } },
      toDOM: (node) => [
        'div',
        {
          class: 'dz-chunk',
          style: `contain-intrinsic-size: auto ${(Number(node.attrs.lines) * 1.8).toFixed(1)}em`,
        },
        0,
      ],
    },
    /** Side by side: a paragraph of the original and the same paragraph converted, in one row. */
    pair: {
      content: 'cell cell',
      toDOM: () => ['div', { class: 'dz-pair' }, 0],
    },
    cell: {
      content: 'block',
      attrs: { side: { default: 'source' }, lang: { default: null } },
      toDOM: (node) => [
        'div',
        { class: `dz-cell dz-cell-${String(node.attrs.side)}`, lang: node.attrs.lang as string | null },
        0,
      ],
    },
    heading: {
      group: 'block',
      content: 'text*',
      attrs: { level: { default: 1 } },
      defining: true,
      parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
      toDOM: (node) => {
        const level = levelOf(node, 6);
        return [`h${level}`, { class: `dz-heading dz-h${level}` }, 0];
      },
    },
    paragraph: {
      group: 'block',
      content: 'text*',
      parseDOM: [{ tag: 'p' }],
      // Its estimated lines at the reading width (about 36 characters), for the size it takes before it
      // is laid out (styles.css, content-visibility).
      toDOM: (node) => [
        'p',
        { class: 'dz-paragraph', style: `--dz-lines: ${Math.ceil((node.content.size + 2) / 36)}` },
        0,
      ],
    },
    /** A paragraph inside a block quote; `level` is how deeply quoted (nested quotes indent further). */
    quote: {
      group: 'block',
      content: 'text*',
      attrs: { level: { default: 1 } },
      toDOM: (node) => {
        const level = levelOf(node, 6);
        return ['blockquote', { class: 'dz-quote', 'data-level': String(level), style: `--dz-level: ${level}` }, 0];
      },
    },
    /**
     * A list item. Its bullet or number is drawn by CSS from `data-ordinal`, never as text: the
     * number is computed for each run of numbered items when the document is built.
     */
    listItem: {
      group: 'block',
      content: 'text*',
      attrs: { level: { default: 1 }, ordered: { default: false }, ordinal: { default: null } },
      toDOM: (node) => {
        const level = levelOf(node, 8);
        const ordered = node.attrs.ordered === true;
        const attrs: Record<string, string> = {
          class: `dz-li ${ordered ? 'dz-li-ordered' : 'dz-li-bullet'}`,
          'data-level': String(level),
          style: `--dz-level: ${level}`,
        };
        if (ordered && node.attrs.ordinal !== null) attrs['data-ordinal'] = String(node.attrs.ordinal);
        return ['div', attrs, 0];
      },
    },
    /** One line of preformatted text (consecutive lines are drawn as one box). */
    preformatted: {
      group: 'block',
      content: 'text*',
      code: true,
      toDOM: () => ['pre', { class: 'dz-pre' }, 0],
    },
    /** An image with its caption as the text: `figure > img + figcaption`, the caption the only text. */
    figure: {
      group: 'block',
      content: 'text*',
      attrs: { src: { default: null }, alt: { default: '' }, width: { default: null }, height: { default: null } },
      toDOM: (node) => ['figure', { class: 'dz-figure' }, imageSpec(node), ['figcaption', { class: 'dz-caption' }, 0]],
    },
    /** A horizontal rule: a textblock that is always empty, drawn as a line. */
    rule: {
      group: 'block',
      content: 'text*',
      toDOM: () => ['div', { class: 'dz-rule', role: 'separator' }, 0],
    },
    /**
     * One row of a table: its cells (joined by tabs in the text) are `tableCell` marks laid out in a
     * grid; `cols` sets the grid's columns, header rows are bold.
     */
    tableRow: {
      group: 'block',
      content: 'text*',
      attrs: { header: { default: false }, cols: { default: 1 } },
      toDOM: (node) => [
        'div',
        {
          class: node.attrs.header === true ? 'dz-tr dz-tr-header' : 'dz-tr',
          style: `--dz-cols: ${Math.max(1, Number(node.attrs.cols) || 1)}`,
        },
        0,
      ],
    },
    text: {},
  },
  // Earlier marks wrap later ones. A cell must be the outermost (its element is a grid item), and
  // a ruby must not be split by another mark (each piece would show the reading again).
  marks: {
    tableCell: {
      attrs: { index: { default: 0 } },
      inclusive: false,
      toDOM: () => ['span', { class: 'dz-td' }, 0],
    },
    ruby: {
      attrs: { annotation: { default: '' } },
      inclusive: false,
      // The reading is drawn by CSS from data-rt, so it never enters selection, copy, highlights or search.
      toDOM: (mark) => ['span', { class: 'dz-ruby', 'data-rt': String(mark.attrs.annotation) }, 0],
    },
    link: {
      attrs: { href: {} },
      inclusive: false,
      // Not an anchor: nothing in the reader ever navigates. Activating it opens the target outside.
      toDOM: (mark) => {
        const href = String(mark.attrs.href);
        return ['span', { class: 'dz-link', role: 'link', 'data-href': href, title: href }, 0];
      },
    },
    strong: { toDOM: () => ['strong', 0] },
    em: { toDOM: () => ['em', 0] },
    code: { toDOM: () => ['code', { class: 'dz-code' }, 0] },
    sup: { excludes: 'sup sub', toDOM: () => ['sup', 0] },
    sub: { excludes: 'sup sub', toDOM: () => ['sub', 0] },
  },
});
