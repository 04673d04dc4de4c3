import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules must be live, not only written down: fixtures that break them are linted with
 * the project's own config (as if they stood where they would do harm) and must be refused.
 * Type information is switched off for the fixtures, which are in no tsconfig; the import rules
 * need only the resolver.
 */
const root = join(import.meta.dirname, '../..');
const fixtures = join(root, 'tests/fixtures/lint');

const eslint = new ESLint({
  cwd: root,
  ignore: false,
  overrideConfig: [
    { files: ['**/*.ts'], languageOptions: { parserOptions: { project: false, projectService: false } } },
    { files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked },
  ],
});

async function ruleIds(fixture: string, asPath: string): Promise<string[]> {
  const code = readFileSync(join(fixtures, fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: join(root, asPath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('lint holds the layers', () => {
  it('refuses main/ importing renderer/', async () => {
    expect(await ruleIds('main-imports-renderer.ts', 'main/lint-fixture.ts')).toContain('import-x/no-restricted-paths');
  });

  it('accepts the same import where it is allowed', async () => {
    // The same code in renderer/ is fine: the rule is about where the file stands.
    const ids = await ruleIds('main-imports-renderer.ts', 'renderer/reader/lint-fixture.ts');
    expect(ids).not.toContain('import-x/no-restricted-paths');
  });

  it('refuses the contract importing main/', async () => {
    expect(await ruleIds('contract-imports-main.ts', 'preload/contract/lint-fixture.ts')).toContain(
      'import-x/no-restricted-paths',
    );
  });

  it('refuses the reader importing the library view', async () => {
    expect(await ruleIds('reader-imports-library.ts', 'renderer/reader/lint-fixture.ts')).toContain(
      'import-x/no-restricted-paths',
    );
    // The library may use the shared dialogs, and the reader may too.
    expect(await ruleIds('reader-imports-library.ts', 'renderer/library/lint-fixture.ts')).not.toContain(
      'import-x/no-restricted-paths',
    );
  });

  it('refuses an import cycle', async () => {
    expect(await ruleIds('cycle-a.ts', 'tests/fixtures/lint/cycle-a.ts')).toContain('import-x/no-cycle');
  });
});
