import { useState } from 'react';
import { failureMessage } from '../client';
import { Dialog } from '../common/Dialog';
import { useUnlockVoucher } from './mutations';

interface UnlockDialogProps {
  readonly voucherKey: string;
  readonly name: string;
  readonly onClose: () => void;
  readonly onUnlocked: (name: string) => void;
}

/** Unlocking frees a voucher another sale holds: the reason goes in the audit trail. */
export function UnlockDialog({ voucherKey, name, onClose, onUnlocked }: UnlockDialogProps) {
  const unlock = useUnlockVoucher();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const problem = tooShort
    ? 'Say why you unlock it: at least three characters.'
    : unlock.isError
      ? failureMessage(unlock.error)
      : null;
  return (
    <Dialog title={`Unlock voucher ${name}`} onClose={onClose}>
      <form
        className="dialog__form"
        onSubmit={(event) => {
          event.preventDefault();
          const said = reason.trim();
          setTooShort(said.length < 3);
          if (said.length < 3) return;
          unlock.mutate(
            { voucherKey, reason: said },
            {
              onSuccess: () => {
                onUnlocked(name);
              },
            },
          );
        }}
      >
        <p className="dialog__text">
          The sale holding it loses it, and any till can use it again. Say why, for the audit log:
          for example, the till crashed or the customer left.
        </p>
        <label className="field">
          <span className="field__label">Reason</span>
          <input
            className="field__input"
            type="text"
            data-autofocus
            maxLength={500}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
            }}
          />
        </label>
        <div className="alert-slot alert-slot--compact">
          {problem ? (
            <p role="alert" className="alert alert--danger">
              {problem}
            </p>
          ) : null}
        </div>
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className={`button button--primary ${unlock.isPending ? 'is-working' : ''}`}
            disabled={unlock.isPending}
          >
            Unlock
          </button>
        </div>
      </form>
    </Dialog>
  );
}
