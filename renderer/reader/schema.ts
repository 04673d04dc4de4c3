import { Schema } from 'prosemirror-model';

/**
 * The reading document: headings and paragraphs of plain text. Highlights are never marks in
 * this document; they are decorations drawn over it.
 */
export const readerSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
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
