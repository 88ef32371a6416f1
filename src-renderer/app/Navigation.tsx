import { SCREENS, type ScreenId } from './screens';

interface NavigationProps {
  readonly current: ScreenId;
  readonly onScreen: (screen: ScreenId) => void;
}

/** The three screens, each with its function key shown beside its name (not part of the name). */
export function Navigation({ current, onScreen }: NavigationProps) {
  return (
    <nav className="nav" aria-label="Screens">
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
          <span>{screen.label}</span>
          <kbd className="nav__key" aria-hidden="true">
            {screen.key}
          </kbd>
        </button>
      ))}
    </nav>
  );
}
