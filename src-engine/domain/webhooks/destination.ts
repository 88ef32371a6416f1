import { lookup as systemLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { ok } from '../../../src-shared/result';
import { refuse, type Outcome } from '../refusal';
import { refusedRange, type AllowList } from './addresses';

/*
 * Where a webhook may be sent (docs/security.md, "Webhooks"): checked when it is registered, and
 * again for every address its host resolves to when a delivery connects, so that a name that
 * resolves elsewhere by then (DNS rebinding) reaches nothing it may not.
 */

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Every address a host name resolves to. */
export type Resolve = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** The operating system's resolver, as connections use it by default. */
export const systemResolve: Resolve = async (hostname) =>
  (await systemLookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

export interface DestinationPolicy {
  /** Plain http receivers are allowed (ENGINE_WEBHOOK_ALLOW_HTTP); otherwise https only. */
  readonly allowHttp: boolean;
  /** Hosts and networks allowed whatever their addresses (ENGINE_WEBHOOK_ALLOW_HOSTS). */
  readonly allowList: AllowList;
  readonly resolve: Resolve;
}

/** Why a destination is refused: `address` and `scheme` by the policy, `unresolved` by DNS. */
export interface DestinationRefusal {
  readonly kind: 'scheme' | 'address' | 'unresolved';
  /** For the caller: a name's refusal gives the range its address is in, not the address. */
  readonly message: string;
  /** For the engine's log: the address a name resolved to, when that was refused. */
  readonly resolvedTo?: string;
}

type Vetted =
  | { readonly ok: true; readonly addresses: readonly ResolvedAddress[] }
  | { readonly ok: false; readonly refusal: DestinationRefusal };

const OPEN_IT = 'ENGINE_WEBHOOK_ALLOW_HOSTS names the hosts and networks IT allows';

/** A URL's host without the brackets of an IPv6 literal. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function schemeRefusal(policy: DestinationPolicy, url: URL): DestinationRefusal | null {
  if (url.protocol === 'https:' || (url.protocol === 'http:' && policy.allowHttp)) return null;
  return {
    kind: 'scheme',
    message:
      url.protocol === 'http:'
        ? 'must be an https URL (plain http only with ENGINE_WEBHOOK_ALLOW_HTTP=1)'
        : 'must be an https URL',
  };
}

function addressRefusal(
  policy: DestinationPolicy,
  address: string,
  named: string | null,
): DestinationRefusal | null {
  if (policy.allowList.allowsAddress(address)) return null;
  const range = refusedRange(address);
  if (range === null) return null;
  // which address an inside name has is not for a chain's admin to learn
  const what = named === null ? `${address} is ${range}` : `${named} resolves to ${range}`;
  return {
    kind: 'address',
    message: `${what}: webhooks are not sent to the engine's own machine or networks (${OPEN_IT})`,
    ...(named === null ? {} : { resolvedTo: address }),
  };
}

/**
 * Checks a host (a name or an address literal, without brackets) and answers the addresses a
 * connection may use: all of them, or none when any one is refused. A name on the allow list
 * is resolved but not checked.
 */
async function vetHost(policy: DestinationPolicy, host: string): Promise<Vetted> {
  const family = isIP(host);
  if (family !== 0) {
    const refusal = addressRefusal(policy, host, null);
    return refusal === null
      ? { ok: true, addresses: [{ address: host, family: family === 6 ? 6 : 4 }] }
      : { ok: false, refusal };
  }
  let addresses: readonly ResolvedAddress[];
  try {
    addresses = await policy.resolve(host);
  } catch (error) {
    const code =
      error instanceof Error && 'code' in error && typeof error.code === 'string'
        ? ` (${error.code})`
        : '';
    return {
      ok: false,
      refusal: { kind: 'unresolved', message: `${host} does not resolve${code}` },
    };
  }
  if (addresses.length === 0)
    return { ok: false, refusal: { kind: 'unresolved', message: `${host} does not resolve` } };
  if (policy.allowList.allowsHost(host)) return { ok: true, addresses };
  for (const { address } of addresses) {
    const refusal = addressRefusal(policy, address, host);
    if (refusal !== null) return { ok: false, refusal };
  }
  return { ok: true, addresses };
}

/**
 * What a connection checks before it starts: the scheme, and an address literal (which Node
 * connects to without a lookup). A host name is checked by guardedLookup as it resolves.
 */
export function connectRefusal(policy: DestinationPolicy, url: URL): DestinationRefusal | null {
  const host = bareHost(url);
  return (
    schemeRefusal(policy, url) ?? (isIP(host) === 0 ? null : addressRefusal(policy, host, null))
  );
}

/**
 * A webhook's URL as registration takes it, or the refusal naming why not: its scheme, then its
 * host. A host name on the allow list is taken unresolved (IT named it; it may not resolve yet).
 */
export async function checkDestination(
  policy: DestinationPolicy,
  url: string,
): Promise<Outcome<void>> {
  const parsed = new URL(url);
  const host = bareHost(parsed);
  const scheme = schemeRefusal(policy, parsed);
  const vetted: Vetted =
    scheme !== null
      ? { ok: false, refusal: scheme }
      : policy.allowList.allowsHost(host)
        ? { ok: true, addresses: [] }
        : await vetHost(policy, host);
  if (vetted.ok) return ok(undefined);
  const { kind, message } = vetted.refusal;
  return refuse(
    kind === 'unresolved' ? 'webhook_host_not_resolved' : 'webhook_url_not_allowed',
    `url: ${message}`,
  );
}

/** What a connection's lookup fails with when the policy refuses the host's addresses. */
export class DestinationRefused extends Error {
  constructor(readonly refusal: DestinationRefusal) {
    super(refusal.message);
    this.name = 'DestinationRefused';
  }
}

/**
 * The `lookup` a delivery's connection resolves its host with: each address is checked before
 * anything is connected to, and a refused one fails the connection with DestinationRefused.
 * (Node connects to an address literal without calling it: the worker checks those itself.)
 */
function familyOf(family: number | 'IPv4' | 'IPv6' | undefined): 0 | 4 | 6 {
  if (family === 4 || family === 'IPv4') return 4;
  if (family === 6 || family === 'IPv6') return 6;
  return 0;
}

export function guardedLookup(policy: DestinationPolicy): LookupFunction {
  return (hostname, options, callback) => {
    void vetHost(policy, hostname).then((vetted) => {
      if (!vetted.ok) {
        callback(new DestinationRefused(vetted.refusal), '', 0);
        return;
      }
      const family = familyOf(options.family);
      const wanted =
        family === 0
          ? vetted.addresses
          : vetted.addresses.filter((entry) => entry.family === family);
      const [first] = wanted;
      if (first === undefined) {
        const missing = Object.assign(
          new Error(`${hostname} has no IPv${String(family)} address`),
          {
            code: 'ENOTFOUND',
          },
        );
        callback(missing, '', 0);
      } else if (options.all === true) callback(null, [...wanted]);
      else callback(null, first.address, first.family);
    });
  };
}
