import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface EngineProcess {
  readonly url: string;
  /** null while the process runs; its exit code (or the signal's name) once it ended. */
  exited(): number | string | null;
  /** What the process wrote to standard error so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts `src-engine/main.ts` as its own OS process on a free loopback port (HTTPS when `env` gives the TLS files). */
export async function spawnEngine(env: Record<string, string>): Promise<EngineProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-engine/main.ts'], {
    env: { ...process.env, ENGINE_PORT: '0', ENGINE_HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = /"url":"(https?:\/\/[^"]+)".*voucher engine listening/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`engine process exited (${code ?? 'signal'}): ${stderr.join('')}`));
    });
  });
  return {
    url,
    exited: () => child.exitCode ?? child.signalCode,
    stderr: () => stderr.join(''),
    stop: () => stopProcess(child),
  };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => {
      resolve();
    });
    child.kill('SIGTERM');
  });
}
