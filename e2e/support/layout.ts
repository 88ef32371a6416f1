/**
 * Layout checks by bounding boxes: an element is "in reach" when, once scrolled into view, its
 * whole box lies inside the viewport and inside every ancestor that clips it (overflow other
 * than visible), so nothing of it is cut off. "In view" is the same without scrolling.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** How far (px) a box may poke out of its clip, for sub-pixel rounding. */
const SLACK = 1;

/** A rectangle as the page measures it (the e2e code is compiled without the DOM's types). */
interface PageRect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The little of an element the checks below read in the page. */
interface PageElement {
  readonly tagName: string;
  readonly className: unknown;
  readonly parentElement: PageElement | null;
  readonly clientLeft: number;
  readonly clientTop: number;
  readonly clientWidth: number;
  readonly clientHeight: number;
  readonly scrollWidth: number;
  readonly ownerDocument: {
    readonly defaultView: {
      readonly innerWidth: number;
      readonly innerHeight: number;
      getComputedStyle(element: PageElement): { overflowX: string; overflowY: string };
    } | null;
  };
  getBoundingClientRect(): PageRect;
}

/** Each clip (the viewport, a clipping ancestor) the element's box is not wholly inside; empty: shown whole. */
export async function clipReport(target: Locator): Promise<string[]> {
  return target.evaluate((element: PageElement, slack: number) => {
    const view = element.ownerDocument.defaultView;
    if (!view) return ['no window'];
    const rect = element.getBoundingClientRect();
    const round = (clip: PageRect) =>
      `${Math.round(clip.top)}–${Math.round(clip.bottom)} × ${Math.round(clip.left)}–${Math.round(clip.right)}`;
    const outside: string[] = [];
    const check = (name: string, clip: PageRect) => {
      const inside =
        rect.left >= clip.left - slack &&
        rect.top >= clip.top - slack &&
        rect.right <= clip.right + slack &&
        rect.bottom <= clip.bottom + slack;
      if (!inside) outside.push(`${name} (clip ${round(clip)}, box ${round(rect)})`);
    };
    check('viewport', { left: 0, top: 0, right: view.innerWidth, bottom: view.innerHeight });
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = view.getComputedStyle(parent);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const box = parent.getBoundingClientRect();
      // the clip is the padding box: inside the borders
      const left = box.left + parent.clientLeft;
      const top = box.top + parent.clientTop;
      const name = typeof parent.className === 'string' ? parent.className : '';
      check(`${parent.tagName.toLowerCase()}.${name}`, {
        left,
        top,
        right: left + parent.clientWidth,
        bottom: top + parent.clientHeight,
      });
    }
    return outside;
  }, SLACK);
}

async function widths(target: Locator): Promise<{ scroll: number; client: number }> {
  return target.evaluate((element: PageElement) => ({
    scroll: element.scrollWidth,
    client: element.clientWidth,
  }));
}

/** The element is shown whole without any scrolling (waiting for the UI's own scrolling to settle). */
export async function expectInView(target: Locator, what: string): Promise<void> {
  await expect(target, what).toBeVisible();
  await expect
    .poll(() => clipReport(target), { message: `${what} is cut off`, timeout: 2_000 })
    .toEqual([]);
}

/** The element can be scrolled (by its own containers) to where it is shown whole. */
export async function expectInReach(target: Locator, what: string): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await expectInView(target, what);
}

/** Every element `locator` matches is in reach (see `expectInReach`). */
export async function expectAllInReach(locator: Locator, what: string): Promise<void> {
  const count = await locator.count();
  expect(count, `${what}: none found`).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1)
    await expectInReach(locator.nth(index), `${what} #${index + 1}`);
}

/** Nothing scrolls sideways: not the page (its root), not the given containers (a table wider than its frame). */
export async function expectNoSidewaysScroll(page: Page, containers: readonly Locator[]) {
  const root = await widths(page.locator('html'));
  expect(root.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(root.client);
  for (const container of containers) {
    const sizes = await widths(container);
    expect(sizes.scroll, 'a container scrolls sideways').toBeLessThanOrEqual(sizes.client + SLACK);
  }
}

/** The terminal screens the till runs on. */
export const TERMINAL_SCREENS = [
  { width: 800, height: 600 },
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/** No serious or critical axe-core finding on the page as it is now. */
export async function expectAxeClean(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const grave = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  expect(grave, `serious or critical axe findings on ${screen}`).toEqual([]);
}

/** No axe-core finding at all on the page as it is now, of any impact. */
export async function expectNoAxeViolation(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((violation) => violation.id),
    `axe findings on ${screen}`,
  ).toEqual([]);
}
