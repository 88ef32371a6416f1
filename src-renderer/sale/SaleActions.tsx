import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../common/Dialog';
import { KeyHint, SALE_KEYS, useFunctionKey } from '../common/useFunctionKey';

interface SaleActionsProps {
  readonly canConfirm: boolean;
  readonly canVoid: boolean;
  readonly confirming: boolean;
  readonly onConfirm: () => void;
  readonly onVoid: () => void;
  /** The dialog has closed: focus goes back where scans land. */
  readonly onDismiss: () => void;
}

/** Confirm (the customer has paid at the host POS) and Void (after asking). */
export function SaleActions(props: SaleActionsProps) {
  const { canConfirm, canVoid, confirming, onConfirm, onVoid, onDismiss } = props;
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const keepSelling = () => {
    setAsking(false);
  };
  useFunctionKey(
    SALE_KEYS.void,
    canVoid
      ? () => {
          setAsking(true);
        }
      : null,
  );
  useFunctionKey(SALE_KEYS.confirm, canConfirm ? onConfirm : null);
  return (
    <div className="sale-actions">
      <button
        type="button"
        className="button button--danger-outline sale-actions__void"
        disabled={!canVoid}
        aria-keyshortcuts={SALE_KEYS.void}
        onClick={() => {
          setAsking(true);
        }}
      >
        {t('screens.sale.actions.void')}
        <KeyHint shortcut={SALE_KEYS.void} />
      </button>
      <button
        type="button"
        className={`button button--confirm sale-actions__confirm ${confirming ? 'is-working' : ''}`}
        disabled={!canConfirm}
        aria-busy={confirming}
        aria-keyshortcuts={SALE_KEYS.confirm}
        onClick={onConfirm}
      >
        {t('screens.sale.actions.confirm')}
        <KeyHint shortcut={SALE_KEYS.confirm} />
      </button>
      {asking ? (
        <Dialog
          title={t('screens.sale.actions.askTitle')}
          tone="danger"
          onClose={keepSelling}
          onClosed={onDismiss}
        >
          <p className="dialog__text">{t('screens.sale.actions.askText')}</p>
          <div className="dialog__actions">
            <button
              type="button"
              className="button button--quiet"
              data-autofocus
              onClick={keepSelling}
            >
              {t('screens.sale.actions.keepSelling')}
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                setAsking(false);
                onVoid();
              }}
            >
              {t('screens.sale.actions.void')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
