import type { Migration } from '../migrate';
import { migration0001 } from './0001-articles';
import { migration0002 } from './0002-highlights';
import { migration0003 } from './0003-settings';
import { migration0004 } from './0004-script-conversion';
import { migration0005 } from './0005-word-changes';
import { migration0006 } from './0006-conversions-by-content';
import { migration0007 } from './0007-rich-articles';
import { migration0008 } from './0008-search-index';
import { migration0009 } from './0009-corrections';
import { migration0010 } from './0010-vocabulary';

/** Every migration, in order. Append only: a released migration never changes. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
];
