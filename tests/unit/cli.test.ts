import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../main/script/convert';
import { ROOT, sample } from '../helpers/data';

/** Runs the command line the way `npm run -s convert -- …` does. */
function cli(args: string[], input: string) {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'run-ts.mjs'), 'main/cli/convert.ts', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run convert', () => {
  it('converts standard input to standard output', () => {
    const input = sample('000');
    const run = cli(['--to', 's2twp'], input);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(convert(input, 's2twp').text);
    expect(run.stdout).toContain('騰訊');
  });

  it('prints the alignment as JSON with --align', () => {
    const run = cli(['--to', 's2twp', '--align'], '买U盘');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as {
      text: string;
      alignment: { source: number; target: number; runs: number[] };
      changed: { source: number[]; target: number[]; from: string; to: string }[];
    };
    expect(out.text).toBe('買隨身碟');
    expect(out.alignment).toMatchObject({ source: 3, target: 4, runs: [1, 2, 3, 1] });
    expect(out.changed).toEqual([
      { source: [0, 1], target: [0, 1], from: '买', to: '買' },
      { source: [1, 3], target: [1, 4], from: 'U盘', to: '隨身碟' },
    ]);
  });

  it('prints the detected script with --detect', () => {
    expect(cli(['--detect'], sample('001')).stdout).toBe('traditional taiwan\n');
    expect(cli(['--detect'], sample('000')).stdout).toBe('simplified\n');
  });

  it('refuses an unknown variant with a message and exit code 2', () => {
    const run = cli(['--to', 's2x'], '中文');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Unknown variant "s2x"/);
    expect(run.stdout).toBe('');
  });
});
