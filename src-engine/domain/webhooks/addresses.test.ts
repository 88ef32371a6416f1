import { describe, expect, it } from 'vitest';
import { allowEntryProblem, allowList, refusedRange } from './addresses';

describe('refusedRange', () => {
  it('passes public unicast addresses, IPv4, IPv6 and IPv4-mapped', () => {
    for (const address of ['93.184.215.14', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])
      expect(refusedRange(address), address).toBeNull();
  });

  it('refuses what lies just inside a range, and passes what lies just outside it', () => {
    expect(refusedRange('172.31.255.255')).toBe('a private address');
    expect(refusedRange('172.32.0.0')).toBeNull();
    expect(refusedRange('100.127.255.255')).toBe('a carrier-grade NAT (100.64.0.0/10) address');
    expect(refusedRange('100.128.0.0')).toBeNull();
    expect(refusedRange('fdff:ffff::1')).toBe('a unique-local address');
    expect(refusedRange('fe00::1')).toBe('a reserved address');
  });

  it('refuses what is not an address at all', () => {
    expect(refusedRange('localhost')).toBe('not an IP address');
  });
});

describe('allowList', () => {
  const allowed = allowList(['127.0.0.1', '10.0.0.0/8', 'Hooks.Example.', '[::1]', ' ']);

  it('allows an address on it or in a network on it, in IPv4-mapped form too', () => {
    expect(allowed.allowsAddress('127.0.0.1')).toBe(true);
    expect(allowed.allowsAddress('::ffff:127.0.0.1')).toBe(true);
    expect(allowed.allowsAddress('10.200.0.1')).toBe(true);
    expect(allowed.allowsAddress('::1')).toBe(true);
    expect(allowed.allowsAddress('127.0.0.2')).toBe(false);
    expect(allowed.allowsAddress('11.0.0.1')).toBe(false);
    expect(allowed.allowsAddress('hooks.example')).toBe(false);
  });

  it('allows a host name on it whatever its letter case or final dot', () => {
    expect(allowed.allowsHost('hooks.example')).toBe(true);
    expect(allowed.allowsHost('HOOKS.EXAMPLE.')).toBe(true);
    expect(allowed.allowsHost('other.example')).toBe(false);
  });

  it('takes an IPv4-mapped network as the IPv4 one', () => {
    expect(allowList(['::ffff:192.168.0.0/112']).allowsAddress('192.168.3.4')).toBe(true);
  });

  it('names an entry that is neither a host, an address nor a network', () => {
    expect(allowEntryProblem('10.0.0.0/33')).toContain('10.0.0.0/33 is neither');
    expect(allowEntryProblem('https://hooks.example/')).toContain('is neither');
    expect(() => allowList(['bad/entry'])).toThrow('bad/entry is neither');
  });
});
