import type { Kysely, Transaction } from 'kysely';
import type { Err, Result } from '../../src-shared/result';
import type { Database } from './schema';

/** Thrown only to make Kysely roll back; caught right here, it never leaves this module. */
class RollBack extends Error {}

/**
 * Runs `work` in one transaction that commits only when its outcome is ok: a refusal decided
 * inside rolls back everything the work wrote, and is answered as it was decided.
 */
export async function inTransaction<T, E>(
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
