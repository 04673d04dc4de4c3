#!/usr/bin/env node
// `npm test`: typecheck, lint, unit and database tests, build, the smoke test of the built app
// (out/main under Node with a fake electron), end-to-end tests; then one closing line
// "N passed, N failed, N skipped" summed over the Vitest and Playwright runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json']],
  ['build', 'npm', ['run', '-s', 'build']],
  [
    'smoke',
    'npx',
    [
      'vitest',
      'run',
      '--config',
      'tests/smoke/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile=test-results/smoke.json',
    ],
  ],
  ['e2e', 'npx', ['playwright', 'test']],
];

mkdirSync('test-results', { recursive: true });
for (const f of ['test-results/vitest.json', 'test-results/smoke.json', 'test-results/playwright.json']) {
  rmSync(f, { force: true });
}

const failedSteps = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' });
  console.log(
    `=== ${name}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (status !== 0) {
    failedSteps.push(name);
    // Without a build there is nothing for the e2e suite to run against.
    if (name === 'build') break;
  }
}

const counts = { passed: 0, failed: 0, skipped: 0 };
for (const file of ['test-results/vitest.json', 'test-results/smoke.json']) {
  if (!existsSync(file)) continue;
  const v = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += v.numPassedTests;
  counts.failed += v.numFailedTests;
  counts.skipped += v.numPendingTests + v.numTodoTests;
}
if (existsSync('test-results/playwright.json')) {
  const p = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'));
  counts.passed += p.stats.expected;
  counts.failed += p.stats.unexpected + p.stats.flaky;
  counts.skipped += p.stats.skipped;
}
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedSteps.length || counts.failed || counts.passed === 0 ? 1 : 0);
