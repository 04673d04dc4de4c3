import { createHash } from 'node:crypto';
import type { Override } from '../opencc/overrides';

/**
 * What a set of overrides adds to a conversion's cache key: '' for none (so a conversion no
 * correction touches keeps its key), else '#' and a hash of the overrides in their order (order
 * decides which of two overlapping ones wins).
 */
export function overridesTag(overrides: readonly Override[]): string {
  if (overrides.length === 0) return '';
  const hash = createHash('sha256');
  for (const o of overrides) hash.update(o.source).update('\0').update(o.target).update('\0');
  return `#${hash.digest('hex').slice(0, 16)}`;
}
