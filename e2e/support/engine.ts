/** A real voucher engine with the demo data, on its own SQLite file in its own temp dir. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pino from 'pino';
import type { Database } from '../../src-engine/db/schema';
import type { DemoData } from '../../src-engine/domain/demo';
import { start } from '../../src-engine/server';

export interface DemoEngine {
  readonly url: string;
  /** The engine's own database, for assertions on what it recorded. */
  readonly db: Kysely<Database>;
  readonly demo: DemoData;
  /** Stops the engine and removes its data directory. */
  close(): Promise<void>;
}

export async function startDemoEngine(logLevel = 'silent'): Promise<DemoEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-engine-'));
  const remove = () => {
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const engine = await start({
      databaseUrl: join(dir, 'engine.sqlite'),
      demo: true,
      port: 0,
      log: pino({ level: logLevel }),
    });
    const { demo } = engine;
    if (demo === null) {
      await engine.stop();
      throw new Error('the engine did not seed its demo data');
    }
    return {
      url: engine.url,
      db: engine.db.kysely,
      demo,
      close: async () => {
        await engine.stop();
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}
