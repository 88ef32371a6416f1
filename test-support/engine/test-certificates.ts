import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/**
 * A private CA of the test's own and an engine certificate it signed for 127.0.0.1, ::1 and
 * localhost, as PEM files in a temp folder; plus a second CA that signed nothing of the engine's.
 */
export interface TestCertificates {
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
  /** A CA that did not sign the engine's certificate. */
  readonly otherCaFile: string;
  /** Writes `text` into a file of the folder and returns its path. */
  write(name: string, text: string): string;
  dispose(): void;
}

const sha256 = 'sha256';

async function certificateAuthority(name: string) {
  return generate([{ name: 'commonName', value: name }], {
    keyType: 'ec',
    algorithm: sha256,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
}

export async function makeTestCertificates(): Promise<TestCertificates> {
  const dir = mkdtempSync(join(tmpdir(), 'engine-tls-'));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text, { mode: 0o600 });
    return path;
  };
  const ca = await certificateAuthority('voucher-till test store CA');
  const other = await certificateAuthority('another CA');
  const engine = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    algorithm: sha256,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return {
    caFile: write('store-ca.pem', ca.cert),
    certFile: write('engine.pem', engine.cert),
    keyFile: write('engine-key.pem', engine.private),
    otherCaFile: write('other-ca.pem', other.cert),
    write,
    dispose: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
