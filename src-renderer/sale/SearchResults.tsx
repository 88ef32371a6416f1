import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueProductView, CatalogueSearchView } from '../../src-shared/till/views';
import { Dialog } from '../common/Dialog';
import { unitPriceText } from '../common/quantity-words';

interface SearchResultsProps {
  readonly found: CatalogueSearchView;
  readonly currency: string;
  readonly locale: string;
  readonly onPick: (product: CatalogueProductView) => void;
  readonly onClose: () => void;
  readonly onClosed?: () => void;
}

/**
 * The products a name search found, for the cashier to pick: one button each, by touch or
 * with the arrow keys and Enter (the first has focus); Escape or Close leaves the sale as it was.
 */
export function SearchResults(props: SearchResultsProps) {
  const { found, currency, locale, onPick, onClose, onClosed } = props;
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  const move = (from: HTMLElement, step: number) => {
    const picks = [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = picks.findIndex((pick) => pick === from);
    const next = picks[Math.min(picks.length - 1, Math.max(0, at + step))];
    next?.focus();
  };
  return (
    <Dialog
      title={t('screens.sale.search.title', { query: found.query })}
      onClose={onClose}
      onClosed={onClosed}
    >
      <p className="dialog__text">{t('screens.sale.search.hint')}</p>
      <ul ref={list} className="search-results" aria-label={t('screens.sale.search.label')}>
        {found.products.map((product, index) => {
          const price = unitPriceText(product, currency, locale, t);
          return (
            <li key={product.barcode}>
              <button
                type="button"
                className="search-results__pick"
                aria-label={t('screens.sale.search.pick', { name: product.name, price })}
                data-autofocus={index === 0 ? true : undefined}
                onKeyDown={(event) => {
                  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
                  event.preventDefault();
                  move(event.currentTarget, event.key === 'ArrowDown' ? 1 : -1);
                }}
                onClick={() => {
                  onPick(product);
                }}
              >
                <span>{product.name}</span>
                <span className="search-results__price num">{price}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {found.more ? <p className="dialog__text">{t('screens.sale.search.more')}</p> : null}
      <div className="dialog__actions">
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('screens.sale.search.close')}
        </button>
      </div>
    </Dialog>
  );
}
