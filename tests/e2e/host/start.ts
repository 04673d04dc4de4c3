import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Starts the built test host (out/e2e-host/host.mjs) as its own process on a data folder, as main
 * is its own process in Electron; resolves with its URL once it serves.
 */
export async function startHost(root: string, dataDir: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    [join(root, 'out', 'e2e-host', 'host.mjs'), '--data', dataDir, '--root', root],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`test host exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.startsWith('listening ')) resolve(line.slice('listening '.length));
    });
  });
  return { url, stop: () => child.kill('SIGTERM') };
}
