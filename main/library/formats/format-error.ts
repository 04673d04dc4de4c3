import type { ErrorCode } from '../../../preload/contract/types';

/**
 * Why a file could not be imported, as a code the renderer translates. Importers of archives and
 * containers throw `FormatError`; nothing of the file is stored when they do.
 */
export type FormatErrorCode = Extract<
  ErrorCode,
  /** Not a readable zip (truncated, corrupt, duplicate names, unsupported method). */
  | 'zip_invalid'
  /** The archive would inflate past a limit: too many entries, too many bytes, or a ratio no real book has. */
  | 'zip_bomb'
  /** An entry's path is absolute or climbs out of the archive (`..`). */
  | 'zip_unsafe_path'
  /** An archive inside the archive. */
  | 'nested_archive'
  /** Zip-level password encryption. */
  | 'zip_encrypted'
  /** A zip, but not an EPUB we can read (no container, no package document, no chapters). */
  | 'epub_invalid'
  /** The book is DRM-protected (encrypted content, a rights or licence file). */
  | 'drm'
  /** Not a MIME (MHTML) web archive, or one without an HTML page. */
  | 'mhtml_invalid'
>;

export const FORMAT_ERROR_CODES: readonly FormatErrorCode[] = [
  'zip_invalid',
  'zip_bomb',
  'zip_unsafe_path',
  'nested_archive',
  'zip_encrypted',
  'epub_invalid',
  'drm',
  'mhtml_invalid',
];

/** An import refused for a reason the user can be told; `message` is for logs, `code` for the UI. */
export class FormatError extends Error {
  override readonly name = 'FormatError';
  constructor(
    readonly code: FormatErrorCode,
    message: string,
  ) {
    super(message);
  }
}
