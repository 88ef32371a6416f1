/** A real voucher engine with the demo data, on its own SQLite file in its own temp dir. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pino from 'pino';
import type { Database } from '../../src-engine/db/schema';
import type { DemoData } from '../../src-engine/domain/demo';
import { start, type RunningEngine } from '../../src-engine/server';

export interface DemoEngine {
  readonly url: string;
  /** The engine's own database, for assertions on what it recorded (a new one after `restart()`). */
  readonly db: Kysely<Database>;
  readonly demo: DemoData;
  /** Stops the engine and keeps its SQLite file: the tills find nobody at its address. */
  stop(): Promise<void>;
  /** Starts it again on the same port and the same SQLite file (after `stop()`). */
  restart(): Promise<void>;
  /** Stops the engine (if it runs) and removes its data directory. */
  close(): Promise<void>;
}

export async function startDemoEngine(logLevel = 'silent'): Promise<DemoEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-engine-'));
  const databaseUrl = join(dir, 'engine.sqlite');
  const log = pino({ level: logLevel });
  const remove = () => {
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    let running: RunningEngine | null = await start({ databaseUrl, demo: true, port: 0, log });
    const { demo, port, url } = running;
    if (demo === null) {
      await running.stop();
      throw new Error('the engine did not seed its demo data');
    }
    let db = running.db.kysely;
    const stop = async () => {
      const stopping = running;
      running = null;
      await stopping?.stop();
    };
    return {
      url,
      get db() {
        return db;
      },
      demo,
      stop,
      restart: async () => {
        if (running) throw new Error('the engine is running: stop() it first');
        // the demo is already in the file: no seeding this time
        running = await start({ databaseUrl, port, log });
        db = running.db.kysely;
      },
      close: async () => {
        await stop();
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}
