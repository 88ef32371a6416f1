import { useState } from 'react';
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
        Void sale
      </button>
      <button
        type="button"
        className={`button button--confirm sale-actions__confirm ${confirming ? 'is-working' : ''}`}
        disabled={!canConfirm}
        aria-busy={confirming}
        onClick={onConfirm}
      >
        Confirm payment
      </button>
      {asking ? (
        <Dialog title="Void this sale?" tone="danger" onClose={keepSelling} onClosed={onDismiss}>
          <p className="dialog__text">
            Every item and voucher comes off the sale, and the vouchers held for it are released.
            This cannot be undone.
          </p>
          <div className="dialog__actions">
            <button
              type="button"
              className="button button--quiet"
              data-autofocus
              onClick={keepSelling}
            >
              Keep selling
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                setAsking(false);
                onVoid();
              }}
            >
              Void sale
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
