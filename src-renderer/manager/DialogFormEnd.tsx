interface DialogFormEndProps {
  /** What went wrong, shown in an alert; null when nothing did. */
  readonly problem: string | null;
  readonly cancel: string;
  readonly submit: string;
  readonly pending: boolean;
  readonly onCancel: () => void;
}

/** The end of a manager dialog's form: its alert, then Cancel and the submit button. */
export function DialogFormEnd({ problem, cancel, submit, pending, onCancel }: DialogFormEndProps) {
  return (
    <>
      <div className="alert-slot alert-slot--compact">
        {problem ? (
          <p role="alert" className="alert alert--danger">
            {problem}
          </p>
        ) : null}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {cancel}
        </button>
        <button
          type="submit"
          className={`button button--primary ${pending ? 'is-working' : ''}`}
          disabled={pending}
        >
          {submit}
        </button>
      </div>
    </>
  );
}
