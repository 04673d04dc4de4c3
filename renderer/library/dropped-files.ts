/**
 * Files dropped on the window, folders included: a "Web page, complete" is a page and its
 * `page_files` folder, and a dropped folder arrives in `dataTransfer.files` as one empty entry.
 * The File and Directory Entries API walks it; each file keeps the path it had inside the drop
 * (`page_files/photo.png`), which is how the page refers to it. Browsers have no other way to
 * read a dropped folder, so this small walker is written here.
 */

/** A file of an import, with the path it had in the drop or the picked folder. */
export interface PathedFile {
  file: File;
  path: string;
}

const MAX_DROPPED_FILES = 5000;

/** Reads the drop synchronously (its items die with the event), then walks any folders. */
export function droppedFiles(transfer: DataTransfer | null): Promise<PathedFile[]> {
  if (!transfer) return Promise.resolve([]);
  const entries = Array.from(transfer.items)
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null))
    .filter((entry): entry is FileSystemEntry => entry !== null);
  // No entries API (or nothing it knows): the plain file list.
  if (entries.length === 0)
    return Promise.resolve(Array.from(transfer.files).map((file) => ({ file, path: file.name })));
  return walk(entries, '');
}

async function walk(
  entries: readonly FileSystemEntry[],
  prefix: string,
  into: PathedFile[] = [],
): Promise<PathedFile[]> {
  for (const entry of entries) {
    if (into.length >= MAX_DROPPED_FILES) break;
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      into.push({ file, path: prefix + entry.name });
    } else if (entry.isDirectory) {
      await walk(await readAll(entry as FileSystemDirectoryEntry), `${prefix}${entry.name}/`, into);
    }
  }
  return into;
}

/** A folder's entries: readEntries gives them in batches until it gives none. */
async function readAll(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}
