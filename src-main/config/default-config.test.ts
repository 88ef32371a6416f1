import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config';

describe('the default configuration shipped with the packages', () => {
  it('is valid as it stands', () => {
    const loaded = loadConfig({ env: {}, argvPath: 'config/default-config.json' });
    expect(loaded.ok).toBe(true);
    expect(loaded.ok && loaded.value).toMatchObject({
      config: { storeCode: 'S001', httpPort: 8410 },
    });
  });
});

describe('a config file that is not JSON', () => {
  it('is reported by line and column, never by quoting the file (it may hold a password)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'till-config-')), 'config.json');
    writeFileSync(
      file,
      '{\n  "terminalCredentials": { "username": "t", "password": "s3cret-pass"x }\n}\n',
    );
    const loaded = loadConfig({ env: {}, argvPath: file });
    expect(loaded.ok).toBe(false);
    const message = loaded.ok ? '' : loaded.error.message;
    expect(message).toMatch(
      /config\.json: is not valid JSON: unexpected character at line 2, column \d+ \(file .*config\.json\)/,
    );
    expect(message).not.toContain('s3cret');
  });
});
