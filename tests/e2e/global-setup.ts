import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildHost } from './host/build';

/** The e2e suite runs against the built app (`npm run build`); this adds the test host and its bridge. */
export default async function globalSetup(): Promise<void> {
  const root = join(__dirname, '..', '..');
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` before the e2e suite (npm test does).');
  }
  await buildHost(root);
}
