import SQLite from 'better-sqlite3';
import { databasePath } from '../../src-main/store';

export interface JournalFault {
  /** The journal takes confirmations again. */
  heal(): void;
}

/**
 * Makes the till's journal refuse to confirm a sale (as a full disk would) until healed: a real
 * SQLite trigger in the till's own database, so the till's write fails where it would fail.
 * `basketCode` limits it to one sale.
 */
export function failJournalConfirms(dataDir: string, basketCode?: string): JournalFault {
  const db = new SQLite(databasePath(dataDir));
  try {
    const only = basketCode === undefined ? '' : `AND NEW.basket_code = ${quoted(basketCode)}`;
    db.exec(`CREATE TRIGGER journal_fault BEFORE UPDATE OF state ON sales
               WHEN NEW.state = 'confirmed' ${only}
               BEGIN SELECT RAISE(ABORT, 'the journal cannot be written'); END`);
  } finally {
    db.close();
  }
  return {
    heal: () => {
      const healing = new SQLite(databasePath(dataDir));
      try {
        healing.exec('DROP TRIGGER journal_fault');
      } finally {
        healing.close();
      }
    },
  };
}

function quoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
