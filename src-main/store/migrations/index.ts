import { migration0001 } from './0001_till_core';
import { migration0002 } from './0002_offline_sync';
import { migration0003 } from './0003_confirms_in_outbox';
import { migration0004 } from './0004_locks_to_release';
import { migration0005 } from './0005_audit_chain';
import { migration0006 } from './0006_sale_returns';
import { migration0007 } from './0007_sale_tenders';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Every migration, in order; a migration once shipped is never edited, only followed by another. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
];
