import { describe, expect, it } from 'vitest';
import { connect } from '../../src-engine/db/connect';
import { migrateToLatest } from '../../src-engine/db/migrate';
import { DATABASES } from '../../test-support/engine/harness';

const postgres = DATABASES.find((database) => database.name === 'postgres');
const ALL_MIGRATIONS = [
  '0001_initial',
  '0002_rewards',
  '0003_event_retention',
  '0004_readiness_probe',
  '0005_spaaza_fields',
  '0006_basket_item_position',
  '0007_keys_and_accounts',
  '0008_stores_and_login_limits',
  '0010_audit_chain',
  '0011_feed_signing_keys',
  '0012_sync_conflicts',
  '0013_freed_basket_vouchers',
  '0014_basket_item_names',
];

// Needs TEST_DATABASE_URL (npm run test:all sets it when PostgreSQL answers); reported as skipped otherwise.
describe.skipIf(postgres === undefined)('migrations on PostgreSQL, beside other schemas', () => {
  it('migrate a fresh schema even when another schema of the database is already migrated', async () => {
    if (!postgres) return;
    const first = await postgres.create();
    const second = await postgres.create();
    const a = connect(first.options.databaseUrl ?? '', { schema: first.options.schema ?? '' });
    const b = connect(second.options.databaseUrl ?? '', { schema: second.options.schema ?? '' });
    try {
      expect(await migrateToLatest(a)).toEqual(ALL_MIGRATIONS);
      expect(await migrateToLatest(b)).toEqual(ALL_MIGRATIONS);
      expect(await migrateToLatest(b)).toEqual([]);
      const tables = await b.kysely.introspection.getTables({ withInternalKyselyTables: true });
      const ours = tables.filter((table) => table.schema === second.options.schema);
      expect(ours.map((table) => table.name)).toEqual(
        expect.arrayContaining(['kysely_migration', 'kysely_migration_lock', 'vouchers']),
      );
    } finally {
      await Promise.all([a.kysely.destroy(), b.kysely.destroy()]);
      await Promise.all([first.drop(), second.drop()]);
    }
  });
});
