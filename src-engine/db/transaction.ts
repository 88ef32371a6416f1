import type { Kysely, Transaction } from 'kysely';
import type { Err, Result } from '../../src-shared/result';
import type { Database } from './schema';

/** Thrown only to make Kysely roll back; caught right here, it never leaves this module. */
class RollBack extends Error {}

/** PostgreSQL's deadlock_detected: it rolled this transaction back so that another could go on. */
const DEADLOCK_DETECTED = '40P01';
/** Runs of the work in all, the first included, when PostgreSQL ends it as a deadlock's victim. */
const DEADLOCK_ATTEMPTS = 3;

function isDeadlock(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    error.code === DEADLOCK_DETECTED
  );
}

/**
 * Runs `work` in one transaction that commits only when its outcome is ok: a refusal decided
 * inside rolls back everything the work wrote, and is answered as it was decided.
 *
 * An audited change holds its chain's audit head locked from its first audit line until it
 * commits (domain/audit-heads.ts), so two changes that also lock the same vouchers can deadlock
 * on PostgreSQL when one audited another voucher first. The one
 * PostgreSQL rolls back is run again from the start, up to {@link DEADLOCK_ATTEMPTS} times: it
 * wrote nothing, and runs after the other has committed.
 */
export async function inTransaction<T, E>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<Result<T, E>>,
): Promise<Result<T, E>> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await once(db, work);
    } catch (error) {
      if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(error)) throw error;
    }
  }
}

async function once<T, E>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<Result<T, E>>,
): Promise<Result<T, E>> {
  const rollBack = new RollBack('transaction rolled back on a refusal');
  let refused: Err<E> | undefined;
  try {
    return await db.transaction().execute(async (trx) => {
      const outcome = await work(trx);
      if (outcome.ok) return outcome;
      refused = outcome;
      throw rollBack;
    });
  } catch (error) {
    if (error === rollBack && refused) return refused;
    throw error;
  }
}
