import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readQuantity } from '../../src-shared/i18n/formats';
import type { QuantityUnit } from '../../src-shared/till/views';
import { Dialog } from '../common/Dialog';
import { Icon } from '../common/icons';

interface KeypadProps {
  readonly title: string;
  readonly unit: QuantityUnit;
  /** What the field starts with (the line's quantity as the locale writes it), or empty. */
  readonly initial?: string;
  /** The locale's decimal sign, for the decimal key of a weight. */
  readonly decimalSign: string;
  readonly onEnter: (quantity: number) => void;
  readonly onClose: () => void;
  readonly onClosed?: () => void;
}

const DIGITS = ['7', '8', '9', '4', '5', '6', '1', '2', '3'] as const;

/** The locale's decimal sign: "," in nl-NL, "." in en-GB. */
export function decimalSignOf(locale: string): string {
  const part = new Intl.NumberFormat(locale)
    .formatToParts(1.5)
    .find((candidate) => candidate.type === 'decimal');
  return part?.value ?? '.';
}

/**
 * A quantity or a weight, typed on the keyboard or tapped on the keypad: Enter or OK takes it,
 * Escape or Cancel leaves the line as it was. Pieces are whole numbers; a weight is in kg with
 * up to 3 decimals, with a comma or a point.
 */
export function Keypad(props: KeypadProps) {
  const { title, unit, initial = '', decimalSign, onEnter, onClose, onClosed } = props;
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [wrong, setWrong] = useState(false);
  /** The quantity the line had is still shown whole: the first key replaces it. */
  const [fresh, setFresh] = useState(initial !== '');
  const hintId = useId();
  const errorId = useId();
  const weight = unit === 'kg';
  const edit = (next: (text: string) => string) => {
    setWrong(false);
    setFresh(false);
    setDraft((text) => next(fresh ? '' : text));
  };
  const type = (key: string) => {
    edit((text) => (text.length >= 12 ? text : text + key));
  };
  const enter = () => {
    const quantity = readQuantity(draft, unit);
    if (quantity === null) {
      setWrong(true);
      return;
    }
    onEnter(quantity);
  };
  return (
    <Dialog title={title} onClose={onClose} onClosed={onClosed}>
      <form
        className="dialog__form keypad"
        onSubmit={(event) => {
          event.preventDefault();
          enter();
        }}
      >
        <p id={hintId} className="dialog__text">
          {t(weight ? 'screens.sale.keypad.weightHint' : 'screens.sale.keypad.quantityHint')}
        </p>
        <input
          className="field__input keypad__display num"
          type="text"
          inputMode={weight ? 'decimal' : 'numeric'}
          autoComplete="off"
          aria-label={t(
            weight ? 'screens.sale.keypad.weightLabel' : 'screens.sale.keypad.quantityLabel',
          )}
          aria-describedby={wrong ? `${hintId} ${errorId}` : hintId}
          aria-invalid={wrong}
          data-autofocus
          value={draft}
          onFocus={(event) => {
            event.currentTarget.select();
          }}
          onChange={(event) => {
            const typed = event.target.value;
            edit(() => typed);
          }}
        />
        {wrong ? (
          <p id={errorId} className="keypad__error" role="alert">
            {t(weight ? 'screens.sale.keypad.notWeight' : 'screens.sale.keypad.notQuantity')}
          </p>
        ) : null}
        <div className="keypad__keys" role="group" aria-label={t('screens.sale.keypad.keys')}>
          {DIGITS.map((digit) => (
            <button
              key={digit}
              type="button"
              className="button keypad__key"
              onClick={() => {
                type(digit);
              }}
            >
              {digit}
            </button>
          ))}
          {weight ? (
            <button
              type="button"
              className="button keypad__key"
              aria-label={t('screens.sale.keypad.decimal')}
              onClick={() => {
                edit((text) => {
                  if (/[.,]/u.test(text)) return text;
                  return text === '' ? `0${decimalSign}` : text + decimalSign;
                });
              }}
            >
              {decimalSign}
            </button>
          ) : (
            <button
              type="button"
              className="button keypad__key"
              onClick={() => {
                edit(() => '');
              }}
            >
              {t('screens.sale.keypad.clear')}
            </button>
          )}
          <button
            type="button"
            className="button keypad__key"
            onClick={() => {
              type('0');
            }}
          >
            0
          </button>
          <button
            type="button"
            className="button keypad__key"
            aria-label={t('screens.sale.keypad.backspace')}
            title={t('screens.sale.keypad.backspace')}
            onClick={() => {
              edit((text) => text.slice(0, -1));
            }}
          >
            <Icon name="backspace" />
          </button>
        </div>
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('screens.sale.keypad.cancel')}
          </button>
          <button type="submit" className="button button--primary keypad__ok">
            {t('screens.sale.keypad.ok')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
