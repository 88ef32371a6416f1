interface RowButtonProps {
  /** What the button shows. */
  readonly text: string;
  /** Its whole name, naming its row, for a screen reader. */
  readonly name: string;
  readonly onClick: () => void;
}

/** The action of one row of a table. */
export function RowButton({ text, name, onClick }: RowButtonProps) {
  return (
    <button type="button" className="button button--small" aria-label={name} onClick={onClick}>
      {text}
    </button>
  );
}
