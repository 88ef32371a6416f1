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
import { runDoctorCli, tillFolder } from '../../test-support/till/doctor';

const namesAndVerdicts = (checks: readonly { name: string; verdict: string }[]) =>
  checks.map(({ name, verdict }) => [name, verdict]);

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
    expect(reachability(f3.checks)).toMatchObject({ verdict: 'fail' });
    expect(reachability(f3.checks)?.detail).toContain('did not answer within 300 ms');
    expect(reachability(doctor.checks)?.detail).toContain('did not answer within 300 ms');
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
      ['ok', 'ok', 'ok', 'ok', 'fail', 'skipped', 'skipped', 'ok'][index],
    ]);
    expect(namesAndVerdicts(f3.checks)).toEqual(expected);
    expect(namesAndVerdicts(doctor.checks)).toEqual(expected);
    expect(f3.checks.find((check) => check.name === 'clock skew')?.detail).toBe(
      'the engine is not reachable',
    );
    // only the failed check counts as a failure
    expect(hasFailure(doctor.checks.filter((check) => check.verdict === 'skipped'))).toBe(false);
    const run = await runDoctorCli(['--config', configPath], folder.env);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\[SKIP\] clock skew {12}the engine is not reachable$/m);
    expect(run.stdout).toContain(
      `1 failed, 0 with warnings, 2 skipped, of ${CHECK_NAMES.length} checks.`,
    );
    folder.dispose();
    await till.close();
  });
});
