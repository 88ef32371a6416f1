import { Icon } from './icons';

export interface AlertProps {
  readonly alert: {
    readonly tone: 'info' | 'warning' | 'danger';
    readonly lines: readonly string[];
    /** A button beside the words, for the step they suggest. */
    readonly action?: { readonly label: string; readonly run: () => void } | undefined;
  } | null;
  /** Shown in the same place when there is nothing to say, so nothing below moves. */
  readonly idleText: string;
  /** A long message scrolls inside the slot instead of being cut after two lines. */
  readonly scroll?: boolean;
}

/** A fixed-height place for the latest message: `role="alert"` only while there is one. */
export function AlertSlot({ alert, idleText, scroll = false }: AlertProps) {
  return (
    <div className={`alert-slot ${scroll ? 'alert-slot--scroll' : ''}`}>
      {alert ? (
        <div role="alert" className={`alert alert--${alert.tone}`} title={alert.lines.join('\n')}>
          <Icon name={alert.tone === 'info' ? 'check' : 'alert'} className="alert__icon" />
          {/* focusable when it scrolls, so that a keyboard reaches all of it */}
          <div className="alert__text" tabIndex={scroll ? 0 : undefined}>
            {alert.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          {alert.action ? (
            <button
              type="button"
              className="button button--small alert__action"
              onClick={alert.action.run}
            >
              {alert.action.label}
            </button>
          ) : null}
        </div>
      ) : (
        <p className="alert-slot__idle">{idleText}</p>
      )}
    </div>
  );
}
