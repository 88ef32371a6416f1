import { describe, expect, it } from 'vitest';
import { defaultConfigPath, defaultDataDir } from './paths';

describe('default paths', () => {
  it('follows XDG on Linux', () => {
    expect(defaultConfigPath({ platform: 'linux', env: {}, home: '/home/ann' })).toBe(
      '/home/ann/.config/voucher-till/config.json',
    );
    const xdg = { XDG_CONFIG_HOME: '/cfg', XDG_DATA_HOME: '/data' };
    expect(defaultConfigPath({ platform: 'linux', env: xdg, home: '/home/ann' })).toBe(
      '/cfg/voucher-till/config.json',
    );
    expect(defaultDataDir({ platform: 'linux', env: xdg, home: '/home/ann' })).toBe(
      '/data/voucher-till',
    );
  });

  it('uses APPDATA on Windows and Application Support on macOS', () => {
    const env = {
      APPDATA: 'C:\\Users\\ann\\AppData\\Roaming',
      LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local',
    };
    expect(defaultConfigPath({ platform: 'win32', env, home: 'C:\\Users\\ann' })).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\voucher-till\\config.json',
    );
    expect(defaultDataDir({ platform: 'win32', env, home: 'C:\\Users\\ann' })).toBe(
      'C:\\Users\\ann\\AppData\\Local\\voucher-till',
    );
    expect(defaultConfigPath({ platform: 'darwin', env: {}, home: '/Users/ann' })).toBe(
      '/Users/ann/Library/Application Support/voucher-till/config.json',
    );
  });
});
