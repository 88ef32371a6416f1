import type { en } from '../src-shared/i18n';

// The screens' `t` knows every key of the English catalogue: a key that does not exist does not typecheck.
// The till's own formats take minor units (`money`) and ISO instants (`clock`, `date`, `stamp`).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    interpolationFormatTypeMap: { money: number; clock: string; date: string; stamp: string };
  }
}
