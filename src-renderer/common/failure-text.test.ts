import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src-shared/i18n';
import { TillFailure } from '../client';
import { failureText } from './message-words';

const en = createTranslator({ language: 'en', locale: 'en-GB', currency: 'EUR' }).t;
const nl = createTranslator({ language: 'nl', locale: 'nl-NL', currency: 'EUR' }).t;

describe('a till refusal in the words of the screen', () => {
  const unreachable = new TillFailure({
    code: 'engine_unreachable',
    message: 'The voucher engine cannot be reached just now; try the unlock again in a moment.',
    words: 'engine_unreachable_for',
    params: { errand: 'unlock' },
  });

  it('says its specific sentence, naming the errand in the screen’s language', () => {
    expect(failureText(unreachable, en)).toBe(unreachable.message);
    expect(failureText(unreachable, nl)).toBe(
      'De voucher-engine is nu niet bereikbaar; probeer het vrijgeven zo meteen opnieuw.',
    );
  });

  it('without words, says its code; an English screen may say the core’s own sentence', () => {
    const closed = new TillFailure({ code: 'sale_already_closed', message: 'Sale X is voided.' });
    expect(failureText(closed, en)).toBe('This sale is already closed. Start a new sale.');
    expect(failureText(closed, en, { language: 'en' })).toBe('Sale X is voided.');
    expect(failureText(closed, nl, { language: 'nl' })).not.toContain('voided');
    expect(failureText(new Error('bug'), en, { language: 'en' })).toBe(
      'Something went wrong inside the till. Try again; if it happens again, call IT with the time it happened.',
    );
  });
});
