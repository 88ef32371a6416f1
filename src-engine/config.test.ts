import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('the webhook destination settings', () => {
  it('default to https only and no allow list', () => {
    const read = readConfig({});
    expect(
      read.ok && [read.config.ENGINE_WEBHOOK_ALLOW_HTTP, read.config.ENGINE_WEBHOOK_ALLOW_HOSTS],
    ).toEqual([false, []]);
  });

  it('take a comma-separated list of hosts, addresses and networks, and 1 for plain http', () => {
    const read = readConfig({
      ENGINE_WEBHOOK_ALLOW_HOSTS: ' 127.0.0.1, 10.0.0.0/8 ,hooks.example.com,[::1],fd00::/8,',
      ENGINE_WEBHOOK_ALLOW_HTTP: '1',
    });
    expect(read.ok && read.config.ENGINE_WEBHOOK_ALLOW_HOSTS).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      'hooks.example.com',
      '[::1]',
      'fd00::/8',
    ]);
    expect(read.ok && read.config.ENGINE_WEBHOOK_ALLOW_HTTP).toBe(true);
  });

  it('stop start-up naming the variable and the bad entry', () => {
    const hosts = readConfig({ ENGINE_WEBHOOK_ALLOW_HOSTS: '127.0.0.1,http://evil/,10.0.0.0/33' });
    expect(hosts.ok).toBe(false);
    const message = hosts.ok ? '' : hosts.message;
    expect(message).toContain('ENGINE_WEBHOOK_ALLOW_HOSTS: http://evil/ is neither');
    expect(message).toContain('ENGINE_WEBHOOK_ALLOW_HOSTS: 10.0.0.0/33 is neither');

    const http = readConfig({ ENGINE_WEBHOOK_ALLOW_HTTP: 'yes' });
    expect(http.ok ? '' : http.message).toContain('ENGINE_WEBHOOK_ALLOW_HTTP: must be 0 or 1');
  });
});
