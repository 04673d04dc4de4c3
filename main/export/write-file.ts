import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppFailure } from '../../preload/contract/errors';

/** The file-system calls an atomic write makes; the real ones unless a test injects failures. */
export interface WriteFileSystem {
  openSync(path: string, flags: 'wx'): number;
  /** Writes up to `length` bytes of `buffer` from `offset`; returns how many it wrote (maybe fewer). */
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { force: true }): void;
}

const NODE_FS: WriteFileSystem = { openSync, writeSync, fsyncSync, closeSync, renameSync, rmSync };

/**
 * Writes a file whole or not at all: into a temporary file beside it, every byte written (a
 * write may take only part of what it is given), flushed to disk, then renamed over the target
 * (atomic on one file system). Any failure — a full disk included — removes the temporary file,
 * leaves whatever was at the path before untouched and throws an `io` failure.
 */
export function writeFileAtomic(path: string, content: string, fs: WriteFileSystem = NODE_FS): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const bytes = Buffer.from(content, 'utf8');
  let created = false;
  try {
    const fd = fs.openSync(temp, 'wx');
    created = true;
    try {
      writeAll(fs, fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, path);
  } catch (error) {
    if (created) {
      try {
        fs.rmSync(temp, { force: true });
      } catch {
        // The write's own failure is what the user needs to hear about.
      }
    }
    throw new AppFailure('io', `Could not write ${path}: ${reasonOf(error)}. Nothing was written.`);
  }
}

function writeAll(fs: WriteFileSystem, fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    const written = fs.writeSync(fd, bytes, offset, bytes.length - offset);
    // A write that makes no progress would loop for ever; the system has run out of room.
    if (!(written > 0)) throw Object.assign(new Error('no space left on the device'), { code: 'ENOSPC' });
    offset += written;
  }
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'the disk is full';
  return error instanceof Error ? error.message : String(error);
}
