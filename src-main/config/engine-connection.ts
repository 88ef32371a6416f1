import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isLoopbackAddress } from '../transport/loopback';

/*
 * How the till reaches its engine. Plain http:// carries the terminal's password and every sale
 * unencrypted, so it is for an engine on this machine only, unless `allowPlainHttpEngine` says
 * the network is trusted; `engineCaFile` names the private CA whose certificate an https://
 * engine presents (the only CA the till then trusts for it).
 */

const PEM_CERTIFICATE = '-----BEGIN CERTIFICATE-----';

/** The host of a plain http:// URL that is not this machine; null for https:// or a loopback host. */
export function plainHttpHostAcrossNetwork(engineUrl: string): string | null {
  if (!URL.canParse(engineUrl)) return null;
  const url = new URL(engineUrl);
  if (url.protocol !== 'http:' || isLoopbackAddress(url.hostname)) return null;
  return url.hostname;
}

export function plainHttpRefusal(host: string): string {
  return `is plain http:// to ${host}, which is not this machine: the terminal's password and every sale would cross the network unencrypted; use https:// (the engine's ENGINE_TLS_CERT and ENGINE_TLS_KEY), or set allowPlainHttpEngine to true on a network you trust`;
}

/** The PEM text of the CA file, or why it cannot serve as one. */
export function readCaFile(path: string): { ok: true; pem: string } | { ok: false; why: string } {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    const why =
      code === 'ENOENT' ? 'does not exist' : error instanceof Error ? error.message : String(error);
    return { ok: false, why: `cannot be read: ${path} ${why}` };
  }
  if (!pem.includes(PEM_CERTIFICATE) || !parses(pem)) {
    return { ok: false, why: `${path} does not hold a PEM certificate (${PEM_CERTIFICATE} …)` };
  }
  return { ok: true, pem };
}

function parses(pem: string): boolean {
  try {
    new X509Certificate(pem);
    return true;
  } catch {
    return false;
  }
}

/** For the diagnostics: how this till talks to its engine, and whether IT should look at it. */
export function describeEngineConnection(
  engineUrl: string,
  engineCaFile: string | undefined,
): { readonly text: string; readonly judgement: 'ok' | 'warn' } {
  const protocol = URL.canParse(engineUrl) ? new URL(engineUrl).protocol : '';
  if (protocol === 'https:') {
    const trust =
      engineCaFile === undefined
        ? "the operating system's trusted CAs"
        : `only the CA in ${engineCaFile} (engineCaFile)`;
    return { text: `over HTTPS, trusting ${trust}`, judgement: 'ok' };
  }
  if (plainHttpHostAcrossNetwork(engineUrl) === null)
    return { text: 'over plain HTTP on this machine', judgement: 'ok' };
  return {
    text: 'over plain HTTP across the network, allowed by allowPlainHttpEngine: the password and sales travel unencrypted',
    judgement: 'warn',
  };
}
