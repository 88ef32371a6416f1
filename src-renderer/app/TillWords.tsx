import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createTranslator, languageOfLocale, type TranslatorSettings } from '../../src-shared/i18n';
import { useTillClient } from '../client';
import { statusQuery } from '../status/queries';

/** Until the till core has said how it is set up: the browser's own locale, and its language. */
function browserSettings(): TranslatorSettings {
  const locale = navigator.language;
  return { language: languageOfLocale(locale), locale, currency: 'EUR' };
}

/**
 * The screens speak the till's configured language and write money and times in its locale
 * (`status/get` carries both); `useTranslation()` below this gives their words.
 */
export function TillWords({ children }: { readonly children: ReactNode }) {
  const client = useTillClient();
  const { data: status } = useQuery(statusQuery(client));
  const fallback = useMemo(() => browserSettings(), []);
  const language = status?.language ?? fallback.language;
  const locale = status?.locale ?? fallback.locale;
  const currency = status?.currency ?? fallback.currency;
  const translator = useMemo(
    () => createTranslator({ language, locale, currency }),
    [language, locale, currency],
  );
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return <I18nextProvider i18n={translator}>{children}</I18nextProvider>;
}
