import { describe, expect, it } from 'vitest';
import { expectOk } from '../refusal';
import {
  OTP_ALPHABET,
  allocateUniqueCode,
  codePattern,
  formatCode,
  matchesFormat,
  templateProblem,
  type CodeFormat,
} from './code-format';

const PROMO: CodeFormat = { template: 'PROMO-{code}', length: 8 };

describe('OTP code format', () => {
  it('leaves out the look-alike characters', () => {
    for (const lookAlike of ['0', 'O', '1', 'I', 'L'])
      expect(OTP_ALPHABET).not.toContain(lookAlike);
    expect(new Set(OTP_ALPHABET).size).toBe(OTP_ALPHABET.length);
  });

  it('accepts a template with {code} once, in printable ASCII without spaces', () => {
    expect(templateProblem('PROMO-{code}')).toBeNull();
    expect(templateProblem('{code}')).toBeNull();
    expect(templateProblem('A{code}.b$')).toBeNull();
    expect(templateProblem('PROMO')).toMatch(/exactly once \(found 0\)/);
    expect(templateProblem('{code}-{code}')).toMatch(/exactly once \(found 2\)/);
    expect(templateProblem('PROMO {code}')).toMatch(/without spaces/);
    expect(templateProblem('PRÖMO-{code}')).toMatch(/printable ASCII/);
  });

  it('formats into the template, even a template with $ patterns', () => {
    expect(formatCode(PROMO, '7HD3XP2A')).toBe('PROMO-7HD3XP2A');
    expect(formatCode({ template: "$'{code}$&", length: 2 }, 'AB')).toBe("$'AB$&");
  });

  it('has a pattern that matches its codes and nothing else', () => {
    expect(matchesFormat(PROMO, 'PROMO-7HD3XP2A')).toBe(true);
    expect(matchesFormat(PROMO, 'PROMO-7HD3XP2')).toBe(false);
    expect(matchesFormat(PROMO, 'PROMO-7HD3XP2O')).toBe(false);
    expect(matchesFormat(PROMO, 'XPROMO-7HD3XP2A')).toBe(false);
    expect(matchesFormat({ template: 'A.{code}', length: 4 }, 'AX2345')).toBe(false);
  });

  it('draws a million PROMO-{code} codes of the format with about as few repeats as chance gives', async () => {
    const pattern = codePattern(PROMO);
    const alphabet = new Set(OTP_ALPHABET);
    const seen = new Set<string>();
    const draws = 1_000_000;
    let repeats = 0;
    // every draw counts: a repeat is accepted here (nothing is taken), so it is not hidden by a retry
    for (let n = 0; n < draws; n += 1) {
      const code = expectOk(await allocateUniqueCode(PROMO, () => false));
      if (!pattern.test(code)) throw new Error(`${code} does not match ${String(pattern)}`);
      for (const char of code.slice('PROMO-'.length))
        if (!alphabet.has(char)) throw new Error(`${code} holds ${char}, not of the alphabet`);
      if (seen.has(code)) repeats += 1;
      seen.add(code);
    }
    // uniform draws from 31^8 ≈ 8.5e11 codes: n²/2N ≈ 0.6 repeats expected; even 10 is
    // vanishingly unlikely (P < 1e-9), while a generator with a few bits less entropy fails
    expect((draws * draws) / (2 * OTP_ALPHABET.length ** 8)).toBeLessThan(1);
    expect(repeats).toBeLessThan(10);
  }, 120_000);

  it('draws with the source it is given, redrawing a part that is taken', async () => {
    const parts = ['AAAAAAAA', 'AAAAAAAA', 'BBBBBBBB'];
    const draw = (length: number) => {
      expect(length).toBe(8);
      return parts.shift() ?? 'unexpected';
    };
    const taken = new Set(['PROMO-AAAAAAAA']);
    expect(await allocateUniqueCode(PROMO, (code) => taken.has(code), { draw })).toEqual({
      ok: true,
      value: 'PROMO-BBBBBBBB',
    });
    expect(parts).toEqual([]);
  });

  it('retries on collision and fills a tiny code space completely', async () => {
    const tiny: CodeFormat = { template: 'T{code}', length: 1 };
    const taken = new Set<string>();
    let draws = 0;
    const isTaken = (candidate: string) => {
      draws += 1;
      return taken.has(candidate);
    };
    // each allocation adds a code the set lacked, so this ends after 31 allocations
    while (taken.size < OTP_ALPHABET.length)
      taken.add(expectOk(await allocateUniqueCode(tiny, isTaken, { maxAttempts: 100_000 })));
    expect(draws).toBeGreaterThan(OTP_ALPHABET.length);
    expect(await allocateUniqueCode(tiny, isTaken, { maxAttempts: 50 })).toMatchObject({
      ok: false,
      error: { code: 'code_space_exhausted' },
    });
  });

  it('gives up with code_space_exhausted when every draw collides', async () => {
    const tiny: CodeFormat = { template: '{code}', length: 1 };
    let draws = 0;
    const everythingTaken = () => {
      draws += 1;
      return Promise.resolve(true);
    };
    const refusal = await allocateUniqueCode(tiny, everythingTaken, { maxAttempts: 25 });
    expect(refusal).toMatchObject({ ok: false, error: { code: 'code_space_exhausted' } });
    expect(draws).toBe(25);
  });
});
