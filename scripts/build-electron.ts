/**
 * `npm run build:electron [-- --outdir DIR]`: bundles the Electron main process and its preload
 * into `dist/electron/` (what `electron-builder.yml` packages and `npm start` launches), and the
 * packaging hook that sets the Electron fuses into `dist/build/after-pack.cjs` (not packaged).
 * `electron` is provided by Electron itself and better-sqlite3 is native, so both stay external.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

export const ELECTRON_TARGET = 'node22'; // the Node inside Electron 45

/** Where `electron-builder.yml`'s `afterPack` finds its hook. */
export const AFTER_PACK_HOOK = 'dist/build/after-pack.cjs';

/**
 * electron-builder requires its hooks as CommonJS with the function as the default export;
 * @electron/fuses, an ES module, is bundled in.
 */
export async function buildAfterPackHook(outfile: string): Promise<void> {
  await build({
    entryPoints: ['scripts/after-pack.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
}

export async function buildElectron(outdir: string): Promise<void> {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: ['src-main/electron/main.ts'],
    outfile: join(outdir, 'main.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: ELECTRON_TARGET,
    external: ['electron', 'better-sqlite3'],
    // the CommonJS packages inside an ES module bundle still call require()
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  await build({
    entryPoints: ['src-main/electron/preload.ts'],
    outfile: join(outdir, 'preload.cjs'),
    bundle: true,
    // a sandboxed preload is a CommonJS script with no Node modules but electron's own
    platform: 'node',
    format: 'cjs',
    target: ELECTRON_TARGET,
    external: ['electron'],
    logLevel: 'warning',
  });
  copyFileSync('src-main/store/demo-catalogue.csv', join(outdir, 'demo-catalogue.csv'));
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
  const outdir = values.outdir ?? 'dist/electron';
  await buildElectron(outdir);
  await buildAfterPackHook(AFTER_PACK_HOOK);
  process.stdout.write(
    `Electron main and preload bundled into ${outdir}, the fuses hook into ${AFTER_PACK_HOOK}\n`,
  );
}
