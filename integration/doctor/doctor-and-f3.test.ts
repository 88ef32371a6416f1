import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, DATABASES, type TestEngine } from '../../test-support/engine/harness';
import { CHECK_NAMES, hasFailure } from '../../src-main/doctor/check';
import { runDiagnostics } from '../../src-main/doctor/run-diagnostics';
import { startHttpProxy } from '../../test-support/till/http-proxy';
import {
  startTestTill,
  tempDir,
  TILL_ONE,
  valueOf,
  writeTillConfig,
} from '../../test-support/till/till-harness';
import { inEnglish, runDoctorCli, tillFolder } from '../../test-support/till/doctor';
import { checkTitle } from '../../src-main/doctor/english';
import { createTranslator, sayCheckWords } from '../../src-shared/i18n';

const namesAndVerdicts = (checks: readonly { name: string; verdict: string }[]) =>
  checks.map(({ name, verdict }) => [name, verdict]);

/** The titles `till:doctor` prints, in CHECK_NAMES order. */
const TITLES = CHECK_NAMES.map(checkTitle);

/** The check names the real CLI printed, in its order: `[FAIL] engine reachability  …`. */
const printedNames = (stdout: string) =>
  [...stdout.matchAll(/^\[(?:OK {2}|WARN|FAIL|SKIP)\] (.{21}) /gm)].map((match) =>
    (match[1] ?? '').trimEnd(),
  );

// The checks are the till's, not the engine database's: SQLite keeps this short.
describe('the F3 screen and till:doctor run one set of checks', () => {
  const [sqlite] = DATABASES;
  let engine: TestEngine;
  beforeAll(async () => {
    if (!sqlite) throw new Error('no SQLite test database');
    engine = await startTestEngine(sqlite, { demo: true });
  });
  afterAll(async () => {
    await engine.close();
  });

  it('report the same check names and verdicts for the same till', async () => {
    const till = await startTestTill(engine.url, TILL_ONE);
    await till.till.sync.syncNow();
    const f3 = valueOf(await till.send('diagnostics/run', {}));
    const folder = tillFolder();
    const doctor = await runDiagnostics({
      env: folder.env,
      argvPath: writeTillConfig(engine.url, TILL_ONE, till.dataDir),
    });
    expect(namesAndVerdicts(f3.checks)).toEqual(namesAndVerdicts(doctor.checks));
    expect(namesAndVerdicts(f3.checks)).toEqual(CHECK_NAMES.map((name) => [name, 'ok']));
    // one set of words: every detail F3 gives has its Dutch words, none left in English
    const dutch = createTranslator({ language: 'nl', locale: 'nl-NL', currency: 'EUR' });
    for (const [index, check] of f3.checks.entries()) {
      const words = sayCheckWords(check.detail, (key, params) => dutch.t(key, params));
      expect(words).not.toMatch(/\{\{|screens\./);
      expect(words).not.toBe(inEnglish(f3.checks)[index]?.detail);
    }
    expect(f3).toMatchObject({
      version: doctor.facts?.version,
      databasePath: doctor.facts?.databasePath,
      salesWaiting: 0,
      conflictsOpen: 0,
    });
    expect(doctor.facts).toMatchObject({ salesWaiting: 0, conflictsOpen: 0 });
    folder.dispose();
    await till.close();
  });

  it('wait for the engine as long as timeouts.doctorMs says, on both, whatever the till waits for pricing', async () => {
    const proxy = await startHttpProxy(engine.url);
    const dataDir = tempDir('till-f3-slow-');
    const timeouts = { pricingMs: 5000, probeMs: 5000, doctorMs: 300 };
    const till = await startTestTill(proxy.url, TILL_ONE, dataDir, { timeouts });
    proxy.holdAnswersTo('/healthz');
    const f3 = valueOf(await till.send('diagnostics/run', {}));
    const folder = tillFolder();
    const configPath = writeTillConfig(proxy.url, TILL_ONE, dataDir, { timeouts });
    const doctor = await runDiagnostics({ env: folder.env, argvPath: configPath });
    proxy.releaseHeld();

    expect(namesAndVerdicts(f3.checks)).toEqual(namesAndVerdicts(doctor.checks));
    const reachability = (checks: readonly { name: string; verdict: string; detail: string }[]) =>
      checks.find((check) => check.name === 'engine reachability');
    expect(reachability(inEnglish(f3.checks))).toMatchObject({ verdict: 'fail' });
    expect(reachability(inEnglish(f3.checks))?.detail).toContain('did not answer within 300 ms');
    expect(reachability(inEnglish(doctor.checks))?.detail).toContain(
      'did not answer within 300 ms',
    );
    folder.dispose();
    await till.close();
    await proxy.stop();
  });

  it('with the engine gone: reachability fails on both, the later checks are skipped, not failed', async () => {
    const proxy = await startHttpProxy(engine.url);
    const dataDir = tempDir('till-f3-');
    const till = await startTestTill(proxy.url, TILL_ONE, dataDir, {
      timeouts: { confirmMs: 500, doctorMs: 500 },
    });
    // the page it took before the engine went is the last it checked
    await till.till.sync.syncNow();
    await proxy.stop();
    const f3 = valueOf(await till.send('diagnostics/run', {}));
    const folder = tillFolder();
    const configPath = writeTillConfig(proxy.url, TILL_ONE, dataDir, {
      timeouts: { confirmMs: 500, doctorMs: 500 },
    });
    const doctor = await runDiagnostics({ env: folder.env, argvPath: configPath });

    const expected = CHECK_NAMES.map((name, index) => [
      name,
      ['ok', 'ok', 'ok', 'ok', 'fail', 'skipped', 'skipped', 'skipped', 'ok'][index],
    ]);
    expect(namesAndVerdicts(f3.checks)).toEqual(expected);
    expect(namesAndVerdicts(doctor.checks)).toEqual(expected);
    // the same words too: details and next steps, not only names and verdicts
    expect(f3.checks).toEqual(doctor.checks);
    expect(inEnglish(f3.checks).find((check) => check.name === 'clock skew')?.detail).toBe(
      'the engine is not reachable',
    );
    // only the failed check counts as a failure
    expect(hasFailure(doctor.checks.filter((check) => check.verdict === 'skipped'))).toBe(false);
    const run = await runDoctorCli(['--config', configPath], folder.env);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\[SKIP\] clock skew {12}the engine is not reachable$/m);
    expect(run.stdout).toContain(
      `1 failed, 0 with warnings, 3 skipped, of ${CHECK_NAMES.length} checks.`,
    );
    folder.dispose();
    await till.close();
  });

  it('fail the store and terminal check of a till set up for another store than its terminal account’s, naming both and a next step', async () => {
    const dataDir = tempDir('till-s999-');
    const till = await startTestTill(engine.url, TILL_ONE, dataDir, { storeCode: 'S999' });
    const folder = tillFolder();
    const configPath = writeTillConfig(engine.url, TILL_ONE, dataDir, { storeCode: 'S999' });
    try {
      const f3 = valueOf(await till.send('diagnostics/run', {}));
      const doctor = await runDiagnostics({ env: folder.env, argvPath: configPath });
      const storeOf = (checks: readonly { name: string }[]) =>
        checks.find((check) => check.name === 'store and terminal');
      const expected = {
        name: 'store and terminal',
        verdict: 'fail',
        detail:
          'this till is set up for chain 1, store S999, but the engine says the account till-s001-01 belongs to chain 1, store S001',
        nextStep: `Set chainId and storeCode in ${configPath} to the store this terminal stands in, and give the till that store's terminal account (the engine's administrator creates it).`,
      };
      expect(storeOf(inEnglish(f3.checks))).toEqual(expected);
      expect(storeOf(inEnglish(doctor.checks))).toEqual(expected);
      // the others still pass: the terminal account signs in, only its store is not this till's
      // (a till just started may not have taken its first honour-feed page yet: a warning)
      expect(namesAndVerdicts(f3.checks.filter((check) => check.verdict === 'fail'))).toEqual([
        ['store_and_terminal', 'fail'],
      ]);

      const run = await runDoctorCli(['--config', configPath], folder.env);
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/^\[FAIL\] store and terminal {4}this till is set up for/m);
      expect(run.stdout).toContain(`Next step: Set chainId and storeCode in ${configPath}`);
    } finally {
      folder.dispose();
      await till.close();
    }
  });

  it('ask the engine about the store itself when the account reaches every store of the chain', async () => {
    const chainWide = { terminalId: '01', username: 'admin', password: 'demo-admin' };
    const storeOf = (
      checks: readonly { name: string; verdict: string; detail: string; nextStep: string | null }[],
    ) => checks.find((check) => check.name === 'store and terminal');
    for (const [storeCode, verdict, words] of [
      ['S999', 'fail', 'the engine refuses a basket for chain 1, store S999: '],
      ['S001', 'ok', 'the engine prices a basket for this store'],
    ] as const) {
      const dataDir = tempDir('till-chain-wide-');
      const till = await startTestTill(engine.url, chainWide, dataDir, { storeCode });
      const folder = tillFolder();
      const configPath = writeTillConfig(engine.url, chainWide, dataDir, { storeCode });
      try {
        const f3 = storeOf(inEnglish(valueOf(await till.send('diagnostics/run', {})).checks));
        const doctor = storeOf(
          inEnglish((await runDiagnostics({ env: folder.env, argvPath: configPath })).checks),
        );
        expect(f3).toEqual(doctor);
        expect(f3?.verdict).toBe(verdict);
        expect(f3?.detail).toContain(words);
        if (verdict === 'fail') {
          expect(f3?.detail).toContain('no store S999 in this chain');
          expect(f3?.nextStep).toBe(
            `Set storeCode in ${configPath} to a store of chain 1 that the engine has, or have the engine's administrator add store S999.`,
          );
        } else expect(f3?.nextStep).toBeNull();
      } finally {
        folder.dispose();
        await till.close();
      }
    }
  });
});

describe('the doctor CLI and the F3 command list the same checks, engine up and engine down', () => {
  const [sqlite] = DATABASES;

  it('prints the names F3 answers with, in the same order, before and after the engine stops', async () => {
    if (!sqlite) throw new Error('no SQLite test database');
    const engine = await startTestEngine(sqlite, { demo: true });
    const dataDir = tempDir('till-f3-cli-');
    const timeouts = { confirmMs: 500, doctorMs: 500 };
    const till = await startTestTill(engine.url, TILL_ONE, dataDir, { timeouts });
    const folder = tillFolder();
    const configPath = writeTillConfig(engine.url, TILL_ONE, dataDir, { timeouts });
    try {
      const upF3 = valueOf(await till.send('diagnostics/run', {}));
      const upCli = await runDoctorCli(['--config', configPath], folder.env);
      expect(upF3.checks.map((check) => check.name)).toEqual([...CHECK_NAMES]);
      expect(printedNames(upCli.stdout)).toEqual(TITLES);
      expect(upCli.status).toBe(0);

      await engine.close();
      const downF3 = valueOf(await till.send('diagnostics/run', {}));
      const downCli = await runDoctorCli(['--config', configPath], folder.env);
      expect(downF3.checks.map((check) => check.name)).toEqual([...CHECK_NAMES]);
      expect(printedNames(downCli.stdout)).toEqual(TITLES);
      expect(downCli.status).toBe(1);
      const reachability = inEnglish(downF3.checks).find(
        (check) => check.name === 'engine reachability',
      );
      expect(reachability?.verdict).toBe('fail');
      expect(reachability?.detail).toContain(
        `The voucher engine at ${engine.url} cannot be reached`,
      );
      const nextStep = `Start the voucher engine or check engineUrl in ${configPath}; the till keeps selling offline meanwhile.`;
      expect(reachability?.nextStep).toBe(nextStep);
      expect(downCli.stdout).toContain(`Next step: ${nextStep}`);
    } finally {
      folder.dispose();
      await till.close();
    }
  });
});
