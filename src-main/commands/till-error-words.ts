import { createTranslator } from '../../src-shared/i18n';
import type {
  MessageParams,
  TillError,
  TillErrorCode,
  TillErrorWords,
} from '../../src-shared/till';

// The core's `message` is English whatever the till's language: logs and a host POS read it.
const english = createTranslator({ language: 'en', locale: 'en-GB', currency: 'EUR' });

/** A refusal's specific sentence in English, from the catalogue the screens say it from. */
export function englishWords(words: TillErrorWords, params: MessageParams): string {
  const filled = {
    ...params,
    errand: params.errand === undefined ? '' : english.t(`errands.${params.errand}`),
  };
  const what = english.t(`messages.${words}.what`, filled);
  const next = english.t(`messages.${words}.next`, filled);
  return `${what} ${next}`;
}

/** A till error that says its specific sentence: by `words` and `params`, and in English. */
export function tillError(
  code: TillErrorCode,
  words: TillErrorWords,
  params: MessageParams,
): TillError {
  return { code, message: englishWords(words, params), words, params };
}
