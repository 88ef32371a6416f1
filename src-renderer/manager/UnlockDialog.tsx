import { useState } from 'react';
import { failureMessage } from '../client';
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

const OTHER = 'other';

const WORDS = {
  title: (target: UnlockTarget) =>
    target.kind === 'voucher'
      ? `Unlock voucher ${target.name}`
      : `Free every voucher of sale ${target.basketCode}`,
  explain: (target: UnlockTarget) =>
    target.kind === 'voucher'
      ? 'The sale holding it loses it, and any till can use it again. Say why, for the audit log.'
      : `The sale loses all ${target.count} of its held vouchers, and any till can use them again. Say why, for the audit log.`,
  reasons: 'Why',
  presets: [
    'Customer left without paying',
    'Sale abandoned at another till',
    'Till crashed',
  ] as const,
  other: 'Other…',
  otherReason: 'Reason',
  pickOne: 'Say why: pick a reason.',
  tooShort: 'Say why you unlock it: at least three characters.',
  cancel: 'Cancel',
  submit: (target: UnlockTarget) => (target.kind === 'voucher' ? 'Unlock' : 'Free them all'),
  freedVoucher: (name: string) => `Voucher ${name} unlocked.`,
  freedBasket: (basketCode: string, freed: number, failed: readonly string[]) =>
    `${freed} ${freed === 1 ? 'voucher' : 'vouchers'} of sale ${basketCode} freed.` +
    (failed.length === 0 ? '' : ` Not freed: ${failed.join('; ')}.`),
};

/** Unlocking frees what another sale holds: the reason goes in the audit trail. */
export function UnlockDialog({ target, onClose, onUnlocked }: UnlockDialogProps) {
  const unlockVoucher = useUnlockVoucher();
  const unlockBasket = useUnlockBasket();
  const [choice, setChoice] = useState<string | null>(null);
  const [otherReason, setOtherReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const failure = unlockVoucher.error ?? unlockBasket.error;
  const shown = problem ?? (failure ? failureMessage(failure) : null);
  const pending = unlockVoucher.isPending || unlockBasket.isPending;

  const reasonSaid = (): string | null => {
    if (choice === null) {
      setProblem(WORDS.pickOne);
      return null;
    }
    const said = choice === OTHER ? otherReason.trim() : choice;
    if (said.length < 3) {
      setProblem(WORDS.tooShort);
      return null;
    }
    setProblem(null);
    return said;
  };

  return (
    <Dialog title={WORDS.title(target)} onClose={onClose}>
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
                  onUnlocked(WORDS.freedVoucher(target.name));
                },
              },
            );
          else
            unlockBasket.mutate(
              { basketCode: target.basketCode, reason },
              {
                onSuccess: ({ basketCode, freed, failed }) => {
                  onUnlocked(
                    WORDS.freedBasket(
                      basketCode,
                      freed.length,
                      failed.map(
                        (voucher) => `${voucher.code ?? voucher.voucherKey}: ${voucher.message}`,
                      ),
                    ),
                  );
                },
              },
            );
        }}
      >
        <p className="dialog__text">{WORDS.explain(target)}</p>
        <fieldset className="unlock__reasons">
          <legend className="field__label">{WORDS.reasons}</legend>
          {[...WORDS.presets, OTHER].map((preset, index) => (
            <label key={preset} className="choice">
              <input
                type="radio"
                name="unlock-reason"
                value={preset}
                {...(index === 0 ? { 'data-autofocus': true } : {})}
                checked={choice === preset}
                onChange={() => {
                  setChoice(preset);
                  setProblem(null);
                }}
              />{' '}
              {preset === OTHER ? WORDS.other : preset}
            </label>
          ))}
        </fieldset>
        {choice === OTHER ? (
          <label className="field">
            <span className="field__label">{WORDS.otherReason}</span>
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
          cancel={WORDS.cancel}
          submit={WORDS.submit(target)}
          pending={pending}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
