/** The languages the till speaks; the first is the one it falls back to. */
export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** The language of a locale such as nl-NL, when the till speaks it; English otherwise. */
export function languageOfLocale(locale: string): Language {
  const language = new Intl.Locale(locale).language;
  return isLanguage(language) ? language : 'en';
}
