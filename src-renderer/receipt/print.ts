import { z } from 'zod';

/** What the Electron preload exposes to print the page on the till's printer, without a dialog. */
export interface TillPrinter {
  print(): Promise<unknown>;
}

declare global {
  interface Window {
    readonly tillPrinter?: TillPrinter;
  }
}

/** How a print went: `dialog` when the browser's print dialog was shown (it says no more). */
export type PrintOutcome =
  | { readonly kind: 'printed' }
  | { readonly kind: 'dialog' }
  | { readonly kind: 'failed'; readonly reason: string };

const printAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);

/**
 * Prints the page in its print layout (the receipt mounted for print): on the configured
 * printer without asking in the Electron window, through the browser's print dialog otherwise.
 */
export async function printPage(): Promise<PrintOutcome> {
  const printer = window.tillPrinter;
  if (!printer) {
    window.print();
    return { kind: 'dialog' };
  }
  let answer: unknown;
  try {
    answer = await printer.print();
  } catch (error) {
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
  const parsed = printAnswer.safeParse(answer);
  if (!parsed.success) return { kind: 'failed', reason: 'no answer from the printer' };
  return parsed.data.ok ? { kind: 'printed' } : { kind: 'failed', reason: parsed.data.reason };
}
