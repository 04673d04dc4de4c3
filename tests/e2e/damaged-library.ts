/**
 * Makes a library with a damaged page in the folder given, as a failing disk leaves it: the
 * samples imported, opened twice (so that a daily backup exists), then one page of the blocks
 * table overwritten with junk. Run with `node scripts/run-ts.mjs tests/e2e/damaged-library.ts DIR`
 * (the e2e specs run in CommonJS, where the services cannot load).
 */
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE, openServices } from '../../main/services';
import { SAMPLES_DIR } from '../helpers/data';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: damaged-library.ts DIR');
openServices({ dataDir, samplesDir: SAMPLES_DIR }).close();
openServices({ dataDir }).close();
const file = join(dataDir, DATABASE_FILE);
const db = new Database(file, { readonly: true });
const pageSize = db.pragma('page_size', { simple: true }) as number;
const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'article_blocks'").get() as {
  rootpage: number;
};
db.close();
const bytes = readFileSync(file);
bytes.fill(0x5a, (rootpage - 1) * pageSize + 8, rootpage * pageSize);
writeFileSync(file, bytes);
