import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite, { type Database } from 'better-sqlite3';
import pino from 'pino';
import { tillCommands, tillResultSchema } from '../../../src-shared/till';
import { databasePath } from '../../../src-main/store';
import { startTill } from '../../../src-main/till-main';
import {
  tempDir,
  tillSettings,
  type TerminalAccount,
  type TestTill,
} from '../../till/till-harness';
import { rmSync } from 'node:fs';
import type { TillOutput, TillResult } from '../../../src-shared/till';

/** The `offline` key of the till's configuration file. */
export interface OfflineSettings {
  readonly timeoutMs?: number;
  readonly valueVouchersAllowed?: boolean;
  readonly perSaleCapMinor?: number;
  readonly perDayCapMinor?: number;
}

/** A till like the harness's, with an `offline` policy in its configuration file. */
export async function startOfflineTill(
  engineUrl: string,
  terminal: TerminalAccount,
  offline: OfflineSettings = {},
  dataDir = tempDir('till-offline-'),
): Promise<TestTill> {
  const configPath = join(dataDir, 'till.json');
  writeFileSync(
    configPath,
    JSON.stringify({ ...tillSettings(engineUrl, dataDir, terminal), offline }),
  );
  const started = await startTill({
    env: {},
    argvPath: configPath,
    port: 0,
    log: pino({ level: 'silent' }),
  });
  if (!started.ok) throw new Error(started.error.message);
  const till = started.value;
  return {
    till,
    dataDir,
    send: async (name, input, via = till.apiUrl) => {
      const response = await fetch(`${via}/api/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${till.uiToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const parsed = tillResultSchema(tillCommands[name].output).parse(await response.json());
      // The schema just checked this command's output; zod cannot carry the name's type through.
      return parsed as TillResult<TillOutput<typeof name>>;
    },
    stop: () => till.stop(),
    close: async () => {
      await till.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A second connection to a till's store, as a test looks into it (or plays another sale). */
export function openTillStore(dataDir: string): Database {
  const db = new SQLite(databasePath(dataDir));
  db.pragma('busy_timeout = 5000');
  return db;
}
