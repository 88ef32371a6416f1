import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useScanner } from '../scanner/useScanner';

interface ScanBarProps {
  /** One scan or typed code, trimmed and not empty. */
  readonly onScan: (code: string) => void;
  /** What a person typed and sent with Enter or Add code (a name to look up, or a code); else `onScan`. */
  readonly onTyped?: (text: string) => void;
  readonly inputRef: RefObject<HTMLInputElement | null>;
}

/**
 * The field every scan goes through. A scanner burst is one scan wherever focus is (see
 * `useScanner`); keys typed elsewhere land here; Enter or Add code sends what the field holds.
 */
export function ScanBar({ onScan, onTyped = onScan, inputRef }: ScanBarProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');

  const take = (code: string, send: (text: string) => void) => {
    setDraft('');
    inputRef.current?.focus();
    const trimmed = code.trim();
    if (trimmed) send(trimmed);
  };

  useScanner({
    onScan: (code) => {
      take(code, onScan);
    },
    scanField: inputRef,
  });

  return (
    <form
      className="scan-bar"
      onSubmit={(event) => {
        event.preventDefault();
        take(draft, onTyped);
      }}
    >
      <input
        ref={inputRef}
        className="scan-bar__input"
        type="text"
        aria-label={t('screens.sale.scan.label')}
        placeholder={t('screens.sale.scan.placeholder')}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="go"
        // the till opens ready to scan, and so does every new sale
        autoFocus
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
        }}
      />
      <button type="submit" className="button button--primary scan-bar__submit">
        {t('screens.sale.scan.submit')}
      </button>
    </form>
  );
}
