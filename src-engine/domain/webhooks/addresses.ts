import ipaddr from 'ipaddr.js';

/*
 * Which IP addresses a webhook may be sent to: public unicast ones only, unless the allow list
 * names the address, its network or the host name. Everything else (the engine's own machine,
 * its networks, cloud metadata, multicast, reserved space) is refused, in IPv4, IPv6 and
 * IPv4-mapped IPv6 form alike.
 */

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** The cloud metadata services (AWS, GCP, Azure and others share the IPv4 one). */
const METADATA = ['169.254.169.254', 'fd00:ec2::254'].map((text) => ipaddr.parse(text));

/** IPv6's global unicast space; whatever lies outside it is not a receiver on the internet. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

const V4_RANGES: Readonly<Record<string, string>> = {
  unspecified: 'an unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT (100.64.0.0/10) address',
  private: 'a private address',
};

const V6_RANGES: Readonly<Record<string, string>> = {
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  uniqueLocal: 'a unique-local address',
  deprecatedSiteLocal: 'a site-local address',
  rfc6145: 'an address that translates to IPv4',
  rfc6052: 'an address that translates to IPv4 (NAT64)',
  '6to4': 'an address that tunnels to IPv4 (6to4)',
  teredo: 'an address that tunnels to IPv4 (Teredo)',
};

/** An address in its plain form: IPv4-mapped IPv6 (`::ffff:127.0.0.1`) becomes the IPv4 one. */
function parsed(address: string): Address | null {
  const bare = address.replace(/^\[(.*)\]$/, '$1');
  return ipaddr.isValid(bare) ? ipaddr.process(bare) : null;
}

function sameAddress(a: Address, b: Address): boolean {
  return a.kind() === b.kind() && a.toNormalizedString() === b.toNormalizedString();
}

/**
 * Why a webhook may not be sent to this address (`"a loopback address"`), or null when it is a
 * public unicast one. Anything that is not an address at all is refused too.
 */
export function refusedRange(address: string): string | null {
  const ip = parsed(address);
  if (ip === null) return 'not an IP address';
  if (METADATA.some((metadata) => sameAddress(ip, metadata))) return 'a cloud metadata address';
  const range = ip.range();
  if (range === 'unicast') {
    if (ip.kind() === 'ipv6' && !ip.match(GLOBAL_UNICAST_V6)) return 'a reserved address';
    return null;
  }
  return (ip.kind() === 'ipv4' ? V4_RANGES : V6_RANGES)[range] ?? 'a reserved address';
}

/** The setting's hosts and networks that webhooks may be sent to whatever their addresses. */
export interface AllowList {
  /** The URL's host name is on the list (compared without letter case or a final dot). */
  allowsHost(hostname: string): boolean;
  /** The address is on the list, or in a network on it. */
  allowsAddress(address: string): boolean;
}

function hostKey(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

const HOST_NAME =
  /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/** Why an allow-list entry is not a host name, an address or a network in CIDR form; null if it is. */
export function allowEntryProblem(entry: string): string | null {
  const bare = entry.replace(/^\[(.*)\]$/, '$1');
  if (ipaddr.isValid(bare) || ipaddr.isValidCIDR(bare) || HOST_NAME.test(hostKey(entry)))
    return null;
  return `${entry} is neither a host name, an IP address nor a network such as 10.1.0.0/16`;
}

/** The allow list from its entries; an entry that allowEntryProblem refuses is a bug here. */
export function allowList(entries: readonly string[]): AllowList {
  const hosts = new Set<string>();
  const networks: [Address, number][] = [];
  for (const entry of entries) {
    const bare = entry.trim().replace(/^\[(.*)\]$/, '$1');
    if (bare === '') continue;
    const problem = allowEntryProblem(bare);
    if (problem !== null) throw new Error(`webhook allow list: ${problem}`);
    if (ipaddr.isValidCIDR(bare)) {
      const [network, bits] = ipaddr.parseCIDR(bare);
      networks.push(
        network instanceof ipaddr.IPv6 && network.isIPv4MappedAddress() && bits >= 96
          ? [network.toIPv4Address(), bits - 96]
          : [network, bits],
      );
    } else if (ipaddr.isValid(bare)) {
      const address = ipaddr.process(bare);
      networks.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else hosts.add(hostKey(bare));
  }
  return {
    allowsHost: (hostname) => hosts.has(hostKey(hostname)),
    allowsAddress: (address) => {
      const ip = parsed(address);
      return (
        ip !== null &&
        networks.some(([network, bits]) => network.kind() === ip.kind() && ip.match(network, bits))
      );
    },
  };
}
