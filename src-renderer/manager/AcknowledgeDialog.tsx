import { useState } from 'react';
import type { TillOutput } from '../../src-shared/till';
import { failureMessage } from '../client';
import { Dialog } from '../common/Dialog';
import { DialogFormEnd } from './DialogFormEnd';
import { useAcknowledgeConflict } from './mutations';
import { reasonWords } from './reason-words';

type Conflict = TillOutput<'manager/conflicts'>[number];

const WORDS = {
  title: (basketCode: string) => `Acknowledge the conflict of sale ${basketCode}`,
  explain:
    'Acknowledge it once you have dealt with it. A note goes in the audit log with your name.',
  note: 'Note (optional)',
  cancel: 'Cancel',
  submit: 'Acknowledge',
};

/** A manager marks a sync conflict as seen, with a note for the audit log if they wish. */
export function AcknowledgeDialog({
  conflict,
  onClose,
}: {
  readonly conflict: Conflict;
  readonly onClose: () => void;
}) {
  const acknowledge = useAcknowledgeConflict();
  const [note, setNote] = useState('');
  return (
    <Dialog title={WORDS.title(conflict.basketCode)} onClose={onClose}>
      <form
        className="dialog__form"
        onSubmit={(event) => {
          event.preventDefault();
          acknowledge.mutate(
            { conflictId: conflict.id, note: note.trim() },
            { onSuccess: onClose },
          );
        }}
      >
        <p className="dialog__text">
          {reasonWords(conflict.reason).what}. {WORDS.explain}
        </p>
        <label className="field">
          <span className="field__label">{WORDS.note}</span>
          <input
            className="field__input"
            type="text"
            data-autofocus
            maxLength={500}
            value={note}
            onChange={(event) => {
              setNote(event.target.value);
            }}
          />
        </label>
        <DialogFormEnd
          problem={acknowledge.isError ? failureMessage(acknowledge.error) : null}
          cancel={WORDS.cancel}
          submit={WORDS.submit}
          pending={acknowledge.isPending}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
