import { useTranslation } from 'react-i18next';
import { SCREENS, type ScreenId } from './screens';

interface NavigationProps {
  readonly current: ScreenId;
  readonly onScreen: (screen: ScreenId) => void;
}

/** The three screens, each with its function key shown beside its name (not part of the name). */
export function Navigation({ current, onScreen }: NavigationProps) {
  const { t } = useTranslation();
  return (
    <nav className="nav" aria-label={t('screens.app.navigation')}>
      {SCREENS.map((screen) => (
        <button
          key={screen.id}
          type="button"
          className="nav__button"
          aria-current={screen.id === current ? 'page' : undefined}
          aria-keyshortcuts={screen.key}
          onClick={() => {
            onScreen(screen.id);
          }}
        >
          <span>{t(`screens.app.screens.${screen.id}`)}</span>
          <kbd className="nav__key" aria-hidden="true">
            {screen.key}
          </kbd>
        </button>
      ))}
    </nav>
  );
}
