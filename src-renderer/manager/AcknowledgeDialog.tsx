import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../common/message-words';
import { Dialog } from '../common/Dialog';
import type { Conflict } from './ConflictsTable';
import { DialogFormEnd } from './DialogFormEnd';
import { useAcknowledgeConflict } from './mutations';
import { reasonWords } from './reason-words';

/** A manager marks a sync conflict as seen, with a note for the audit log if they wish. */
export function AcknowledgeDialog({
  conflict,
  onClose,
}: {
  readonly conflict: Conflict;
  readonly onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const acknowledge = useAcknowledgeConflict();
  const [note, setNote] = useState('');
  return (
    <Dialog
      title={t('screens.manager.acknowledge.title', { basketCode: conflict.basketCode })}
      onClose={onClose}
    >
      <form
        className="dialog__form"
        onSubmit={(event) => {
          event.preventDefault();
          acknowledge.mutate(
            { conflictId: conflict.id, note: note.trim(), source: conflict.source },
            { onSuccess: onClose },
          );
        }}
      >
        <p className="dialog__text">
          {reasonWords(t, conflict.reason).what}. {t('screens.manager.acknowledge.explain')}
        </p>
        <label className="field">
          <span className="field__label">{t('screens.manager.acknowledge.note')}</span>
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
          problem={
            acknowledge.isError
              ? failureText(acknowledge.error, t, { language: i18n.language })
              : null
          }
          cancel={t('screens.manager.cancel')}
          submit={t('screens.manager.acknowledge.submit')}
          pending={acknowledge.isPending}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
