import { Schema } from 'prosemirror-model';

/**
 * The reading document: headings and paragraphs of plain text. Highlights are never marks in
 * this document; they are decorations drawn over it.
 */
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
      defining: true,
      parseDOM: [{ tag: 'h1' }],
      toDOM: () => ['h1', { class: 'dz-heading' }, 0],
    },
    paragraph: {
      group: 'block',
      content: 'text*',
      parseDOM: [{ tag: 'p' }],
      toDOM: () => ['p', { class: 'dz-paragraph' }, 0],
    },
    text: {},
  },
});
