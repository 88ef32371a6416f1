const STORAGE_KEY = 'voucher-till.token';

interface TokenPlaces {
  readonly location: Pick<Location, 'href'>;
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>;
  readonly history: Pick<History, 'replaceState' | 'state'>;
}

/**
 * The launch token for the loopback HTTP API: read once from `?token=` in the page address,
 * kept in session storage (a reload still works), and taken out of the address bar so it is
 * not left on screen, in the history or in a screenshot.
 */
export function takeLaunchToken({ location, storage, history }: TokenPlaces): string | null {
  const url = new URL(location.href);
  const fromAddress = url.searchParams.get('token');
  if (fromAddress) {
    storage.setItem(STORAGE_KEY, fromAddress);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromAddress;
  }
  return storage.getItem(STORAGE_KEY);
}
