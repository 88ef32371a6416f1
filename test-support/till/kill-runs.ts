import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A small seeded generator (mulberry32), so that a failing run can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface KillPlan {
  /** The child is killed once it has printed this many lines (`READY` is the first; 0: counted from the spawn) … */
  readonly afterLines: number;
  /** … and then this many milliseconds more: the kill lands anywhere in the next step. */
  readonly extraMs: number;
  /** Called when the child has printed this many lines (e.g. to take the network away). */
  readonly onLine?: { readonly lines: number; readonly run: () => void };
}

export interface KillRun {
  /** Basket codes whose confirm answered before the kill. */
  readonly done: readonly string[];
  /** `REFUSED …` lines: confirms that failed. */
  readonly refused: readonly string[];
  /** Whether the till had started (printed `READY`) when it was killed. */
  readonly ready: boolean;
}

/** Runs the bundled child with plain `node` and kills it with SIGKILL as planned. */
export async function runUntilKilled(
  entry: string,
  args: readonly string[],
  plan: KillPlan,
): Promise<KillRun> {
  const child = spawn(process.execPath, [entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => {
    child.once('exit', (_code, signal) => {
      resolve(signal);
    });
  });
  const done: string[] = [];
  const refused: string[] = [];
  let lines = 0;
  let ready = false;
  let killTimer: NodeJS.Timeout | null = null;
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  if (plan.afterLines === 0) killTimer = setTimeout(kill, plan.extraMs);
  for await (const line of createInterface({ input: child.stdout })) {
    lines += 1;
    if (line === 'READY') ready = true;
    else if (line.startsWith('DONE ')) done.push(line.slice('DONE '.length));
    else if (line.startsWith('REFUSED ')) refused.push(line.slice('REFUSED '.length));
    if (plan.onLine?.lines === lines) plan.onLine.run();
    if (lines === plan.afterLines && killTimer === null) killTimer = setTimeout(kill, plan.extraMs);
  }
  const signal = await exited;
  if (killTimer !== null) clearTimeout(killTimer);
  if (signal !== 'SIGKILL')
    throw new Error(`the selling till ended without being killed: ${stderr.join('')}`);
  return { done, refused, ready };
}
