import { useQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../src-shared/money';
import type { ReceiptView } from '../../src-shared/till';
import { useTillClient } from '../client';
import { formatDate, formatStamp } from '../common/time';
import { statusQuery } from '../status/queries';
import { Barcode } from './Barcode';

interface PrintedReceiptProps {
  readonly receipt: ReceiptView;
  /** A reprint: the paper says it is a copy. */
  readonly copy: boolean;
  /** Called once every barcode is drawn: the receipt can go to the printer. */
  readonly onReady: () => void;
}

/**
 * The receipt as it goes on paper, mounted outside the screens and shown only in print (see
 * styles/print.css): the store and till, when, the basket code as a Code 128 barcode, the
 * lines, the vouchers used, the vouchers issued with their codes (each a barcode to scan at the
 * next sale), and the totals. 80 mm thermal or A4, as `receiptPaper` says.
 */
export function PrintedReceipt({ receipt, copy, onReady }: PrintedReceiptProps) {
  const { t } = useTranslation();
  const client = useTillClient();
  const { data: status } = useQuery(statusQuery(client));
  const barcodes = [
    receipt.basketCode,
    ...receipt.vouchersCreated.flatMap((voucher) => (voucher.code === null ? [] : [voucher.code])),
  ];
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(new Set());
  const onDrawn = (text: string) => {
    setDrawn((before) => new Set(before).add(text));
  };
  const ready = status !== undefined && barcodes.every((text) => drawn.has(text));
  const announceReady = useEffectEvent(onReady);
  useEffect(() => {
    if (ready) announceReady();
  }, [ready]);
  const money = (minor: number) => formatMoney(minor, receipt.currency, receipt.locale);
  const count = new Intl.NumberFormat(receipt.locale);
  const paper = status?.receiptPaper ?? '80mm';
  return createPortal(
    <article
      className={`print-receipt print-receipt--${paper}`}
      aria-label={t('screens.receipt.printed.label')}
    >
      <header className="print-receipt__head">
        {status ? (
          <p className="print-receipt__store">
            {t('screens.receipt.printed.store', {
              storeCode: status.storeCode,
              terminalId: status.terminalId,
            })}
          </p>
        ) : null}
        <p>{formatStamp(receipt.confirmedAt, receipt.locale)}</p>
        {copy ? <p className="print-receipt__copy">{t('screens.receipt.printed.copy')}</p> : null}
        {receipt.customer ? (
          <p>
            {t('screens.receipt.printed.member', {
              memberNumber: receipt.customer.memberNumber,
            })}
          </p>
        ) : null}
      </header>
      <ul className="print-receipt__lines">
        {receipt.lines.map((line) => (
          <li key={line.lineId} className="print-receipt__line">
            <span className="print-receipt__name">{line.name}</span>
            <span className="print-receipt__amount">{money(line.net)}</span>
            <span className="print-receipt__detail">
              {t('screens.receipt.printed.quantityTimes', {
                quantity: count.format(line.quantity),
                price: money(line.unitPrice),
              })}
              {line.discount > 0
                ? ` · ${t('screens.receipt.printed.lineDiscount', { amount: money(-line.discount) })}`
                : ''}
            </span>
          </li>
        ))}
      </ul>
      {receipt.vouchersRedeemed.length > 0 ? (
        <section className="print-receipt__block">
          <h2 className="print-receipt__heading">{t('screens.receipt.printed.vouchersUsed')}</h2>
          <ul>
            {receipt.vouchersRedeemed.map((voucher) => (
              <li key={voucher.voucherKey} className="print-receipt__line">
                <span className="print-receipt__name">
                  {voucher.code ?? t('screens.receipt.redeemed.memberVoucher')}
                </span>
                <span className="print-receipt__amount">
                  {voucher.type === 'honour'
                    ? (voucher.honourCode ?? t('screens.receipt.redeemed.honour'))
                    : money(-voucher.discount)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <dl className="print-receipt__totals">
        <dt>{t('screens.receipt.totals.subtotal')}</dt>
        <dd>{money(receipt.totals.gross)}</dd>
        <dt>{t('screens.receipt.totals.discount')}</dt>
        <dd>{money(-receipt.totals.discount)}</dd>
        <dt className="print-receipt__total">{t('screens.receipt.totals.totalPaid')}</dt>
        <dd className="print-receipt__total">{money(receipt.totals.net)}</dd>
      </dl>
      {receipt.vouchersCreated.length > 0 ? (
        <section className="print-receipt__block">
          <h2 className="print-receipt__heading">{t('screens.receipt.printed.vouchersIssued')}</h2>
          <ul>
            {receipt.vouchersCreated.map((voucher) => (
              <li key={voucher.voucherKey} className="print-receipt__voucher">
                <p className="print-receipt__line">
                  <span className="print-receipt__name">
                    {voucher.code ??
                      (voucher.ownerMemberNumber === null
                        ? t('screens.receipt.issued.noCode')
                        : t('screens.receipt.issued.noCodeOnCard', {
                            memberNumber: voucher.ownerMemberNumber,
                          }))}
                  </span>
                  <span className="print-receipt__amount">
                    {voucher.amount === null
                      ? t('screens.receipt.issued.noValue')
                      : money(voucher.amount)}
                  </span>
                </p>
                <p className="print-receipt__detail">
                  {voucher.expiresAt === null
                    ? t('screens.receipt.issued.noExpiry')
                    : t('screens.receipt.issued.validUntil', {
                        date: formatDate(voucher.expiresAt, receipt.locale),
                      })}
                </p>
                {voucher.code === null ? null : (
                  <Barcode
                    onDrawn={onDrawn}
                    text={voucher.code}
                    label={t('screens.receipt.printed.voucherBarcode', { code: voucher.code })}
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {receipt.syncState === 'queued' ? (
        <p className="print-receipt__detail">{t('screens.receipt.printed.queued')}</p>
      ) : null}
      <Barcode
        onDrawn={onDrawn}
        text={receipt.basketCode}
        label={t('screens.receipt.printed.basketBarcode', { basketCode: receipt.basketCode })}
      />
      <p className="print-receipt__thanks">{t('screens.receipt.printed.thanks')}</p>
    </article>,
    document.body,
  );
}
