import type { ImportNotice } from '../../preload/contract/article-model';
import { AppFailure } from '../../preload/contract/errors';
import type { ImportOutcome, TextEncodingName } from '../../preload/contract/types';
import type { ArticleReads } from '../db/article-reads';
import type { ArticleWrites } from '../db/articles';
import type { Transact } from '../db/connection';
import { isUniqueViolation } from '../db/sqlite-errors';
import type { ScriptDetection } from '../script/detect';
import type { ReadArticle } from './read-file';
import { toNewArticle } from './reading';

/** What storing an article needs of the articles table. */
export type StoringArticles = Pick<ArticleReads, 'findByHash'> & Pick<ArticleWrites, 'insert' | 'purge'>;

const noticesOf = (notices: readonly ImportNotice[]): { notices?: ImportNotice[] } =>
  notices.length > 0 ? { notices: [...notices] } : {};

/** Stores one article read from a file, unless the library already has its text. */
export function storeArticle(
  articles: StoringArticles,
  transact: Transact,
  name: string,
  read: ReadArticle,
  detected: ScriptDetection,
  encoding: TextEncodingName | null,
  isSample: boolean,
): ImportOutcome {
  const existing = articles.findByHash(read.contentHash);
  if (existing && !existing.deleted) return { status: 'duplicate', name, existing: existing.summary };
  const article = transact(() => {
    // A deleted copy whose undo window is still open gives way to the new import.
    if (existing) articles.purge(existing.summary.id);
    try {
      return articles.insert(toNewArticle(read, detected, encoding, isSample));
    } catch (error) {
      // Another Duizhao (or a second window's import) stored the same text since the check.
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  });
  if (article) return { status: 'imported', name, article, ...noticesOf(read.notices) };
  const winner = articles.findByHash(read.contentHash);
  if (!winner) throw new AppFailure('constraint', 'The article could not be stored (content hash conflict).');
  return { status: 'duplicate', name, existing: winner.summary };
}
