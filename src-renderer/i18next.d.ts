import type { en } from '../src-shared/i18n';

// The screens' `t` knows every key of the English catalogue: a key that does not exist does not typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
