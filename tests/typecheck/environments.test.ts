import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

/**
 * Each folder is type-checked with the globals of where it runs: src-shared with neither Node
 * nor DOM, the renderer with DOM and no Node. Probes are written into the folder itself, so
 * they are checked exactly as the folder's own files are, and removed after each test.
 */

const TSC = join('node_modules', 'typescript', 'bin', 'tsc');
let buildInfoDir = '';
const probes: string[] = [];

beforeAll(() => {
  buildInfoDir = mkdtempSync(join(tmpdir(), 'typecheck-probe-'));
  return () => {
    rmSync(buildInfoDir, { recursive: true, force: true });
  };
});

afterEach(() => {
  for (const probe of probes.splice(0)) rmSync(probe, { force: true });
});

function writeProbe(folder: string, name: string, source: string): string {
  const path = join(folder, `typecheck-probe-${String(process.pid)}-${name}.ts`);
  probes.push(path);
  writeFileSync(path, source);
  return path;
}

interface Typecheck {
  readonly passed: boolean;
  readonly output: string;
}

/** Type-checks one project of the repository, its cache kept apart from `npm run typecheck`'s. */
function typecheck(project: string): Promise<Typecheck> {
  const buildInfo = join(buildInfoDir, `${project}.tsbuildinfo`);
  const args = [TSC, '-p', project, '--pretty', 'false', '--tsBuildInfoFile', buildInfo];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ passed: error === null, output: stdout + stderr });
    });
  });
}

/** The compiler's error lines that name `file`. */
function errorsIn(output: string, file: string): string[] {
  return output.split('\n').filter((line) => line.startsWith(`${file}(`));
}

describe('type-checking by environment', { timeout: 180_000 }, () => {
  it('refuses Node globals in src-shared and the renderer', async () => {
    const sharedEnv = writeProbe('src-shared', 'env', 'export const probe = process.env.HOME;\n');
    const sharedBuffer = writeProbe(
      'src-shared',
      'buffer',
      "export const probe = Buffer.from('x').length;\n",
    );
    const rendererEnv = writeProbe(
      'src-renderer',
      'env',
      'export const probe = process.env.HOME;\n',
    );

    const [shared, renderer] = await Promise.all([
      typecheck('tsconfig.shared.json'),
      typecheck('tsconfig.renderer.json'),
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
    writeProbe('src-shared', 'clean', 'export const probe = [3, 1, 2].toSorted().at(0);\n');
    writeProbe('src-renderer', 'clean', 'export const probe = (): string => document.title;\n');

    const [shared, renderer] = await Promise.all([
      typecheck('tsconfig.shared.json'),
      typecheck('tsconfig.renderer.json'),
    ]);

    expect(shared.output).toBe('');
    expect(shared.passed).toBe(true);
    expect(renderer.output).toBe('');
    expect(renderer.passed).toBe(true);
  });
});
