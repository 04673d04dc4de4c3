import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerChannel } from '../../main/worker-channel';

/** A worker that doubles numbers, fails on request, dies on request and reports what it was started with. */
const file = join(mkdtempSync(join(tmpdir(), 'duizhao-channel-')), 'worker.mjs');
writeFileSync(
  file,
  `import { parentPort, workerData } from 'node:worker_threads';
parentPort.on('message', (m) => {
  if (m.die) process.exit(3);
  if (m.fail) parentPort.postMessage({ id: m.id, ok: false, message: 'no ' + m.fail });
  else if (m.bytes) parentPort.postMessage({ id: m.id, ok: true, result: m.bytes.byteLength });
  else parentPort.postMessage({ id: m.id, ok: true, result: m.n === undefined ? workerData : m.n * 2 });
});
`,
);

let channel: WorkerChannel<{ message: string }>;
afterEach(() => channel.close());
const open = (workerData?: unknown) =>
  (channel = new WorkerChannel(file, 'test', (failure) => new Error(failure.message), workerData));

describe('WorkerChannel', () => {
  it('answers each request with its own reply, and failures with the error they describe', async () => {
    open({ setup: 1 });
    const answers = await Promise.all([1, 2, 3].map((n) => channel.request((id) => ({ message: { id, n } }))));
    expect(answers).toEqual([2, 4, 6]);
    await expect(channel.request((id) => ({ message: { id, fail: 'way' } }))).rejects.toThrow('no way');
    expect(await channel.request((id) => ({ message: { id } }))).toEqual({ setup: 1 });
  });

  it('fails what a dying worker held, then starts a new one for the next request', async () => {
    open();
    const held = channel.request((id) => ({ message: { id, n: 1 } }));
    const dying = channel.request((id) => ({ message: { id, die: true } }));
    await expect(held).resolves.toBe(2);
    await expect(dying).rejects.toThrow('The test worker stopped (exit code 3).');
    await expect(channel.request((id) => ({ message: { id, n: 5 } }))).resolves.toBe(10);
  });

  it('moves the buffers it is given instead of copying them', async () => {
    open();
    const bytes = new Uint8Array(1024);
    await expect(channel.request((id) => ({ message: { id, bytes }, transfer: [bytes.buffer] }))).resolves.toBe(1024);
    expect(bytes.byteLength).toBe(0);
  });
});
