import pino from 'pino';
import { expect, it } from 'vitest';
import { connect } from '../../src-engine/db/connect';
import { start } from '../../src-engine/server';
import { loadAddBaskets } from '../../test-support/engine/basket-load';
import { loginAs } from '../../test-support/engine/client';
import { spawnEngine } from '../../test-support/engine/engine-process';
import { describeEachDatabase } from '../../test-support/engine/harness';

/*
 * A redeploy sends the engine SIGTERM while tills are confirming sales. The engine process stops
 * accepting, answers what it had received, then closes its database: no till is left without the
 * answer to a sale the engine stored, and nothing a till heard "stored" is missing.
 */

const WORKERS = 12;
/** Once every worker holds a connection, this long under load before SIGTERM. */
const LOAD_BEFORE_SIGTERM_MS = 800;

describeEachDatabase('SIGTERM under add-basket load', (database) => {
  it(
    `answers every request it received, stores exactly the baskets it answered 200, exits 0`,
    { timeout: 20_000 },
    async () => {
      const created = await database.create();
      try {
        // seed the demo chain, then hand the database to an engine process of its own
        const seeder = await start({
          ...created.options,
          demo: true,
          log: pino({ level: 'silent' }),
        });
        await seeder.stop();
        const engine = await spawnEngine({
          ENGINE_DATABASE_URL: created.options.databaseUrl ?? '',
          ...(created.options.schema ? { ENGINE_DATABASE_SCHEMA: created.options.schema } : {}),
        });
        const session = await loginAs(engine.url, 'till-s001-01', 'demo-till');
        const load = loadAddBaskets(engine.url, session, WORKERS);
        await load.warmedUp;
        await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_SIGTERM_MS));
        await engine.stop();
        load.stop();
        const outcomes = await load.done;

        const db = connect(created.options.databaseUrl, {
          ...(created.options.schema ? { schema: created.options.schema } : {}),
        });
        const stored = await db.kysely
          .selectFrom('baskets')
          .select('retailer_basket_code as code')
          .where('retailer_basket_code', 'like', 'LOAD-%')
          .execute()
          .finally(() => db.close());

        const answered = outcomes.filter((o) => o.kind === 'answered');
        const ok = answered.filter((o) => o.status === 200).map((o) => o.code);
        const refused = outcomes.filter((o) => o.kind === 'refused');
        const broken = outcomes.filter((o) => o.kind === 'broken');
        const storedCodes = stored.map((row) => row.code);
        console.log(
          `SIGTERM under load [${database.name}]: answered ${answered.length} (200: ${ok.length}), ` +
            `refused ${refused.length}, reset ${broken.length}, stored ${storedCodes.length}`,
        );

        expect(engine.exited()).toBe(0);
        expect(broken).toEqual([]);
        expect(answered.filter((o) => o.status !== 200)).toEqual([]);
        expect(ok.length).toBeGreaterThan(0);
        expect(new Set(storedCodes).size).toBe(storedCodes.length);
        expect([...storedCodes].sort()).toEqual([...ok].sort());
        expect(engine.stderr()).toBe('');
      } finally {
        await created.drop();
      }
    },
  );
});
