import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnEngine } from '../../test-support/engine/engine-process';
import {
  mountReadOnlyView,
  mountTmpfs,
  whyTmpfsCannotMount,
  type ReadOnlyView,
  type Tmpfs,
} from '../../test-support/engine/tmpfs';

/*
 * What whoever starts the engine sees when it cannot start: one line on stderr naming the
 * setting to change, no stack trace, and a non-zero exit code.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sqliteFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'engine-start-'));
  dirs.push(dir);
  return join(dir, 'engine.sqlite');
}

function runEngine(env: Record<string, string>, args: readonly string[] = []) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src-engine/main.ts', ...args], {
    env: { ...process.env, ENGINE_HOST: '127.0.0.1', ENGINE_PORT: '0', LOG_LEVEL: 'info', ...env },
    encoding: 'utf8',
    timeout: 15_000,
  });
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

async function listening(): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  return address.port;
}

describe('engine start-up failures', { timeout: 20_000 }, () => {
  it('a port in use: one line naming ENGINE_PORT, exit 1', async () => {
    const taken = await listening();
    try {
      const port = portOf(taken);
      const run = runEngine({ ENGINE_PORT: String(port), ENGINE_DATABASE_URL: sqliteFile() });
      expect(lines(run.stderr)).toEqual([
        `voucher engine: cannot listen on 127.0.0.1:${port}: the port is in use (ENGINE_PORT)`,
      ]);
      expect(run.status).toBe(1);
    } finally {
      taken.close();
    }
  });

  it('a PostgreSQL that refuses connections: one line naming ENGINE_DATABASE_URL without its password, exit 1', async () => {
    const closed = await listening();
    const port = portOf(closed);
    await new Promise((resolve) => closed.close(resolve));
    const run = runEngine({
      ENGINE_DATABASE_URL: `postgres://till:s3cret@127.0.0.1:${port}/engine`,
    });
    expect(lines(run.stderr)).toEqual([
      `voucher engine: cannot reach the database postgres://till:***@127.0.0.1:${port}/engine: connect ECONNREFUSED 127.0.0.1:${port} (ENGINE_DATABASE_URL)`,
    ]);
    expect(run.status).toBe(1);
  });

  it('a TLS certificate without its key: one line naming ENGINE_TLS_KEY, exit 1, before the database is touched', () => {
    const database = sqliteFile();
    const run = runEngine({
      ENGINE_DATABASE_URL: database,
      ENGINE_TLS_CERT: join(tmpdir(), 'engine.pem'),
    });
    expect(lines(run.stderr)).toEqual([
      'voucher engine: cannot serve HTTPS: ENGINE_TLS_CERT is set but ENGINE_TLS_KEY is not; set both (the certificate and its private key, PEM files) or neither for plain HTTP (ENGINE_TLS_KEY)',
    ]);
    expect(run.status).toBe(1);
    expect(existsSync(database)).toBe(false);
  });

  const refusal = (file: string) =>
    `voucher engine: cannot open the SQLite database ${file}: another process holds it: an SQLite ` +
    'file serves one engine process at a time (use PostgreSQL for several; stop the engine ' +
    'before engine:migrate or engine:admin) (ENGINE_DATABASE_URL)';

  it('a second engine process on one SQLite file is refused, saying to use PostgreSQL', async () => {
    const file = sqliteFile();
    const first = await spawnEngine({ ENGINE_DATABASE_URL: file });
    try {
      const second = runEngine({ ENGINE_DATABASE_URL: file });
      expect(lines(second.stderr)).toEqual([refusal(file)]);
      expect(second.status).toBe(1);
      expect(first.exited()).toBeNull();
    } finally {
      await first.stop();
    }
  });

  it('engine:migrate is refused while an engine process holds the SQLite file, and runs once it stopped', async () => {
    const file = sqliteFile();
    const first = await spawnEngine({ ENGINE_DATABASE_URL: file });
    try {
      const migrate = runEngine({ ENGINE_DATABASE_URL: file }, ['--migrate-only']);
      expect(lines(migrate.stderr)).toEqual([refusal(file)]);
      expect(migrate.status).toBe(1);
    } finally {
      await first.stop();
    }
    const after = runEngine({ ENGINE_DATABASE_URL: file }, ['--migrate-only']);
    expect(after.stderr).toBe('');
    expect(after.stdout).toContain(`${file} is up to date`);
    expect(after.status).toBe(0);
  });
});

const cannotMount = whyTmpfsCannotMount();
const readOnlyRefusal = (file: string) =>
  `voucher engine: cannot open the SQLite database ${file}: the file or its folder is read-only (ENGINE_DATABASE_URL)`;

if (cannotMount)
  describe.skip('engine start-up on a read-only filesystem', () => {
    it(`skipped: ${cannotMount}`, () => undefined);
  });
else
  describe('engine start-up on a read-only filesystem', { timeout: 40_000 }, () => {
    // a tmpfs of the test's own, seen through a read-only bind mount: a truly read-only filesystem
    let disk: Tmpfs | undefined;
    let view: ReadOnlyView | undefined;
    beforeAll(() => {
      disk = mountTmpfs(4 * 1024 * 1024);
      view = mountReadOnlyView(disk.dir);
    });
    afterAll(() => {
      view?.unmount();
      disk?.unmount();
    });
    const mounted = () => {
      if (!disk || !view) throw new Error('the read-only filesystem was not mounted');
      return { writable: disk.dir, readOnly: view.dir };
    };

    it('a new database there: one line naming ENGINE_DATABASE_URL, exit 1', () => {
      const file = join(mounted().readOnly, 'new.sqlite');
      const run = runEngine({ ENGINE_DATABASE_URL: file });
      expect(lines(run.stderr)).toEqual([readOnlyRefusal(file)]);
      expect(run.status).toBe(1);
    });

    it('a database made before the filesystem turned read-only: one line naming ENGINE_DATABASE_URL, exit 1', () => {
      const made = runEngine({ ENGINE_DATABASE_URL: join(mounted().writable, 'made.sqlite') }, [
        '--migrate-only',
      ]);
      expect(made.status, made.stderr).toBe(0);
      const file = join(mounted().readOnly, 'made.sqlite');
      const run = runEngine({ ENGINE_DATABASE_URL: file });
      expect(lines(run.stderr)).toEqual([readOnlyRefusal(file)]);
      expect(run.status).toBe(1);
    });
  });
