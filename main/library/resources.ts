import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { MAX_IMAGE_BYTES } from '../../preload/contract/article-model';
import type { ImportFile } from '../../preload/contract/types';
import { sniffImage } from './html/images';
import type { ResourceResolver } from './html/index';

const PAGE = new Set(['.html', '.htm', '.xhtml', '.shtml', '.md', '.markdown']);

/** True for a file that is a page (web page or Markdown), which may refer to images beside it. */
export const isPage = (name: string): boolean => PAGE.has(extname(name).toLowerCase());

/** A reference as a page writes it, as a relative path with forward slashes (or null: remote, data:, absolute). */
function localPath(ref: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//') || ref.startsWith('/')) {
    // file:// URLs of a page saved on this machine point into its folder too; others are remote.
    if (!/^file:/i.test(ref)) return null;
    try {
      return decodeURIComponent(new URL(ref).pathname);
    } catch {
      return null;
    }
  }
  const path = ref.split(/[?#]/)[0] ?? '';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // As written.
  }
  return decoded.replace(/\\/g, '/').replace(/^\.\//, '') || null;
}

/**
 * The images a web page (or Markdown file) refers to, when they were picked or dropped along with
 * it: "Web page, complete" saves `page_files/…` beside `page.html`. A file matches by the path the
 * page writes (relative to the page, as the names carry it) or, failing that, by its file name
 * when only one file of the batch has it. The files used this way are resources, not articles:
 * `used` fills as the pages are read, so pages go first.
 */
export function batchResources(files: readonly ImportFile[]): {
  pages: Map<ImportFile, ResourceResolver>;
  used: Set<ImportFile>;
} {
  const pages = new Map<ImportFile, ResourceResolver>();
  const used = new Set<ImportFile>();
  const others = files.filter((f) => !PAGE.has(extname(f.name).toLowerCase()));
  if (others.length === 0) return { pages, used };
  const byPath = new Map(others.map((f) => [f.name.replace(/\\/g, '/'), f]));
  const byName = new Map<string, ImportFile | null>();
  for (const f of others) {
    const base = f.name.split(/[\\/]/).pop() ?? f.name;
    byName.set(base, byName.has(base) ? null : f);
  }
  for (const page of files) {
    if (!PAGE.has(extname(page.name).toLowerCase())) continue;
    const folder = page.name.includes('/') ? page.name.slice(0, page.name.lastIndexOf('/') + 1) : '';
    pages.set(page, (ref) => {
      const path = localPath(ref);
      if (path === null) return null;
      const file =
        byPath.get(
          normalize(folder + path)
            .split(sep)
            .join('/'),
        ) ??
        byName.get(path.split('/').pop() ?? '') ??
        null;
      const mime = file ? sniffImage(file.bytes) : null;
      if (!file || !mime) return null;
      used.add(file);
      return { bytes: file.bytes, mime };
    });
  }
  return { pages, used };
}

/**
 * The images a page on disk refers to: files inside the page's own folder (its `_files` folder
 * included), never above it, each under the image size cap. Symbolic links are followed only
 * when they stay inside the folder too.
 */
export function diskResources(pagePath: string): ResourceResolver | undefined {
  if (!PAGE.has(extname(pagePath).toLowerCase())) return undefined;
  let root: string;
  try {
    root = realpathSync(dirname(pagePath));
  } catch {
    return undefined;
  }
  return (ref) => {
    const path = localPath(ref);
    if (path === null) return null;
    const target = isAbsolute(path) ? path : join(root, path);
    let real: string;
    try {
      real = realpathSync(target);
    } catch {
      return null;
    }
    const inside = relative(root, real);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
    try {
      if (!statSync(real).isFile() || statSync(real).size > MAX_IMAGE_BYTES) return null;
      const bytes = readFileSync(real);
      const mime = sniffImage(bytes);
      return mime ? { bytes, mime } : null;
    } catch {
      return null;
    }
  };
}
