import type { Migration } from '../migrate';
import { migration0001 } from './0001-articles';
import { migration0002 } from './0002-highlights';
import { migration0003 } from './0003-settings';
import { migration0004 } from './0004-script-conversion';
import { migration0005 } from './0005-word-changes';
import { migration0006 } from './0006-conversions-by-content';
import { migration0008 } from './0008-search-index';

/**
 * BRANCH h ONLY — replace with the real 0007 on merge. Version 7 belongs to another branch's
 * change to articles/article_blocks; the runner wants versions 1..n without gaps, so this empty
 * step holds the number until that migration arrives. A library opened with this build is at
 * version 8 without the real 0007: use throwaway data folders only.
 */
const migration0007Reserved: Migration = { version: 7, name: 'reserved', up() {} };

/** Every migration, in order. Append only: a released migration never changes. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007Reserved,
  migration0008,
];
