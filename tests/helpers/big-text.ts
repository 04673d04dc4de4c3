import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Debian's fortunes-zh: about 2 MB of Simplified prose (the sample articles stand in without it). */
const FORTUNES = '/usr/share/games/fortunes/chinese';

/**
 * Real Chinese prose of at least `chars` characters, as paragraphs: one per fortune (its ANSI
 * colour codes and `%` separators stripped, its lines joined), repeated as needed.
 */
export function bigProse(root: string, chars: number): string[] {
  let pieces: string[];
  if (existsSync(FORTUNES)) {
    pieces = readFileSync(FORTUNES, 'utf8')
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split(/^%$/m)
      .map((f) =>
        f
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .join(''),
      )
      .filter((p) => p.length > 0);
  } else {
    const dir = join(root, 'resources', 'samples');
    pieces = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n+/))
      .map((l) => l.trim())
      .filter(Boolean);
  }
  const out: string[] = [];
  let total = 0;
  for (let i = 0; total < chars; i++) {
    const p = pieces[i % pieces.length]!;
    out.push(p);
    total += p.length + 1;
  }
  return out;
}

/**
 * `n` short highlight ranges spread through a `length`-character text `source` (the first 20 on
 * its first screen), each starting on a character and ending before the next blank (a blank-only
 * range is refused), coloured in turn from `colors`: what the big-article spec and bench create.
 */
export function spreadHighlights<C>(
  source: string,
  length: number,
  n: number,
  colors: readonly C[],
): { start: number; end: number; color: C }[] {
  return Array.from({ length: n }, (_, j) => {
    let start = j < 20 ? 40 + j * 60 : Math.floor((j / n) * (length - 100));
    while (/\s/.test(source[start] ?? '')) start++;
    let end = start + 1;
    while (end < start + 4 + (j % 17) && !/\s/.test(source[end] ?? ' ')) end++;
    return { start, end, color: colors[j % colors.length]! };
  });
}
