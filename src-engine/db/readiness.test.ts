import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useFreshSqlite } from '../../test-support/engine/fresh-sqlite';
import { migrateTo, migrateToLatest } from './migrate';
import { checkReadiness } from './readiness';

describe('checkReadiness', () => {
  const fresh = useFreshSqlite();

  it('is ready on a migrated database, and writes its probe row', async () => {
    const db = await fresh();
    await migrateToLatest(db);
    expect(await checkReadiness(db, () => 1234)).toEqual({ ready: true });
    const row = await db.kysely.selectFrom('readiness_probe').selectAll().executeTakeFirst();
    expect(row).toEqual({ id: 1, probed_at: 1234 });
  });

  it('is not ready while migrations are pending, or when the database has ones this release does not know', async () => {
    const db = await fresh();
    await migrateTo(db, '0003_event_retention');
    expect(await checkReadiness(db, Date.now)).toEqual({
      ready: false,
      reason: 'migrations_pending',
      migrations: [
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
      ],
    });
    await migrateToLatest(db);
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01')`.execute(
      db.kysely,
    );
    expect(await checkReadiness(db, Date.now)).toEqual({
      ready: false,
      reason: 'migrations_unknown',
      migrations: ['9999_from_the_future'],
    });
  });

  it('is not ready when the database takes no writes, with the driver code', async () => {
    const db = await fresh();
    await migrateToLatest(db);
    await sql`pragma query_only = on`.execute(db.kysely);
    expect(await checkReadiness(db, Date.now)).toEqual({
      ready: false,
      reason: 'database_not_writable',
      code: 'SQLITE_READONLY',
    });
  });
});
