import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { get } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineStartError } from '../../src-engine/start-error';
import { DATABASES, startTestEngine } from '../../test-support/engine/harness';
import { spawnEngine } from '../../test-support/engine/engine-process';
import {
  makeTestCertificates,
  type TestCertificates,
} from '../../test-support/engine/test-certificates';

let certificates: TestCertificates;
beforeAll(async () => {
  certificates = await makeTestCertificates();
});
afterAll(() => {
  certificates.dispose();
});

const [sqlite] = DATABASES;
if (!sqlite) throw new Error('no SQLite test database');

/** GET over HTTPS, trusting only `caFile`. */
function getTrusting(url: string, caFile: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { ca: readFileSync(caFile) }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() });
      });
    }).on('error', reject);
  });
}

describe('the engine over HTTPS', () => {
  it('serves HTTPS with ENGINE_TLS_CERT and ENGINE_TLS_KEY, its certificate trusted through the store CA', async () => {
    const engine = await startTestEngine(sqlite, {
      tls: { certFile: certificates.certFile, keyFile: certificates.keyFile },
    });
    try {
      expect(engine.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const health = await getTrusting(`${engine.url}/healthz`, certificates.caFile);
      expect(health.status).toBe(200);
      const body: unknown = JSON.parse(health.body);
      expect(body).toMatchObject({ status: 'ok' });
      const localhost = engine.url.replace('127.0.0.1', 'localhost');
      expect((await getTrusting(`${localhost}/healthz`, certificates.caFile)).status).toBe(200);
      // a client that trusts another CA does not get through
      await expect(
        getTrusting(`${engine.url}/healthz`, certificates.otherCaFile),
      ).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    } finally {
      await engine.close();
    }
  });

  it('the engine process started with both settings says it listens on https', async () => {
    const engine = await spawnEngine({
      ENGINE_DATABASE_URL: ':memory:',
      ENGINE_TLS_CERT: certificates.certFile,
      ENGINE_TLS_KEY: certificates.keyFile,
    });
    try {
      expect(engine.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect((await getTrusting(`${engine.url}/healthz`, certificates.caFile)).status).toBe(200);
    } finally {
      await engine.stop();
    }
  });
});

describe('a bad TLS setting stops the start with one line naming it', () => {
  const refusal = async (tls: { certFile?: string; keyFile?: string }) => {
    const started = startTestEngine(sqlite, { tls });
    await expect(started).rejects.toBeInstanceOf(EngineStartError);
    return started.then(
      () => '',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
  };

  it('a certificate without its key, or a key without its certificate', async () => {
    expect(await refusal({ certFile: certificates.certFile })).toBe(
      'cannot serve HTTPS: ENGINE_TLS_CERT is set but ENGINE_TLS_KEY is not; set both (the certificate and its private key, PEM files) or neither for plain HTTP (ENGINE_TLS_KEY)',
    );
    expect(await refusal({ keyFile: certificates.keyFile })).toBe(
      'cannot serve HTTPS: ENGINE_TLS_KEY is set but ENGINE_TLS_CERT is not; set both (the certificate and its private key, PEM files) or neither for plain HTTP (ENGINE_TLS_CERT)',
    );
  });

  it('a file that is not there', async () => {
    const missing = `${certificates.certFile}.missing`;
    expect(await refusal({ certFile: missing, keyFile: certificates.keyFile })).toBe(
      `cannot read the TLS certificate ${missing}: the file does not exist (ENGINE_TLS_CERT)`,
    );
    expect(await refusal({ certFile: certificates.certFile, keyFile: missing })).toBe(
      `cannot read the TLS private key ${missing}: the file does not exist (ENGINE_TLS_KEY)`,
    );
  });

  it('a file that is not PEM, and a key that is not the certificate’s', async () => {
    const garbage = certificates.write('garbage.pem', 'not a certificate\n');
    expect(await refusal({ certFile: garbage, keyFile: certificates.keyFile })).toBe(
      `cannot serve HTTPS: ${garbage} is not a PEM certificate (ENGINE_TLS_CERT)`,
    );
    expect(await refusal({ certFile: certificates.certFile, keyFile: garbage })).toBe(
      `cannot serve HTTPS: ${garbage} is not a PEM private key, or it is encrypted (ENGINE_TLS_KEY)`,
    );
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const otherKey = certificates.write(
      'other-key.pem',
      privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    );
    expect(await refusal({ certFile: certificates.certFile, keyFile: otherKey })).toBe(
      `cannot serve HTTPS: the key in ${otherKey} is not the private key of the certificate in ${certificates.certFile} (ENGINE_TLS_KEY)`,
    );
  });
});
