import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ArticleStore } from '../../main/db/articles';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { plainArticle } from './plain-article';

/** The phrase every article of a big library holds (a search that finds them all). */
export const EVERYWHERE = '对照基准';

// Prose to cut the articles from, kept here: the samples' loader uses import.meta, which
// Playwright's CommonJS loader refuses.
const prose =
  '春天来了，山上的雪慢慢化了，河水一天比一天宽。村里的孩子们跑到河边，看冰块从上游漂下来，' +
  '一块撞着一块，发出轻轻的响声。老人们坐在门口晒太阳，说今年的雨水会多，庄稼会好。' +
  '城里的书店换上了新的橱窗，摆着刚印好的诗集和地图。下午的图书馆很安静，只有翻书的声音，' +
  '窗外的梧桐树刚刚长出嫩叶，风一吹，光影就在桌面上移动。';

/** The title of article `n` (1-based) of a big library: numbered, so title order is numeric order. */
export const bigTitle = (n: number) => `书库文章 ${n}`;

/** The library's file in a data folder (as main/services names it; not imported from there, which
 * needs ES modules that Playwright's loader does not give). */
const DATABASE_FILE = 'library.db';

/**
 * Fills an empty data folder with `count` short articles, written through the article store in
 * one transaction (no import pipeline: about a second for 10,000), each added a second after the
 * one before. The samples are marked seeded, so the library holds exactly these. The search index
 * is built when the app opens the library (or by `openServices` beforehand).
 */
export function seedBigLibrary(dataDir: string, count: number): void {
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  migrate(db, MIGRATIONS);
  let n = 0;
  const start = Date.UTC(2026, 0, 1);
  const store = new ArticleStore(db, () => new Date(start + n * 1000));
  db.transaction(() => {
    for (n = 1; n <= count; n++) {
      const at = (n * 7) % (prose.length - 60);
      store.insert(
        plainArticle(
          bigTitle(n),
          `big-library-${n}`,
          [`${EVERYWHERE}第${n}篇。${prose.slice(at, at + 60)}`, prose.slice(0, at + 20)],
          n % 3 === 0 ? '基准来源' : null,
        ),
      );
    }
    db.prepare(`INSERT INTO settings (key, value) VALUES ('samplesSeeded', 'true')`).run();
  })();
  db.close();
}
