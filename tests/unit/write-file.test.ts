import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic, type WriteFileSystem } from '../../main/export/write-file';
import { AppFailure } from '../../preload/contract/errors';
import { sample, tempDir } from '../helpers/data';

/** A real article, so the bytes are real multi-byte UTF-8 (a short write can cut a character). */
const CONTENT = sample('001');
const OLD = '上一次的匯出\n';

/** The real file system, with writeSync replaced. */
function withWrite(write: WriteFileSystem['writeSync']): WriteFileSystem & { calls: number } {
  const shim = {
    calls: 0,
    openSync: (path: string, flags: 'wx') => fs.openSync(path, flags),
    writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => {
      shim.calls++;
      return write(fd, buffer, offset, length);
    },
    fsyncSync: fs.fsyncSync,
    closeSync: fs.closeSync,
    renameSync: fs.renameSync,
    rmSync: fs.rmSync,
  };
  return shim;
}

function failure(run: () => void): AppFailure {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppFailure);
    return error as AppFailure;
  }
  throw new Error('expected the write to fail');
}

function previousExport(): { dir: string; path: string } {
  const dir = tempDir();
  const path = join(dir, 'notes.md');
  fs.writeFileSync(path, OLD);
  return { dir, path };
}

describe('writeFileAtomic writes everything or fails', () => {
  it('keeps writing after short writes until every byte is on disk', () => {
    const { dir, path } = previousExport();
    // At most 7 bytes per call: most calls end inside a three-byte character.
    const shim = withWrite((fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, Math.min(7, length)));
    writeFileAtomic(path, CONTENT, shim);
    expect(fs.readFileSync(path, 'utf8')).toBe(CONTENT);
    expect(shim.calls).toBe(Math.ceil(Buffer.byteLength(CONTENT) / 7));
    expect(fs.readdirSync(dir)).toEqual(['notes.md']);
  });

  it('a disk that fills up mid-file fails with io, removes the temporary file and keeps the old export', () => {
    const { dir, path } = previousExport();
    let room = 5000;
    const shim = withWrite((fd, buffer, offset, length) => {
      if (room === 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      const n = fs.writeSync(fd, buffer, offset, Math.min(room, length));
      room -= n;
      return n;
    });
    const error = failure(() => writeFileAtomic(path, CONTENT, shim));
    expect(error.code).toBe('io');
    expect(error.message).toMatch(/disk is full.*Nothing was written/);
    expect(fs.readFileSync(path, 'utf8')).toBe(OLD);
    expect(fs.readdirSync(dir)).toEqual(['notes.md']);
  });

  it('a write that makes no progress is a full disk, not an endless loop or a success', () => {
    const { dir, path } = previousExport();
    const shim = withWrite((fd, buffer, offset, length) => {
      // Stops a writer that keeps retrying, so that the test fails instead of hanging.
      if (shim.calls > 100) throw new Error('still retrying after 100 writes that wrote nothing');
      return shim.calls > 3 ? 0 : fs.writeSync(fd, buffer, offset, Math.min(10, length));
    });
    const error = failure(() => writeFileAtomic(path, CONTENT, shim));
    expect(error.code).toBe('io');
    expect(error.message).toMatch(/disk is full/);
    expect(fs.readFileSync(path, 'utf8')).toBe(OLD);
    expect(fs.readdirSync(dir)).toEqual(['notes.md']);
  });
});

describe('writeFileAtomic on a real file system that fills up', () => {
  const mountPoint = tempDir('duizhao-tmpfs-');
  let mounted = false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint], { stdio: 'pipe' });
    mounted = true;
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.warn(`Skipping the tmpfs test: cannot mount a 64 KiB tmpfs here (${why}).`);
  }
  afterAll(() => {
    if (mounted) execFileSync('umount', [mountPoint]);
  });

  it.skipIf(!mounted)('a 64 KiB tmpfs: a bigger export fails with io and the previous one is intact', () => {
    const path = join(mountPoint, 'notes.md');
    writeFileAtomic(path, CONTENT);
    expect(fs.readFileSync(path, 'utf8')).toBe(CONTENT);
    const big = CONTENT.repeat(Math.ceil((80 * 1024) / Buffer.byteLength(CONTENT)));
    expect(Buffer.byteLength(big)).toBeGreaterThan(64 * 1024);
    const error = failure(() => writeFileAtomic(path, big));
    expect(error.code).toBe('io');
    expect(error.message).toMatch(/disk is full/);
    expect(fs.readFileSync(path, 'utf8')).toBe(CONTENT);
    expect(fs.readdirSync(mountPoint)).toEqual(['notes.md']);
  });
});
