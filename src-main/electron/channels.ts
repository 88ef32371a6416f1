/** Each till command travels over IPC on the channel `till:<command>`. */
export const IPC_PREFIX = 'till:';
