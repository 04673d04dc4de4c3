import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/security';
import { ROOT } from '../helpers/data';

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values] as const;
      }),
  );

describe('security', () => {
  it('the CSP allows nothing remote, no inline or eval script, and the page carries the same policy', () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    expect(header.get('default-src')).toEqual(["'none'"]);
    expect(header.get('script-src')).toEqual(["'self'"]);
    expect(header.get('object-src')).toEqual(["'none'"]);
    for (const values of header.values()) {
      for (const v of values) expect(v).not.toMatch(/^(https?:|wss?:|\*|'unsafe-eval')/);
    }
    const html = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    // frame-ancestors only works as a header, so the meta copy leaves it out.
    const fromMeta = directives(meta!);
    header.delete('frame-ancestors');
    expect(Object.fromEntries(fromMeta)).toEqual(Object.fromEntries(header));
  });

  it('the window is isolated and sandboxed, with navigation and new windows blocked', () => {
    const main = readFileSync(join(ROOT, 'main', 'index.ts'), 'utf8');
    expect(main).toMatch(/contextIsolation: true/);
    expect(main).toMatch(/sandbox: true/);
    expect(main).toMatch(/nodeIntegration: false/);
    expect(main).toMatch(/will-navigate/);
    expect(main).toMatch(/setWindowOpenHandler\([^]*action: 'deny'/);
    expect(main).not.toMatch(/loadURL\((['"`])https?:/);
  });
});
