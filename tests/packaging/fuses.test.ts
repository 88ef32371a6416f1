import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagedElectronBinary, type AfterPackContext } from '../../scripts/after-pack';
import { buildAfterPackHook } from '../../scripts/build-electron';

/*
 * No Electron binary can be had here, so the hook runs against a stand-in for the packaged
 * binary: a file that holds the fuse wire as Electron lays it out (the sentinel, the wire's
 * version and length, one byte per fuse) among other bytes. The real @electron/fuses finds
 * and rewrites it, and reads it back.
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const { ENABLE, DISABLE } = FuseState;
/** Electron 45's own settings, in wire order (RunAsNode first, WasmTrapHandlers last). */
const SHIPPED = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE, ENABLE];

let dir: string;
let hook: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'till-fuses-'));
  hook = join(dir, 'after-pack.cjs');
  await buildAfterPackHook(hook);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function standInBinary(path: string, wire: readonly number[] | null): Buffer {
  const filler = (size: number, seed: number) =>
    Buffer.from(Array.from({ length: size }, (_, index) => (index * 31 + seed) % 256));
  const fuses = wire
    ? Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, wire.length, ...wire])])
    : Buffer.alloc(0);
  const content = Buffer.concat([filler(70_000, 7), fuses, filler(5000, 3)]);
  writeFileSync(path, content);
  return content;
}

/** Runs the bundled hook as electron-builder does: required as CommonJS, its default export called. */
function runHook(context: AfterPackContext): void {
  execFileSync(
    process.execPath,
    [
      '-e',
      'require(process.argv[1]).default(JSON.parse(process.argv[2])).catch((e) => { console.error(e.message); process.exit(1); })',
      hook,
      JSON.stringify(context),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

const linux = (appOutDir: string): AfterPackContext => ({
  appOutDir,
  electronPlatformName: 'linux',
  packager: { appInfo: { productFilename: 'voucher-till' }, executableName: 'voucher-till' },
});

describe('the afterPack hook that sets the Electron fuses', () => {
  it('turns off RunAsNode, NODE_OPTIONS and --inspect, turns on asar integrity, asar-only loading and cookie encryption, and leaves the rest', async () => {
    const binary = join(dir, 'voucher-till');
    const before = standInBinary(binary, SHIPPED);
    expect(await getCurrentFuseWire(binary)).toMatchObject({ [FuseV1Options.RunAsNode]: ENABLE });

    runHook(linux(dir));

    expect(await getCurrentFuseWire(binary)).toEqual({
      version: '1',
      [FuseV1Options.RunAsNode]: DISABLE,
      [FuseV1Options.EnableCookieEncryption]: ENABLE,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: DISABLE,
      [FuseV1Options.EnableNodeCliInspectArguments]: DISABLE,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: ENABLE,
      [FuseV1Options.OnlyLoadAppFromAsar]: ENABLE,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: DISABLE,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: ENABLE,
      [FuseV1Options.WasmTrapHandlers]: ENABLE,
    });
    // only the six fuse bytes changed
    const after = readFileSync(binary);
    expect(after.length).toBe(before.length);
    const changed = [...after.keys()].filter((index) => after[index] !== before[index]);
    expect(changed).toHaveLength(6);
  });

  it('fails the packaging when the binary holds no fuse wire', () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    standInBinary(join(empty, 'voucher-till'), null);
    expect(() => {
      runHook(linux(empty));
    }).toThrow(/Could not find sentinel/);
  });

  it('finds the binary electron-builder packed on each platform', () => {
    const packager = { appInfo: { productFilename: 'voucher-till' } };
    expect(
      packagedElectronBinary({ appOutDir: '/out', electronPlatformName: 'win32', packager }),
    ).toBe(join('/out', 'voucher-till.exe'));
    expect(
      packagedElectronBinary({ appOutDir: '/out', electronPlatformName: 'darwin', packager }),
    ).toBe(join('/out', 'voucher-till.app'));
    expect(
      packagedElectronBinary({
        appOutDir: '/out',
        electronPlatformName: 'linux',
        packager: { ...packager, executableName: 'voucher-till-bin' },
      }),
    ).toBe(join('/out', 'voucher-till-bin'));
  });
});
