import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../common/message-words';
import { Dialog } from '../common/Dialog';
import { DialogFormEnd } from './DialogFormEnd';
import { useUnlockBasket, useUnlockVoucher } from './mutations';

/** One held voucher, or every voucher held for one basket. */
export type UnlockTarget =
  | { readonly kind: 'voucher'; readonly voucherKey: string; readonly name: string }
  | { readonly kind: 'basket'; readonly basketCode: string; readonly count: number };

interface UnlockDialogProps {
  readonly target: UnlockTarget;
  readonly onClose: () => void;
  /** What was freed, in words for the screen's status line. */
  readonly onUnlocked: (said: string) => void;
}

const OTHER = 'other' as const;

const PRESETS = ['walkedOut', 'abandoned', 'crashed'] as const;
type Preset = (typeof PRESETS)[number];

/** Unlocking frees what another sale holds: the reason goes in the audit trail. */
export function UnlockDialog({ target, onClose, onUnlocked }: UnlockDialogProps) {
  const { t, i18n } = useTranslation();
  const presetWords = (preset: Preset) => t(`screens.manager.unlock.presets.${preset}`);
  const unlockVoucher = useUnlockVoucher();
  const unlockBasket = useUnlockBasket();
  const [choice, setChoice] = useState<Preset | typeof OTHER | null>(null);
  const [otherReason, setOtherReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const failure = unlockVoucher.error ?? unlockBasket.error;
  const shown = problem ?? (failure ? failureText(failure, t, { language: i18n.language }) : null);
  const pending = unlockVoucher.isPending || unlockBasket.isPending;

  const reasonSaid = (): string | null => {
    if (choice === null) {
      setProblem(t('screens.manager.unlock.pickOne'));
      return null;
    }
    const said = choice === OTHER ? otherReason.trim() : presetWords(choice);
    if (said.length < 3) {
      setProblem(t('screens.manager.unlock.tooShort'));
      return null;
    }
    setProblem(null);
    return said;
  };

  return (
    <Dialog
      title={
        target.kind === 'voucher'
          ? t('screens.manager.unlock.titleVoucher', { name: target.name })
          : t('screens.manager.unlock.titleBasket', { basketCode: target.basketCode })
      }
      onClose={onClose}
    >
      <form
        className="dialog__form"
        onSubmit={(event) => {
          event.preventDefault();
          const reason = reasonSaid();
          if (reason === null) return;
          if (target.kind === 'voucher')
            unlockVoucher.mutate(
              { voucherKey: target.voucherKey, reason },
              {
                onSuccess: () => {
                  onUnlocked(t('screens.manager.unlock.freedVoucher', { name: target.name }));
                },
              },
            );
          else
            unlockBasket.mutate(
              { basketCode: target.basketCode, reason },
              {
                onSuccess: ({ basketCode, freed, failed }) => {
                  const notFreed = failed.map(
                    (voucher) => `${voucher.code ?? voucher.voucherKey}: ${voucher.message}`,
                  );
                  onUnlocked(
                    t('screens.manager.unlock.freedBasket', { basketCode, count: freed.length }) +
                      (notFreed.length === 0
                        ? ''
                        : t('screens.manager.unlock.notFreed', { list: notFreed.join('; ') })),
                  );
                },
              },
            );
        }}
      >
        <p className="dialog__text">
          {target.kind === 'voucher'
            ? t('screens.manager.unlock.explainVoucher')
            : t('screens.manager.unlock.explainBasket', { count: target.count })}
        </p>
        <fieldset className="unlock__reasons">
          <legend className="field__label">{t('screens.manager.unlock.reasons')}</legend>
          {[...PRESETS, OTHER].map((preset, index) => (
            <label key={preset} className="choice">
              <input
                type="radio"
                name="unlock-reason"
                value={preset === OTHER ? OTHER : presetWords(preset)}
                {...(index === 0 ? { 'data-autofocus': true } : {})}
                checked={choice === preset}
                onChange={() => {
                  setChoice(preset);
                  setProblem(null);
                }}
              />{' '}
              {preset === OTHER ? t('screens.manager.unlock.other') : presetWords(preset)}
            </label>
          ))}
        </fieldset>
        {choice === OTHER ? (
          <label className="field">
            <span className="field__label">{t('screens.manager.unlock.otherReason')}</span>
            <input
              className="field__input"
              type="text"
              maxLength={500}
              value={otherReason}
              onChange={(event) => {
                setOtherReason(event.target.value);
              }}
            />
          </label>
        ) : null}
        <DialogFormEnd
          problem={shown}
          cancel={t('screens.manager.cancel')}
          submit={
            target.kind === 'voucher'
              ? t('screens.manager.unlock.submitVoucher')
              : t('screens.manager.unlock.submitBasket')
          }
          pending={pending}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
