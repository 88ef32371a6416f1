import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { tempDir, TILL_ONE, writeTillConfig } from '../../test-support/till/till-harness';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it(
  'a port in use stops `npm run till` with one line naming httpPort, exit code not 0',
  { timeout: 20_000 },
  async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const address = taken.address();
      if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
      const dir = tempDir('till-start-');
      dirs.push(dir);
      const config = writeTillConfig('http://127.0.0.1:9', TILL_ONE, dir, {
        httpPort: address.port,
      });
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src-main/till-main.ts', '--config', config],
        { encoding: 'utf8', timeout: 15_000 },
      );
      expect(run.stderr.split('\n').filter((line) => line !== '')).toEqual([
        `the till cannot listen on 127.0.0.1:${address.port}: the port is in use (httpPort, TILL_PORT)`,
      ]);
      expect(run.status).not.toBe(0);
      expect(run.status).not.toBeNull();
    } finally {
      taken.close();
    }
  },
);
