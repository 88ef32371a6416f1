import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TenderMethodView } from '../../src-shared/till';
import { methodLabel } from './method-label';

interface TenderEntryProps {
  readonly methods: readonly TenderMethodView[];
  /** A refund: no amount to type, each method pays back exactly what is due. */
  readonly refund: boolean;
  readonly disabled: boolean;
  /** What the cashier typed (empty: exactly what is still to pay) and the method chosen. */
  readonly onTender: (method: TenderMethodView, typed: string) => boolean;
  /** Why the last tender was not taken, in words. */
  readonly problem: string | null;
}

/** The amount handed over and one button per way of paying, which takes it. */
export function TenderEntry({ methods, refund, disabled, onTender, problem }: TenderEntryProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const hintId = useId();
  const problemId = useId();
  const groupId = useId();
  return (
    <div className="tender-entry">
      {refund ? null : (
        <label className="field">
          <span className="field__label">{t('screens.tender.amount')}</span>
          <input
            className="field__input money"
            inputMode="decimal"
            autoComplete="off"
            value={typed}
            data-autofocus
            aria-describedby={problem ? `${hintId} ${problemId}` : hintId}
            aria-invalid={problem !== null}
            onChange={(event) => {
              setTyped(event.target.value);
            }}
            onKeyDown={(event) => {
              // Enter takes it as the first way of paying (cash, where the till takes cash)
              const first = methods[0];
              if (event.key !== 'Enter' || !first) return;
              event.preventDefault();
              if (onTender(first, typed)) setTyped('');
            }}
          />
          <span id={hintId} className="field__hint">
            {t('screens.tender.amountHint')}
          </span>
        </label>
      )}
      {problem ? (
        <p id={problemId} className="tender-entry__problem" role="alert">
          {problem}
        </p>
      ) : null}
      <span id={groupId} className="field__label">
        {refund ? t('screens.tender.refundBy') : t('screens.tender.payBy')}
      </span>
      <div className="tender-entry__methods" role="group" aria-labelledby={groupId}>
        {methods.map((method) => (
          <button
            key={method.id}
            type="button"
            className="button button--primary"
            disabled={disabled}
            onClick={() => {
              if (onTender(method, typed)) setTyped('');
            }}
          >
            {methodLabel(method, method.id, t)}
          </button>
        ))}
      </div>
    </div>
  );
}
