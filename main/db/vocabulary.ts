import type { VocabularyItem } from '../../preload/contract/reading';
import type { Db } from './connection';

/** A word to save: what the reader showed, and the article it was met in (if any). */
export interface NewVocabulary {
  articleId: number | null;
  word: string;
  reading: string;
  meaning: string;
  sentence: string;
}

interface Row {
  id: number;
  article_id: number | null;
  word: string;
  reading: string;
  meaning: string;
  sentence: string;
  article_title: string;
  created_at: string;
}

const toItem = (r: Row): VocabularyItem => ({
  id: r.id,
  articleId: r.article_id,
  word: r.word,
  reading: r.reading,
  meaning: r.meaning,
  sentence: r.sentence,
  articleTitle: r.article_title,
  createdAt: r.created_at,
});

/** The vocabulary table. Saving the same word from the same sentence again updates it, not a second row. */
export class VocabularyStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** Saves a word; the article's title is copied in so that it outlives the article. */
  add(entry: NewVocabulary): VocabularyItem {
    const title =
      entry.articleId === null
        ? undefined
        : (this.db.prepare('SELECT title FROM articles WHERE id = ?').get(entry.articleId) as
            { title: string } | undefined);
    const articleId = title ? entry.articleId : null;
    const existing = this.db
      .prepare('SELECT id FROM vocabulary WHERE word = ? AND sentence = ? AND article_id IS ?')
      .get(entry.word, entry.sentence, articleId) as { id: number } | undefined;
    let id: number;
    if (existing) {
      this.db
        .prepare('UPDATE vocabulary SET reading = ?, meaning = ? WHERE id = ?')
        .run(entry.reading, entry.meaning, existing.id);
      id = existing.id;
    } else {
      id = Number(
        this.db
          .prepare(
            `INSERT INTO vocabulary (article_id, word, reading, meaning, sentence, article_title, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(articleId, entry.word, entry.reading, entry.meaning, entry.sentence, title?.title ?? '', this.now())
          .lastInsertRowid,
      );
    }
    return toItem(this.db.prepare('SELECT * FROM vocabulary WHERE id = ?').get(id) as Row);
  }

  /** Newest first. */
  list(): VocabularyItem[] {
    return (this.db.prepare('SELECT * FROM vocabulary ORDER BY created_at DESC, id DESC').all() as Row[]).map(toItem);
  }

  /** Whether there was such a word. */
  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM vocabulary WHERE id = ?').run(id).changes > 0;
  }
}
