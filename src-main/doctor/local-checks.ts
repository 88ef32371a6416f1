import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CHAIN_BREAK_WORDS } from '../../src-node/audit-chain';
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
): string {
  if (argvPath !== undefined) return 'named by --config';
  if (env.TILL_CONFIG !== undefined && env.TILL_CONFIG.trim() !== '') return 'named by TILL_CONFIG';
  return 'the default location';
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
  const fromEnv = overridden.length > 0 ? `; overridden by ${overridden.join(', ')}` : '';
  const mode = loaded.config.engineUrl === undefined ? ' (demo mode: no engineUrl)' : '';
  const where = loaded.fileFound
    ? `${loaded.path} (${source})`
    : `no file at ${loaded.path} (${source}); environment and defaults only`;
  const detail = `valid${mode}: ${where}${fromEnv}`;
  const open = loaded.fileFound ? configFileOpenness(loaded.path) : null;
  const warnings = [...(open === null ? [] : [open]), ...loaded.warnings];
  if (warnings.length > 0) return warned('config', [detail, ...warnings].join('\n'));
  return passed('config', detail);
}

/**
 * The config file holds the terminal's password: a file other accounts may read (or change) is
 * named with the command that closes it. Windows keeps no such mode bits; its folders' ACLs decide.
 */
export function configFileOpenness(
  path: string,
  platform: NodeJS.Platform = process.platform,
): string | null {
  if (platform === 'win32') return null;
  const mode = statSync(path, { throwIfNoEntry: false })?.mode;
  if (mode === undefined) return null;
  const open = openToOthers(mode);
  if (open === null) return null;
  return `${basename(path)} is ${open} (mode ${octalMode(mode)}) and holds the terminal's password: run \`chmod ${octalMode(OWNER_ONLY_FILE)} ${path}\``;
}

/** Exists or can be created, and a probe file can be written and removed. */
export function dataDirectoryCheck(dataDir: string, configPath: string): DiagnosticCheck {
  const existed = existsSync(dataDir);
  const probe = join(dataDir, `.till-doctor-probe-${process.pid}`);
  const nextStep = `Make ${dataDir} a folder the till's user account can write to, or set dataDir in ${configPath} to one; then restart the till.`;
  try {
    makeOwnerOnlyDir(dataDir);
    if (!statSync(dataDir).isDirectory()) {
      return failedCheck('data directory', `${dataDir} exists but is not a directory`, nextStep);
    }
    writeFileSync(probe, 'probe', { mode: OWNER_ONLY_FILE });
    rmSync(probe);
  } catch (error) {
    rmSync(probe, { force: true });
    return failedCheck(
      'data directory',
      `${dataDir} is not writable: ${describe(error)}`,
      nextStep,
    );
  }
  return passed('data directory', `${dataDir} ${existed ? 'exists' : 'was created'}, writable`);
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
      check: warned(
        'local database',
        `no database yet at ${path}; the till creates it on its first start`,
      ),
      audit: skipped('audit log', 'there is no local database yet'),
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
          'local database',
          `${path} is damaged: integrity_check says "${String(integrity)}"`,
          restoreBackup(path),
        ),
        audit: skipped('audit log', 'the local database is damaged'),
        facts: unread,
      };
    }
    const version = schemaVersion(db);
    const check = judgeVersion(path, version, unread.databaseBytes);
    if (version !== latestVersion()) {
      const why = `the local database is at schema version ${version}, not ${latestVersion()}`;
      return { check, audit: skipped('audit log', why), facts: unread };
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
        'local database',
        `${path} cannot be read as the till's SQLite database: ${describe(error)}`,
        restoreBackup(path),
      ),
      audit: skipped('audit log', 'the local database cannot be read'),
      facts: unread,
    };
  } finally {
    db?.close();
  }
}

/** Walks the audit log's hash chain; a break fails the check, naming the first broken entry. */
export function auditCheck(db: Database): DiagnosticCheck {
  const report = verifyAuditChain(db);
  const entries = `${report.checked} ${report.checked === 1 ? 'entry' : 'entries'}`;
  if (report.ok) return passed('audit log', `intact: ${entries} chained, none changed or missing`);
  const { brokenAt, brokenEntry } = report;
  const where = brokenEntry
    ? `entry seq ${brokenEntry.seq} (id ${brokenEntry.id}, ${brokenEntry.action} by ${brokenEntry.actor} at ${brokenEntry.at.toISOString()})`
    : `entry seq ${brokenAt?.seq ?? report.checked}`;
  const why = brokenAt ? CHAIN_BREAK_WORDS[brokenAt.reason] : 'the chain is broken';
  return failedCheck(
    'audit log',
    `not intact at ${where}: ${why}`,
    'The file was changed outside the till: keep a copy of it for support and tell whoever audits the store.',
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
  const facts = `${path}, ${sizeBytes} bytes, integrity ok`;
  if (version === latest) return passed('local database', `${facts}, schema version ${version}`);
  if (version < latest) {
    return warned(
      'local database',
      `${facts}, schema version ${version} of ${latest}: the till migrates it on its next start`,
    );
  }
  return failedCheck(
    'local database',
    `${facts}, but schema version ${version} is newer than this till knows (${latest}): it was written by a newer till`,
    'Install the till version that wrote this database (or a newer one); an older till must not open it.',
  );
}

/** Sales not yet on the engine may be in the damaged file, so it is kept, never deleted. */
function restoreBackup(path: string): string {
  return `Stop the till, keep ${path} for support (sales not yet sent may be in it), and restore the till's database from a backup.`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
