import { isIP } from 'node:net';

/** Addresses a loopback transport may bind to; anything else would expose the till to the store network. */
export function isLoopbackAddress(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1';
}

/**
 * A request's Host header must name this loopback server: a page on another origin that
 * resolves its own name to 127.0.0.1 (DNS rebinding) sends its own name and is refused.
 */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.toLowerCase());
  if (!match?.[1]) return false;
  const hostPort = match[2] === undefined ? 80 : Number(match[2]);
  return hostPort === port && isLoopbackAddress(match[1]);
}
