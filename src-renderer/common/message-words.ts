import type { TFunction } from 'i18next';
import {
  REFUSAL_WORD_CODES,
  TILL_ERROR_CODES,
  TILL_ERROR_WORDS,
  NOTICE_CODES,
} from '../../src-shared/till';
import type {
  MessageParams,
  NoticeCode,
  RefusalWordCode,
  TillErrorCode,
  TillErrorWords,
} from '../../src-shared/till';
import { failureCode, TillFailure } from '../client';

/**
 * Every code the till core says something by: a notice, a refusal's words, a till error and
 * the specific sentence of a till error.
 */
export type MessageCode = NoticeCode | RefusalWordCode | TillErrorCode | TillErrorWords;

const MESSAGE_CODES: readonly string[] = [
  ...NOTICE_CODES,
  ...REFUSAL_WORD_CODES,
  ...TILL_ERROR_CODES,
  ...TILL_ERROR_WORDS,
];

export function isMessageCode(code: string): code is MessageCode {
  return MESSAGE_CODES.includes(code);
}

/** What happened and what to do next, in the screen's language. */
export interface MessageWords {
  readonly what: string;
  readonly next: string;
}

type FilledParams = {
  readonly [K in keyof MessageParams]-?: K extends 'errand'
    ? string
    : NonNullable<MessageParams[K]>;
};

/**
 * Every param a message may name, given or not: the catalogue's words only use those their
 * code's notices carry, so a blank (or the epoch, for a time) is never shown.
 */
function filled(t: TFunction, params: MessageParams): FilledParams {
  return {
    voucherCode: params.voucherCode ?? '',
    voucherCodes: params.voucherCodes ?? '',
    title: params.title ?? params.voucherCode ?? '',
    basketCode: params.basketCode ?? '',
    storeCode: params.storeCode ?? '',
    terminalId: params.terminalId ?? '',
    until: params.until ?? new Date(0).toISOString(),
    amount: params.amount ?? 0,
    perSale: params.perSale ?? 0,
    perDay: params.perDay ?? 0,
    leftToday: params.leftToday ?? 0,
    memberNumber: params.memberNumber ?? '',
    barcode: params.barcode ?? '',
    scan: params.scan ?? '',
    lineId: params.lineId ?? '',
    product: params.product ?? '',
    quantity: params.quantity ?? 0,
    left: params.left ?? 0,
    fields: params.fields ?? '',
    name: params.name ?? '',
    description: params.description ?? '',
    username: params.username ?? '',
    role: params.role ?? '',
    managerStore: params.managerStore ?? '',
    conflictId: params.conflictId ?? 0,
    errand: params.errand === undefined ? '' : t(`errands.${params.errand}`),
  };
}

/** The `what` of a code, the more precise one where the params name more (a till, a time, a barcode). */
function whatOf(t: TFunction, code: MessageCode, params: MessageParams): string {
  if (code === 'voucher_locked' && params.until !== undefined)
    return params.terminalId === undefined
      ? t('messages.voucher_locked.whatUntil', { until: params.until })
      : t('messages.voucher_locked.whatOnTill', {
          until: params.until,
          terminalId: params.terminalId,
        });
  if (code === 'voucher_locking_code_mismatch' && params.until !== undefined)
    return t('messages.voucher_locking_code_mismatch.whatUntil', { until: params.until });
  if (code === 'unknown_barcode' && params.barcode !== undefined)
    return t('messages.unknown_barcode.whatNamed', { barcode: params.barcode });
  return t(`messages.${code}.what`, filled(t, params));
}

/**
 * The catalogue's words for a code the till core sent (`messages.<code>.{what,next}`), filled in
 * with its params. The receipt's warnings can be said the same way (`isMessageCode` first: a
 * sale journalled by an older till may carry a code it no longer sends).
 */
export function messageWords(
  t: TFunction,
  code: MessageCode,
  params: MessageParams = {},
): MessageWords {
  return { what: whatOf(t, code, params), next: t(`messages.${code}.next`, filled(t, params)) };
}

/** Both as one sentence pair: "What happened. What to do next." */
export function messageText(words: MessageWords): string {
  return `${words.what} ${words.next}`;
}

/** A notice in the till's language: what and what next, naming the voucher it is about. */
export function noticeText(
  notice: { readonly code: MessageCode; readonly params: MessageParams },
  t: TFunction,
): string {
  const text = messageText(messageWords(t, notice.code, notice.params));
  const { voucherCode, voucherCodes } = notice.params;
  if (voucherCode !== undefined)
    return t('screens.sale.alert.aboutVoucher', { code: voucherCode, what: text });
  if (voucherCodes !== undefined)
    return t('screens.sale.alert.aboutVouchers', { codes: voucherCodes, what: text });
  return text;
}

/** How a screen says a refusal without a specific sentence. */
export interface FailureTextOptions {
  /**
   * The screen's language. On an English screen a refusal without `words` says the till core's
   * own English `message` (more specific than its code's words); the sale screen leaves it out
   * and says the code's words in every language.
   */
  readonly language?: string;
}

/**
 * A till command's refusal (or a fault of the screen) in the screen's language: its specific
 * sentence when the till core sent one (`words` and `params`), else the words of its `code`.
 */
export function failureText(
  error: unknown,
  t: TFunction,
  options: FailureTextOptions = {},
): string {
  if (error instanceof TillFailure) {
    if (error.words !== undefined) return messageText(messageWords(t, error.words, error.params));
    if (options.language === 'en') return error.message;
  }
  return messageText(messageWords(t, failureCode(error)));
}
