import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../common/Dialog';

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
  return (
    <div className="sale-actions">
      <button
        type="button"
        className="button button--danger-outline sale-actions__void"
        disabled={!canVoid}
        onClick={() => {
          setAsking(true);
        }}
      >
        {t('screens.sale.actions.void')}
      </button>
      <button
        type="button"
        className={`button button--confirm sale-actions__confirm ${confirming ? 'is-working' : ''}`}
        disabled={!canConfirm}
        aria-busy={confirming}
        onClick={onConfirm}
      >
        {t('screens.sale.actions.confirm')}
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
