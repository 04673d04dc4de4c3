import type { VocabularyEntry } from '../../preload/contract/reading';

/**
 * Anki's tab-separated HTML, as the notes export writes it (main/export/formats.ts): a field may
 * hold no tab or raw line break, so tabs become spaces, line breaks <br>, and markup is escaped.
 */
const html = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\t/g, ' ')
    .replace(/\r\n?|\n/g, '<br>');

/**
 * The vocabulary list for Anki: front the word; back its reading, its meaning, the sentence it
 * was saved from and, small, the article's title; tagged `duizhao vocabulary`.
 */
export function toAnkiVocabularyTsv(entries: readonly VocabularyEntry[]): string {
  const lines = ['#separator:tab', '#html:true', '#columns:Front\tBack\tTags', '#tags column:3'];
  for (const e of entries) {
    const back = [html(e.reading), html(e.meaning), html(e.sentence)].filter(Boolean);
    if (e.articleTitle.trim()) back.push(`<small>${html(e.articleTitle)}</small>`);
    lines.push([html(e.word), back.join('<br>'), 'duizhao vocabulary'].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
