import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import SQLite, { type Database } from 'better-sqlite3';
import { ENV_OVERRIDES, type LoadedConfig } from '../config';
import {
  countOpenConflicts,
  countOutbox,
  databasePath,
  honourCacheState,
  latestVersion,
  schemaVersion,
  verifyAuditChain,
} from '../store';
import { makeOwnerOnlyDir, octalMode, OWNER_ONLY_FILE, openToOthers } from '../owner-only';
import { checkWords, type CheckWords } from '../../src-shared/i18n';
import { failedCheck, passed, skipped, warned, type DiagnosticCheck } from './check';

/** What the local database holds for IT: sales not yet on the engine, conflicts, the cache's age. */
export interface StoreFacts {
  readonly databaseBytes: number;
  /** Null when the database cannot be read at this till's schema version. */
  readonly salesWaiting: number | null;
  readonly conflictsOpen: number | null;
  readonly honourCacheUpdatedAt: Date | null;
}

export interface DatabaseInspection {
  readonly check: DiagnosticCheck;
  /** Whether the audit log's hash chain is intact (docs/security.md, "Tamper-evident audit"). */
  readonly audit: DiagnosticCheck;
  readonly facts: StoreFacts;
}

/** How the config file was chosen: `--config` wins over `TILL_CONFIG`, which wins over the default. */
export function configSource(
  env: Readonly<Record<string, string | undefined>>,
  argvPath: string | undefined,
): CheckWords {
  if (argvPath !== undefined) return checkWords('config_source_argv');
  if (env.TILL_CONFIG !== undefined && env.TILL_CONFIG.trim() !== '')
    return checkWords('config_source_env');
  return checkWords('config_source_default');
}

export function configCheck(
  loaded: LoadedConfig,
  env: Readonly<Record<string, string | undefined>>,
  argvPath: string | undefined,
): DiagnosticCheck {
  const source = configSource(env, argvPath);
  const overridden = ENV_OVERRIDES.filter(({ name }) => (env[name] ?? '').trim() !== '').map(
    ({ name }) => name,
  );
  const fromEnv =
    overridden.length > 0 ? checkWords('config_overridden', { names: overridden.join(', ') }) : '';
  const mode = loaded.config.engineUrl === undefined ? checkWords('config_demo_mode') : '';
  const where = checkWords(loaded.fileFound ? 'config_file_found' : 'config_file_missing', {
    path: loaded.path,
    source,
  });
  const detail = checkWords('config_valid', { mode, where, fromEnv });
  const open = loaded.fileFound ? configFileOpenness(loaded.path) : null;
  const warnings = [...(open === null ? [] : [open]), ...loaded.warnings];
  if (warnings.length > 0)
    return warned('config', checkWords('config_with_warnings', { valid: detail, warnings }));
  return passed('config', detail);
}

/**
 * The config file holds the terminal's password: a file other accounts may read (or change) is
 * named with the command that closes it. Windows keeps no such mode bits; its folders' ACLs decide.
 */
export function configFileOpenness(
  path: string,
  platform: NodeJS.Platform = process.platform,
): CheckWords | null {
  if (platform === 'win32') return null;
  const mode = statSync(path, { throwIfNoEntry: false })?.mode;
  if (mode === undefined) return null;
  const open = openToOthers(mode);
  if (open === null) return null;
  return checkWords('config_file_open', {
    file: basename(path),
    open,
    mode: octalMode(mode),
    owner: octalMode(OWNER_ONLY_FILE),
    path,
  });
}

/** Exists or can be created, and a probe file can be written and removed. */
export function dataDirectoryCheck(dataDir: string, configPath: string): DiagnosticCheck {
  const existed = existsSync(dataDir);
  const probe = join(dataDir, `.till-doctor-probe-${process.pid}`);
  const nextStep = checkWords('data_dir_fix', { dir: dataDir, path: configPath });
  try {
    makeOwnerOnlyDir(dataDir);
    if (!statSync(dataDir).isDirectory()) {
      return failedCheck(
        'data_directory',
        checkWords('data_dir_not_directory', { dir: dataDir }),
        nextStep,
      );
    }
    writeFileSync(probe, 'probe', { mode: OWNER_ONLY_FILE });
    rmSync(probe);
  } catch (error) {
    rmSync(probe, { force: true });
    return failedCheck(
      'data_directory',
      checkWords('data_dir_not_writable', { dir: dataDir, error: describe(error) }),
      nextStep,
    );
  }
  return passed(
    'data_directory',
    checkWords(existed ? 'data_dir_exists' : 'data_dir_created', { dir: dataDir }),
  );
}

/**
 * Opened read-only and never migrated: a check must not change the till's journal. A database
 * the till has not created yet, or one a version behind, is fixed by the till's next start.
 */
export function inspectDatabase(dataDir: string): DatabaseInspection {
  const path = databasePath(dataDir);
  const unread = unreadStoreFacts(dataDir);
  if (!existsSync(path)) {
    return {
      check: warned('local_database', checkWords('database_missing', { path })),
      audit: skipped('audit_log', checkWords('skip_no_database')),
      facts: unread,
    };
  }
  let db: Database | undefined;
  try {
    db = new SQLite(path, { readonly: true, fileMustExist: true });
    const integrity: unknown = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') {
      return {
        check: failedCheck(
          'local_database',
          checkWords('database_damaged', { path, integrity: String(integrity) }),
          restoreBackup(path),
        ),
        audit: skipped('audit_log', checkWords('skip_database_damaged')),
        facts: unread,
      };
    }
    const version = schemaVersion(db);
    const check = judgeVersion(path, version, unread.databaseBytes);
    if (version !== latestVersion()) {
      const why = checkWords('skip_database_schema', { version, latest: latestVersion() });
      return { check, audit: skipped('audit_log', why), facts: unread };
    }
    const facts: StoreFacts = {
      ...unread,
      salesWaiting: countOutbox(db),
      conflictsOpen: countOpenConflicts(db),
      honourCacheUpdatedAt: honourCacheState(db).updatedAt,
    };
    return { check, audit: auditCheck(db), facts };
  } catch (error) {
    return {
      check: failedCheck(
        'local_database',
        checkWords('database_unreadable', { path, error: describe(error) }),
        restoreBackup(path),
      ),
      audit: skipped('audit_log', checkWords('skip_database_unreadable')),
      facts: unread,
    };
  } finally {
    db?.close();
  }
}

/** Walks the audit log's hash chain; a break fails the check, naming the first broken entry. */
export function auditCheck(db: Database): DiagnosticCheck {
  const report = verifyAuditChain(db);
  if (report.ok) return passed('audit_log', checkWords('audit_intact', { count: report.checked }));
  const { brokenAt, brokenEntry } = report;
  const where = brokenEntry
    ? checkWords('audit_entry', {
        seq: brokenEntry.seq,
        id: brokenEntry.id,
        action: brokenEntry.action,
        actor: brokenEntry.actor,
        at: brokenEntry.at.toISOString(),
      })
    : checkWords('audit_entry_seq', { seq: brokenAt?.seq ?? report.checked });
  const why = checkWords(brokenAt ? `audit_break_${brokenAt.reason}` : 'audit_chain_broken');
  return failedCheck(
    'audit_log',
    checkWords('audit_broken', { where, why }),
    checkWords('audit_changed'),
  );
}

/** The facts of a database that is not (or cannot be) read: only its size. */
export function unreadStoreFacts(dataDir: string): StoreFacts {
  return {
    databaseBytes: statSync(databasePath(dataDir), { throwIfNoEntry: false })?.size ?? 0,
    salesWaiting: null,
    conflictsOpen: null,
    honourCacheUpdatedAt: null,
  };
}

function judgeVersion(path: string, version: number, sizeBytes: number): DiagnosticCheck {
  const latest = latestVersion();
  const facts = { path, bytes: sizeBytes, version, latest };
  if (version === latest) return passed('local_database', checkWords('database_ok', facts));
  if (version < latest) return warned('local_database', checkWords('database_behind', facts));
  return failedCheck(
    'local_database',
    checkWords('database_ahead', facts),
    checkWords('database_install_newer'),
  );
}

/** Sales not yet on the engine may be in the damaged file, so it is kept, never deleted. */
function restoreBackup(path: string): CheckWords {
  return checkWords('database_restore', { path });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
