import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { EngineStartError } from './start-error';

/** The two settings that make the engine serve HTTPS: PEM files, given both or neither. */
export interface TlsSettings {
  /** ENGINE_TLS_CERT: the server's certificate (and any intermediates after it). */
  readonly certFile?: string | undefined;
  /** ENGINE_TLS_KEY: its private key, not encrypted. */
  readonly keyFile?: string | undefined;
}

/** What the HTTPS server is given. */
export interface TlsCredentials {
  readonly cert: Buffer;
  readonly key: Buffer;
}

/**
 * Reads and checks the certificate and key before anything listens: null for plain HTTP
 * (neither set); one without the other, a file that cannot be read, one that is not PEM, or a
 * key that is not the certificate's is an EngineStartError naming the setting.
 */
export function loadTls(settings: TlsSettings | undefined): TlsCredentials | null {
  const certFile = nonEmpty(settings?.certFile);
  const keyFile = nonEmpty(settings?.keyFile);
  if (certFile === undefined && keyFile === undefined) return null;
  if (certFile === undefined || keyFile === undefined) {
    const [given, missing] =
      certFile === undefined
        ? ['ENGINE_TLS_KEY', 'ENGINE_TLS_CERT']
        : ['ENGINE_TLS_CERT', 'ENGINE_TLS_KEY'];
    throw new EngineStartError(
      `cannot serve HTTPS: ${given} is set but ${missing} is not; set both (the certificate and its private key, PEM files) or neither for plain HTTP (${missing})`,
    );
  }
  const cert = readPem(certFile, 'TLS certificate', 'ENGINE_TLS_CERT');
  const key = readPem(keyFile, 'TLS private key', 'ENGINE_TLS_KEY');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch (error) {
    throw new EngineStartError(
      `cannot serve HTTPS: ${certFile} is not a PEM certificate (ENGINE_TLS_CERT)`,
      { cause: error },
    );
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch (error) {
    throw new EngineStartError(
      `cannot serve HTTPS: ${keyFile} is not a PEM private key, or it is encrypted (ENGINE_TLS_KEY)`,
      { cause: error },
    );
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new EngineStartError(
      `cannot serve HTTPS: the key in ${keyFile} is not the private key of the certificate in ${certFile} (ENGINE_TLS_KEY)`,
    );
  }
  return { cert, key };
}

const READ_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'the file does not exist',
  EACCES: 'permission denied',
  EISDIR: 'it is a folder',
};

function readPem(path: string, what: string, setting: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const reason = READ_REASONS[code] ?? (error instanceof Error ? error.message : String(error));
    throw new EngineStartError(`cannot read the ${what} ${path}: ${reason} (${setting})`, {
      cause: error,
    });
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
