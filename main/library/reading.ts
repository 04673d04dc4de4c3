import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { AppFailure } from '../../preload/contract/errors';
import type { EncodingCandidate, TextEncodingName } from '../../preload/contract/types';
import { MAX_IMPORT_BYTES } from '../../preload/contract/types';
import type { NewArticle } from '../db/articles';
import type { ScriptDetection } from '../script/detect';
import type { ReadArticle } from './read-file';
import { detectEncoding, looksBinary } from './decode';
import { decodeBytes, decodingReport } from './decoding';
import { normalizeText, parsePlainText, type ParsedArticle } from './parse';

/**
 * The one read pipeline shared by import and "Update text…": bytes checked, decoded (or the
 * candidates when the encoding is uncertain), normalized, split into blocks, hashed; then the
 * script detected. Nothing here touches the library.
 */

const PREVIEW_CHARS = 160;

/** The hash that identifies an article's content, whatever encoding or line endings it came in. */
export function contentHash(blocks: readonly { text: string }[]): string {
  return createHash('sha256')
    .update(blocks.map((b) => b.text).join('\n'), 'utf8')
    .digest('hex');
}

export const titleFromName = (name: string): string => basename(name, extname(name));

/** Refuses what no import takes: an empty file, one over 50 MB, binary data (unless the encoding is given). */
export function checkBytes(bytes: Uint8Array, encoding?: TextEncodingName): void {
  if (bytes.byteLength === 0) throw new AppFailure('empty', 'The file is empty.');
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new AppFailure('too_large', 'The file is larger than 50 MB.');
  if (!encoding && looksBinary(bytes)) {
    throw new AppFailure('binary', 'This is not a text file (it looks like binary data).');
  }
}

/** Bytes decoded: the text and its encoding, or the candidates when the encoding is uncertain. */
export type Decoded =
  { text: string; encoding: TextEncodingName } | { uncertain: true; candidates: TextEncodingName[] };

export function decode(bytes: Uint8Array, encoding?: TextEncodingName): Decoded {
  if (encoding) return { text: decodeBytes(bytes, encoding), encoding };
  const detection = detectEncoding(bytes);
  if (!detection.confident) return { uncertain: true, candidates: detection.candidates };
  return { text: decodeBytes(bytes, detection.encoding), encoding: detection.encoding };
}

/** The first lines of the bytes in each candidate encoding, so that the reader sees which reads right. */
export function previews(bytes: Uint8Array, candidates: readonly TextEncodingName[]): EncodingCandidate[] {
  return candidates.map((encoding) => {
    const candidate: EncodingCandidate = {
      encoding,
      preview: normalizeText(decodeBytes(bytes.subarray(0, PREVIEW_CHARS * 4), encoding)).slice(0, PREVIEW_CHARS),
    };
    // What this encoding would lose over the whole file, so that the reader is told before choosing.
    const { replacements, warnings } = decodingReport(bytes, encoding);
    if (replacements > 0) candidate.replacements = replacements;
    if (warnings.length > 0) candidate.warnings = warnings;
    return candidate;
  });
}

/** A text read into an article, before its script is detected (detection waits for the duplicate check). */
export interface ReadText extends ParsedArticle {
  contentHash: string;
}

/**
 * Normalizes and splits a text. With `title` (one the user typed), that title wins, and a first
 * line that differs from it is just a paragraph.
 */
export function readText(text: string, name: string, title?: string): ReadText {
  const normalized = normalizeText(text);
  if (normalized.trim() === '') throw new AppFailure('empty', 'The text is empty.');
  const parsed = parsePlainText(normalized, title ?? titleFromName(name));
  if (parsed.blocks.length === 0) throw new AppFailure('empty', 'The text is empty.');
  const blocks = title
    ? parsed.blocks.map((b) => (b.kind === 'heading' && b.text !== title ? { ...b, kind: 'paragraph' as const } : b))
    : parsed.blocks;
  return { ...parsed, title: title ?? parsed.title, blocks, contentHash: contentHash(blocks) };
}

/** The article to store: what was read, with its detected script. */
export function toNewArticle(
  read: ReadArticle,
  detected: ScriptDetection,
  encoding: TextEncodingName | null,
  isSample: boolean,
): NewArticle {
  const { notices: _notices, ...article } = read;
  return { ...article, script: detected.script, scriptForm: detected.form, encoding, isSample };
}

/**
 * A file chosen in the import dialog, read from disk: a path that has gone or is a folder fails
 * on its own (each file has its own outcome), and one over the limit is refused before it is read.
 */
export function readPath(path: string): Uint8Array {
  const name = basename(path);
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    throw new AppFailure('file_missing', `Cannot read ${path}: ${String(error)}`, { name });
  }
  if (!stat.isFile()) throw new AppFailure('not_a_file', `${path} is not a file.`, { name });
  if (stat.size > MAX_IMPORT_BYTES) throw new AppFailure('too_large', 'The file is larger than 50 MB.', { name });
  try {
    return readFileSync(path);
  } catch (error) {
    throw new AppFailure('io', `Cannot read ${path}: ${String(error)}`, { name });
  }
}
