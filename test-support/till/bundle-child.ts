import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ChildBundle {
  /** The bundled child, to run with plain `node`. */
  readonly entry: string;
  remove(): void;
}

/**
 * Bundles a child script once, so that hundreds of starts cost a plain `node` start each rather
 * than a TypeScript compile and hundreds of module look-ups. The bundle goes into
 * `dist/<name>-<pid>/` inside the repository so that better-sqlite3, left out of it, resolves
 * from node_modules.
 */
export async function bundleChild(source: string, name: string): Promise<ChildBundle> {
  const outdir = join(REPO_ROOT, 'dist', `${name}-${process.pid}`);
  mkdirSync(outdir, { recursive: true });
  const entry = join(outdir, 'child.mjs');
  try {
    await build({
      entryPoints: [source],
      outfile: entry,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      minify: true,
      // everything but the native module in one file: a start parses one file instead of
      // resolving hundreds (the way scripts/build-electron.ts bundles the till)
      external: ['better-sqlite3'],
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
      logLevel: 'warning',
    });
  } catch (error) {
    rmSync(outdir, { recursive: true, force: true });
    throw error;
  }
  return {
    entry,
    remove: () => {
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}
