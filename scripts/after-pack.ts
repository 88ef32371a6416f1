/**
 * electron-builder's `afterPack` hook (bundled by `npm run build:electron` into
 * `dist/build/after-pack.cjs`, which `electron-builder.yml` names): before the package is
 * signed, the Electron binary's fuses are set so that the installed till cannot be turned into
 * a plain Node runtime or have other code slipped into it.
 */
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/** The fuses of a till package (docs/security.md, "The kiosk shell"). */
export const TILL_FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would make the binary a Node runtime for any script
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS could load a script into the main process
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and its kin would open a debugger on the main process
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // the app.asar must match the hash electron-builder embedded at packaging
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // the app is loaded from app.asar only, never from a folder put beside it
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // cookies on disk are encrypted with the operating system's key store
  [FuseV1Options.EnableCookieEncryption]: true,
} as const satisfies FuseV1Config;

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface AfterPackContext {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  readonly packager: {
    readonly appInfo: { readonly productFilename: string };
    /** The Linux packager's name for the binary (the product name in lower case by default). */
    readonly executableName?: string;
  };
}

/** Where the packaged Electron binary is, on each platform electron-builder packs for. */
export function packagedElectronBinary(context: AfterPackContext): string {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'win32':
      return join(appOutDir, `${name}.exe`);
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${name}.app`);
    case 'linux':
      return join(appOutDir, packager.executableName ?? name);
    default:
      throw new Error(`no Electron binary known for platform ${electronPlatformName}`);
  }
}

export default async function afterPack(context: AfterPackContext): Promise<void> {
  await flipFuses(packagedElectronBinary(context), TILL_FUSES);
}
