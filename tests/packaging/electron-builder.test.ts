import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { AFTER_PACK_HOOK } from '../../scripts/build-electron';

const builder = z
  .object({
    appId: z.string(),
    files: z.array(z.string()),
    asar: z.boolean(),
    asarUnpack: z.array(z.string()),
    afterPack: z.string(),
    extraResources: z.array(z.object({ from: z.string(), to: z.string() })),
    linux: z.object({ target: z.array(z.string()) }),
    win: z.object({ target: z.array(z.string()) }),
  })
  .parse(parse(readFileSync('electron-builder.yml', 'utf8')));
const packageJson = z
  .object({ main: z.string() })
  .parse(JSON.parse(readFileSync('package.json', 'utf8')));

describe('electron-builder.yml', () => {
  it('builds deb and AppImage for Linux and nsis for Windows under one app id', () => {
    expect(builder.appId).toBe('com.voucher-till.till');
    expect(builder.linux.target).toEqual(['deb', 'AppImage']);
    expect(builder.win.target).toEqual(['nsis']);
  });

  it('ships an allowlist that holds the bundled main process, the UI and the native SQLite', () => {
    expect(builder.files).not.toContain('**/*');
    expect(builder.files).toEqual(
      expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json']),
    );
    expect(packageJson.main).toBe('dist/electron/main.mjs');
    expect(builder.files).toContain('node_modules/better-sqlite3/**');
    expect(builder.asar).toBe(true);
    expect(builder.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('sets the Electron fuses after packing, with the hook npm run build:electron bundles', () => {
    expect(builder.afterPack).toBe(AFTER_PACK_HOOK);
  });

  it('ships the default config as an extra resource', () => {
    expect(builder.extraResources).toContainEqual({
      from: 'config/default-config.json',
      to: 'config/default-config.json',
    });
  });
});
