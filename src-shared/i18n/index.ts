export type { CatalogueOf } from './catalogue';
export { en } from './en';
export { formatClock, formatDate, formatStamp } from './formats';
export { LANGUAGES, isLanguage, languageOfLocale, type Language } from './languages';
export { nl } from './nl';
export { CATALOGUES, createTranslator, type TranslatorSettings } from './translator';
