import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openStore } from '../../src-main/store/open-store';

export interface TempStore {
  readonly folder: string;
  readonly path: string;
  readonly db: Database;
  dispose(): void;
}

/** A store in its own temporary folder, migrated to `version` (default: latest). */
export function openTempStore(version?: number): TempStore {
  const folder = mkdtempSync(join(tmpdir(), 'till-store-'));
  const path = join(folder, 'till.sqlite');
  const opened = openStore(path, version === undefined ? {} : { migrateTo: version });
  if (!opened.ok) throw new Error(opened.error.message);
  const db = opened.value;
  return {
    folder,
    path,
    db,
    dispose: () => {
      if (db.open) db.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export function tableNames(db: Database): string[] {
  const rows: unknown[] = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
    .pluck()
    .all();
  return rows.map(String);
}
