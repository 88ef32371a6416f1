/** A small seeded generator (mulberry32): the same seed gives the same sequence on every run. */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** A whole number in [0, below). */
  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** One of the choices, each as likely as its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.next() * total;
    for (const [choice, weight] of choices) {
      point -= weight;
      if (point < 0) return choice;
    }
    return this.pick(choices)[0];
  }

  hex(length: number): string {
    return Array.from({ length }, () => this.int(16).toString(16)).join('');
  }
}

/** The seed of every run that does not ask for another: CI sends the same requests each time. */
export const DEFAULT_FUZZ_SEED = 20_260_101;

/**
 * The seed a run uses: DEFAULT_FUZZ_SEED, or ENGINE_FUZZ_SEED to explore — a number replays that
 * run, `random` draws a fresh seed (printed on failure, to be replayed).
 */
export function fuzzSeed(given: string | undefined = process.env.ENGINE_FUZZ_SEED): number {
  if (given === undefined || given === '') return DEFAULT_FUZZ_SEED;
  if (given === 'random') return Math.floor(Math.random() * 4_294_967_296);
  if (/^\d+$/.test(given)) return Number(given) >>> 0;
  throw new Error(
    `ENGINE_FUZZ_SEED must be a whole number or "random", not ${JSON.stringify(given)}`,
  );
}
