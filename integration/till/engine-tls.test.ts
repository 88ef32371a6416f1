import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineClient, tillClientOptions } from '../../src-main/engine-client';
import { DATABASES, startTestEngine, type TestEngine } from '../../test-support/engine/harness';
import {
  makeTestCertificates,
  type TestCertificates,
} from '../../test-support/engine/test-certificates';
import { DEMO } from '../../test-support/till/demo-baskets';
import { settledSale } from '../../test-support/till/settled-sale';
import { checkNamed } from '../../test-support/till/doctor';
import {
  startTestTill,
  tempDir,
  TILL_ONE,
  valueOf,
  type TestTill,
} from '../../test-support/till/till-harness';

const OLIVE_OIL = '8712345000110'; // 6.99

const [sqlite] = DATABASES;
if (!sqlite) throw new Error('no SQLite test database');

let certificates: TestCertificates;
let engine: TestEngine;
beforeAll(async () => {
  certificates = await makeTestCertificates();
  engine = await startTestEngine(sqlite, {
    demo: true,
    tls: { certFile: certificates.certFile, keyFile: certificates.keyFile },
  });
});
afterAll(async () => {
  await engine.close();
  certificates.dispose();
});

/** The till's own engine client, made as the till makes it from its settings. */
function clientTrusting(engineCaFile: string | undefined) {
  return createEngineClient({
    baseUrl: engine.url,
    credentials: DEMO.terminal,
    timeoutMs: 5_000,
    ...tillClientOptions({
      storeCode: 'S001',
      terminalId: '01',
      engineAnswerMaxBytes: 4 * 1024 * 1024,
      engineCaFile,
    }),
  });
}

describe('a till against an engine that serves HTTPS', () => {
  let till: TestTill;
  beforeAll(async () => {
    till = await startTestTill(engine.url, TILL_ONE, tempDir('till-tls-'), {
      engineCaFile: certificates.caFile,
    });
  });
  afterAll(async () => {
    await till.close();
  });

  it('trusting the store CA through engineCaFile, prices and confirms a sale on the engine', async () => {
    expect(engine.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const { saleId } = valueOf(await till.send('sale/start', {}));
    valueOf(await till.send('sale/scan', { saleId, code: OLIVE_OIL }));
    valueOf(await till.send('sale/scan', { saleId, code: '1000001' }));
    const priced = await settledSale(till);
    expect(priced.pricedBy).toBe('engine');
    expect(priced.applied.map((voucher) => voucher.code).sort()).toEqual([
      'DEMO-10PCT',
      'DEMO-5EUR',
    ]);
    const receipt = valueOf(await till.send('sale/confirm', { saleId }));
    expect(receipt).toMatchObject({ syncState: 'synced' });
    expect(receipt.engineBasketId).toEqual(expect.any(Number));
  });

  it('its diagnostics say it reaches the engine over HTTPS, trusting only that CA', async () => {
    const diagnostics = valueOf(await till.send('diagnostics/run', {}));
    const reachability = checkNamed(diagnostics.checks, 'engine reachability');
    expect(reachability).toMatchObject({ verdict: 'ok' });
    expect(reachability.detail).toContain(
      `over HTTPS, trusting only the CA in ${certificates.caFile} (engineCaFile)`,
    );
    expect(diagnostics.config.engineCaFile).toBe(certificates.caFile);
  });
});

describe('a till that does not trust the engine’s certificate', () => {
  it('without engineCaFile: the engine is not reachable, and the message says to set it', async () => {
    const health = await clientTrusting(undefined).health();
    expect(health).toMatchObject({
      ok: false,
      error: { kind: 'unavailable', cause: 'no_connection' },
    });
    expect(health.ok ? '' : health.error.message).toBe(
      `The voucher engine at ${engine.url} is not trusted: its certificate is signed by a CA the till does not trust (UNABLE_TO_VERIFY_LEAF_SIGNATURE); set engineCaFile to the PEM file of the CA that signed it.`,
    );
  });

  it('with the wrong CA in engineCaFile: the message says that file does not hold the signer', async () => {
    const health = await clientTrusting(certificates.otherCaFile).health();
    expect(health.ok ? '' : health.error.message).toBe(
      `The voucher engine at ${engine.url} is not trusted: its certificate is signed by a CA the till does not trust (UNABLE_TO_VERIFY_LEAF_SIGNATURE); engineCaFile does not hold the CA that signed it.`,
    );
  });

  it('its diagnostics fail reachability with those words', async () => {
    const till = await startTestTill(engine.url, TILL_ONE, tempDir('till-tls-'));
    try {
      const diagnostics = valueOf(await till.send('diagnostics/run', {}));
      const reachability = checkNamed(diagnostics.checks, 'engine reachability');
      expect(reachability).toMatchObject({ verdict: 'fail' });
      expect(reachability.detail).toContain('set engineCaFile to the PEM file of the CA');
      expect(reachability.detail).toContain(
        "over HTTPS, trusting the operating system's trusted CAs",
      );
    } finally {
      await till.close();
    }
  });
});
