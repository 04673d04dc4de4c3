import type { NewArticle } from '../../main/db/articles';

/**
 * A plain-text Simplified article as the store takes it, for filling big libraries straight
 * through the store (bench, e2e seeding): paragraphs only, no metadata unless given.
 */
export function plainArticle(
  title: string,
  contentHash: string,
  paragraphs: readonly string[],
  source: string | null = null,
): NewArticle {
  return {
    title,
    author: null,
    source,
    sourceUrl: null,
    publishedAt: null,
    language: null,
    tags: [],
    format: 'text',
    images: [],
    script: 'simplified',
    scriptForm: null,
    encoding: null,
    contentHash,
    isSample: false,
    blocks: paragraphs.map((text) => ({ kind: 'paragraph', text })),
  };
}
