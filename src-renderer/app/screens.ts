import { useEffect, useEffectEvent } from 'react';

/** The screens and their function keys; their names are `screens.app.screens.<id>`. */
export const SCREENS = [
  { id: 'sale', key: 'F1' },
  { id: 'manager', key: 'F2' },
  { id: 'diagnostics', key: 'F3' },
  { id: 'sales', key: 'F6' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

/** F1, F2, F3, F6 switch screens from anywhere (the browser's help, bookmarks and find are not for cashiers). */
export function useScreenKeys(onScreen: (screen: ScreenId) => void): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
    const screen = SCREENS.find((candidate) => candidate.key === event.key);
    if (!screen) return;
    event.preventDefault();
    onScreen(screen.id);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      onKeyDown(event);
    };
    window.addEventListener('keydown', listener);
    return () => {
      window.removeEventListener('keydown', listener);
    };
  }, []);
}
