import { requireChromium } from './chromium';

/** Before any spec runs: the Chromium to run them in is there, or the run stops saying so. */
export default function globalSetup(): void {
  requireChromium();
}
