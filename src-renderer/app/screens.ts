import { useWindowKeyDown } from '../common/useFunctionKey';

/** The screens and their function keys; their names are `screens.app.screens.<id>`. */
export const SCREENS = [
  { id: 'sale', key: 'F1' },
  { id: 'manager', key: 'F2' },
  { id: 'diagnostics', key: 'F3' },
  { id: 'return', key: 'F4' },
  { id: 'sales', key: 'F6' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

/** F1, F2, F3, F6 switch screens from anywhere (the browser's help, bookmarks and find are not for cashiers). */
export function useScreenKeys(onScreen: (screen: ScreenId) => void): void {
  useWindowKeyDown((event) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
    const screen = SCREENS.find((candidate) => candidate.key === event.key);
    if (!screen) return;
    event.preventDefault();
    onScreen(screen.id);
  });
}
