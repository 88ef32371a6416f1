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
