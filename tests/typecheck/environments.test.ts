import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

/**
 * Each folder is type-checked with the globals of where it runs: src-shared with neither Node
 * nor DOM, the renderer with DOM and no Node. A probe is checked with exactly the compiler
 * options of its folder's project (a temporary project that extends it), outside the
 * repository, so nothing else that reads the source tree ever sees it.
 */

const TSC = join('node_modules', 'typescript', 'bin', 'tsc');
let probeDir = '';

beforeAll(() => {
  probeDir = mkdtempSync(join(tmpdir(), 'typecheck-probe-'));
  return () => {
    rmSync(probeDir, { recursive: true, force: true });
  };
});

function writeProbe(project: string, name: string, source: string): string {
  const path = join(probeDir, `${project}-${name}.ts`);
  writeFileSync(path, source);
  return path;
}

interface Typecheck {
  readonly passed: boolean;
  readonly output: string;
}

/** Type-checks `files` with the options of one project of the repository, in a project of their own. */
function typecheck(project: string, files: readonly string[]): Promise<Typecheck> {
  const config = join(probeDir, `${project}.probe.json`);
  writeFileSync(
    config,
    JSON.stringify({
      extends: resolve(`tsconfig.${project}.json`),
      compilerOptions: { tsBuildInfoFile: join(probeDir, `${project}.tsbuildinfo`) },
      include: [],
      files,
    }),
  );
  const args = [TSC, '-p', config, '--pretty', 'false'];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ passed: error === null, output: stdout + stderr });
    });
  });
}

/** The compiler's error lines that name `file` (the compiler names it relative to the repository). */
function errorsIn(output: string, file: string): string[] {
  return output.split('\n').filter((line) => line.includes(`${basename(file)}(`));
}

const projectFile = z.object({ include: z.array(z.string()) });

describe('type-checking by environment', { timeout: 180_000 }, () => {
  it('checks each folder with its own project', () => {
    const includes = (project: string) =>
      projectFile.parse(JSON.parse(readFileSync(`tsconfig.${project}.json`, 'utf8'))).include;
    expect(includes('shared')).toContain('src-shared');
    expect(includes('renderer')).toContain('src-renderer');
    expect(includes('node')).toContain('src-node');
    expect(includes('shared')).not.toContain('src-node');
    expect(includes('renderer')).not.toContain('src-node');
  });

  it('refuses Node globals in src-shared and the renderer', async () => {
    const sharedEnv = writeProbe('shared', 'env', 'export const probe = process.env.HOME;\n');
    const sharedBuffer = writeProbe(
      'shared',
      'buffer',
      "export const probe = Buffer.from('x').length;\n",
    );
    const rendererEnv = writeProbe('renderer', 'env', 'export const probe = process.env.HOME;\n');

    const [shared, renderer] = await Promise.all([
      typecheck('shared', [sharedEnv, sharedBuffer]),
      typecheck('renderer', [rendererEnv]),
    ]);

    expect(shared.passed).toBe(false);
    expect(errorsIn(shared.output, sharedEnv).join('\n')).toContain("Cannot find name 'process'");
    expect(errorsIn(shared.output, sharedBuffer).join('\n')).toContain("Cannot find name 'Buffer'");
    expect(renderer.passed).toBe(false);
    expect(errorsIn(renderer.output, rendererEnv).join('\n')).toContain(
      "Cannot find name 'process'",
    );
  });

  it('accepts clean code in both, and the DOM in the renderer', async () => {
    const sharedClean = writeProbe(
      'shared',
      'clean',
      'export const probe = [3, 1, 2].toSorted().at(0);\n',
    );
    const rendererClean = writeProbe(
      'renderer',
      'clean',
      'export const probe = (): string => document.title;\n',
    );

    const [shared, renderer] = await Promise.all([
      typecheck('shared', [sharedClean]),
      typecheck('renderer', [rendererClean]),
    ]);

    expect(shared.output).toBe('');
    expect(shared.passed).toBe(true);
    expect(renderer.output).toBe('');
    expect(renderer.passed).toBe(true);
  });
});
