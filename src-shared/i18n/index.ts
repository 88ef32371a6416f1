export type { CatalogueOf } from './catalogue';
export { en } from './en';
export { formatClock, formatDate, formatStamp } from './formats';
export { LANGUAGES, isLanguage, languageOfLocale, type Language } from './languages';
export { nl } from './nl';
export { CATALOGUES, createTranslator, type TranslatorSettings } from './translator';
export {
  CHECK_NAMES,
  checkWords,
  isCheckName,
  isCheckWordCode,
  mapCheckText,
  quoted,
  sayCheckWords,
  type CheckName,
  type CheckParam,
  type CheckWordCode,
  type CheckWordKey,
  type CheckWords,
  type SayWords,
} from './check-words';
