import i18next, { type i18n } from 'i18next';
import { formatMoney } from '../money';
import { en } from './en';
import { formatClock, formatDate, formatStamp } from './formats';
import type { Language } from './languages';
import { nl } from './nl';

export const CATALOGUES = { en, nl } as const;

export interface TranslatorSettings {
  readonly language: Language;
  /** The locale money and dates are written in (the store's, e.g. nl-NL). */
  readonly locale: string;
  /** The currency `{{amount, money}}` is in. */
  readonly currency: string;
}

/**
 * One i18next instance for one language: the till core makes one for its messages, the screen
 * one for its words. Formats: `money` (minor units of the till's currency), `clock` ("14:05"),
 * `date` ("31-01-2027") and `stamp` (date and time), all in the till's locale.
 */
export function createTranslator(settings: TranslatorSettings): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: settings.language,
    fallbackLng: 'en',
    resources: {
      en: { translation: CATALOGUES.en },
      nl: { translation: CATALOGUES.nl },
    },
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const formatter = instance.services.formatter;
  if (formatter) {
    formatter.add('money', (value: number) =>
      formatMoney(value, settings.currency, settings.locale),
    );
    formatter.add('clock', (value: string) => formatClock(value, settings.locale));
    formatter.add('date', (value: string) => formatDate(value, settings.locale));
    formatter.add('stamp', (value: string) => formatStamp(value, settings.locale));
  }
  return instance;
}
