import yauzl from 'yauzl';
import { FormatError } from './format-error';

/** More entries than any book has: a directory of ten thousand files is an attack, not an EPUB. */
export const MAX_ZIP_ENTRIES = 10_000;
/** The largest single file inflated (a chapter or an image; images are capped lower when stored). */
export const MAX_ZIP_ENTRY_BYTES = 64 * 1024 * 1024;
/** The most bytes one archive may inflate to, all entries together. */
export const MAX_ZIP_TOTAL_BYTES = 256 * 1024 * 1024;
/** Inflated/compressed past which an entry is a bomb: text compresses ~10×, zeros ~1000×. */
export const MAX_ZIP_RATIO = 100;
/** Small entries may have any ratio (a page of repeated markup); the ratio is judged past this. */
export const ZIP_RATIO_FLOOR_BYTES = 1024 * 1024;

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  maxRatio: number;
  ratioFloorBytes: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: MAX_ZIP_ENTRIES,
  maxEntryBytes: MAX_ZIP_ENTRY_BYTES,
  maxTotalBytes: MAX_ZIP_TOTAL_BYTES,
  maxRatio: MAX_ZIP_RATIO,
  ratioFloorBytes: ZIP_RATIO_FLOOR_BYTES,
};

/** An archive's files by path (forward slashes, as stored); directories are left out. */
export type ZipFiles = Map<string, Uint8Array>;

/** Names of archives an archive must not hold (EPUBs carry none; nesting is how bombs multiply). */
const ARCHIVE_NAME = /\.(zip|epub|jar|apk|docx|xlsx|pptx|odt|rar|7z|gz|tgz|bz2|xz|tar|zst)$/i;

/** Leading bytes of archive formats, for nested archives with an innocent name. */
const ARCHIVE_MAGIC: readonly number[][] = [
  [0x50, 0x4b, 0x03, 0x04], // zip
  [0x50, 0x4b, 0x05, 0x06], // empty zip
  [0x52, 0x61, 0x72, 0x21], // Rar!
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x1f, 0x8b], // gzip
];

/**
 * Reads every file of a zip held in memory, refusing it as a whole at the first sign of trouble:
 * unsafe paths, nested archives, encryption, and inflation past `limits`. Sizes are judged as the
 * bytes inflate, counted chunk by chunk, never as the headers declare them (a hostile archive can
 * declare anything; yauzl's validateEntrySizes also stops an entry at the size it declared).
 */
export async function readZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<ZipFiles> {
  const zip = await openZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new FormatError('zip_bomb', `the archive has ${zip.entryCount} entries (at most ${limits.maxEntries})`);
  }
  const files: ZipFiles = new Map();
  let total = 0;

  const readEntry = async (entry: yauzl.Entry): Promise<void> => {
    const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
    if (isUnsafePath(name)) throw new FormatError('zip_unsafe_path', `unsafe path in the archive: ${name}`);
    if (name.endsWith('/')) return;
    if (ARCHIVE_NAME.test(name)) throw new FormatError('nested_archive', `an archive inside the archive: ${name}`);
    if (entry.isEncrypted()) throw new FormatError('zip_encrypted', `an encrypted entry: ${name}`);
    if (files.has(name)) throw new FormatError('zip_invalid', `two entries named ${name}`);
    const stream = await openStream(zip, entry);
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limits.maxEntryBytes || total + size > limits.maxTotalBytes) {
          throw new FormatError('zip_bomb', `${name} inflates past the limit`);
        }
        if (size > limits.ratioFloorBytes && size / Math.max(1, entry.compressedSize) > limits.maxRatio) {
          throw new FormatError('zip_bomb', `${name} inflates more than ${limits.maxRatio}× its size`);
        }
        if (chunks.length === 0 && startsWithArchiveMagic(chunk)) {
          throw new FormatError('nested_archive', `an archive inside the archive: ${name}`);
        }
        chunks.push(chunk);
      }
    } catch (err) {
      stream.destroy();
      throw asFormatError(err);
    }
    total += size;
    files.set(name, Buffer.concat(chunks, size));
  };

  return new Promise<ZipFiles>((resolve, reject) => {
    let settled = false;
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      zip.close();
      reject(asFormatError(err));
    };
    zip.on('error', fail);
    zip.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(files);
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      readEntry(entry).then(() => {
        if (!settled) zip.readEntry();
      }, fail);
    });
    zip.readEntry();
  });
}

/** Absolute paths, drive letters and `..` segments: anything that could name a file outside. */
export function isUnsafePath(name: string): boolean {
  return (
    name.includes('\\') ||
    name.includes('\0') ||
    name.startsWith('/') ||
    /^[a-zA-Z]:/.test(name) ||
    name.split('/').some((segment) => segment === '..')
  );
}

function startsWithArchiveMagic(chunk: Uint8Array): boolean {
  return ARCHIVE_MAGIC.some((magic) => magic.every((byte, i) => chunk[i] === byte));
}

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings off: names are decoded and judged here, so an unsafe one gets its own code.
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, decodeStrings: false }, (err, zip) => {
      if (err) reject(new FormatError('zip_invalid', `not a readable zip: ${err.message}`));
      else resolve(zip);
    });
  });
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream & { destroy(): void }> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) reject(err);
      else resolve(stream);
    });
  });
}

function asFormatError(err: unknown): FormatError {
  if (err instanceof FormatError) return err;
  const message = err instanceof Error ? err.message : String(err);
  // yauzl's own size validation: the entry inflates to more than its header admits.
  if (message.startsWith('too many bytes in the stream')) return new FormatError('zip_bomb', message);
  return new FormatError('zip_invalid', message);
}
