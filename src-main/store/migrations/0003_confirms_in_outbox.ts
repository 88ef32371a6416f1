import type { Migration } from './migration';

/**
 * An online confirm's add-basket goes into the outbox before it is sent, so that one queue holds
 * every add-basket the engine has not answered. The previous version kept such a confirm as a
 * `confirming:<basket code>` key of sync_state; one still there (the till stopped mid-confirm)
 * becomes an interrupted outbox entry, replayed at this start.
 */
export const migration0003: Migration = {
  version: 3,
  name: '0003_confirms_in_outbox',
  up(db) {
    db.exec(`
      -- queued: the sale is journaled, waiting for the engine; in_flight: a confirm of the running
      -- till is sending it (its sale is still open); interrupted: that confirm got no answer.
      ALTER TABLE outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'in_flight', 'interrupted'));

      INSERT INTO outbox (basket_code, request, created_at, next_attempt_at, state)
        SELECT sales.basket_code, sync_state.value, sync_state.updated_at, sync_state.updated_at,
               'interrupted'
        FROM sync_state JOIN sales ON sales.basket_code = substr(sync_state.key, 12)
        WHERE sync_state.key GLOB 'confirming:*'
          AND sales.state = 'open'
          AND json_valid(sync_state.value)
          AND NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.basket_code = sales.basket_code)
        ORDER BY sync_state.updated_at, sales.id;
      DELETE FROM sync_state WHERE key GLOB 'confirming:*';
    `);
  },
};
