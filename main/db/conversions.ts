import type { AlignmentJSON } from '../../preload/contract/alignment';
import type { Db } from './connection';

/** A converted text as cached: the text, its alignment with the source, and where words changed. */
export interface CachedConversion {
  text: string;
  alignment: AlignmentJSON;
  wordChanges: number[];
}

/** Which conversion: of which text (content hash), through which chain, with which dictionaries. */
export interface ConversionKey {
  contentHash: string;
  chain: string;
  dictionaryVersion: string;
}

/** Reading the conversion cache. */
export interface ConversionReads {
  find(key: ConversionKey): CachedConversion | undefined;
}

/** Changing the conversion cache. Each method is one statement. */
export interface ConversionWrites {
  save(key: ConversionKey, conversion: CachedConversion): void;
  /** Drops entries made with other dictionaries, and those of texts no article has any more. */
  pruneStale(dictionaryVersion: string): number;
}

interface CacheRow {
  text: string;
  alignment: string;
  word_changes: string;
}

/** The conversions table: converted texts keyed by the content they were made from. */
export class ConversionStore implements ConversionReads, ConversionWrites {
  constructor(private readonly db: Db) {}

  find({ contentHash, chain, dictionaryVersion }: ConversionKey): CachedConversion | undefined {
    const row = this.db
      .prepare(
        `SELECT text, alignment, word_changes FROM conversions
         WHERE content_hash = ? AND chain = ? AND dictionary_version = ?`,
      )
      .get(contentHash, chain, dictionaryVersion) as CacheRow | undefined;
    return (
      row && {
        text: row.text,
        alignment: JSON.parse(row.alignment) as AlignmentJSON,
        wordChanges: JSON.parse(row.word_changes) as number[],
      }
    );
  }

  save(key: ConversionKey, conversion: CachedConversion): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO conversions
           (content_hash, chain, dictionary_version, text, alignment, word_changes, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        key.contentHash,
        key.chain,
        key.dictionaryVersion,
        conversion.text,
        JSON.stringify(conversion.alignment),
        JSON.stringify(conversion.wordChanges),
        new Date().toISOString(),
      );
  }

  pruneStale(dictionaryVersion: string): number {
    return this.db
      .prepare(
        `DELETE FROM conversions
         WHERE dictionary_version <> ? OR content_hash NOT IN (SELECT content_hash FROM articles)`,
      )
      .run(dictionaryVersion).changes;
  }
}
