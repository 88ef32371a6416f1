/**
 * Brings an element into view within its scrolling container, moving as little as it can.
 * jsdom (the component tests) has no `scrollIntoView`; there it does nothing.
 */
export function scrollIntoViewIfAble(element: Element | null): void {
  if (element && 'scrollIntoView' in element)
    element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
