import { Icon } from './icons';

export interface AlertProps {
  readonly alert: { readonly tone: 'warning' | 'danger'; readonly lines: readonly string[] } | null;
  /** Shown in the same place when there is nothing to say, so nothing below moves. */
  readonly idleText: string;
}

/** A fixed-height place for the latest message: `role="alert"` only while there is one. */
export function AlertSlot({ alert, idleText }: AlertProps) {
  return (
    <div className="alert-slot">
      {alert ? (
        <div role="alert" className={`alert alert--${alert.tone}`} title={alert.lines.join('\n')}>
          <Icon name="alert" className="alert__icon" />
          <div className="alert__text">
            {alert.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        </div>
      ) : (
        <p className="alert-slot__idle">{idleText}</p>
      )}
    </div>
  );
}
