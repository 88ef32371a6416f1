/** Each till command travels over IPC on the channel `till:<command>`. */
export const IPC_PREFIX = 'till:';
/** The till core's announcements travel from main to the till window on this one channel. */
export const EVENT_CHANNEL = 'till-event';
/** The till window asks main to print the page as it stands (the receipt's print layout). */
export const PRINT_CHANNEL = 'till-print';
