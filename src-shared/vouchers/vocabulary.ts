import type { SpaazaStatus, WllStatus } from './state';
import type { Instant, Voucher } from './voucher';

/*
 * One model, two faces, and a word clash between them:
 *   stored claimed_at  = Spaaza "claimed"  = WLL "redeemed" (the code is revealed)
 *   stored burned_at   = Spaaza "redeemed" = WLL "burned"   (used in a sale)
 * Inside the project only the stored names are used; these functions translate at a face.
 */

const SPAAZA_TO_WLL: Readonly<Record<SpaazaStatus, WllStatus>> = {
  generated: 'CREATED',
  claimed: 'REDEEMED',
  redeemed: 'BURNED',
};

export function spaazaStatusToWll(status: SpaazaStatus): WllStatus {
  return SPAAZA_TO_WLL[status];
}

/** WLL's VALIDATED is a claimed voucher to Spaaza; EXPIRED has no Spaaza status of its own. */
export function wllStatusToSpaaza(status: WllStatus): SpaazaStatus | 'expired' {
  switch (status) {
    case 'CREATED':
      return 'generated';
    case 'REDEEMED':
    case 'VALIDATED':
      return 'claimed';
    case 'BURNED':
      return 'redeemed';
    case 'EXPIRED':
      return 'expired';
  }
}

/** The WLL names of a voucher's timestamps, as ISO-8601 instants with milliseconds. */
export interface WllTimestamps {
  readonly createdAt: string;
  readonly redeemedAt: string | null;
  readonly expiresAt: string | null;
  readonly burnedAt: string | null;
  readonly code: { readonly redeemedAt: string | null; readonly validatedAt: string | null };
}

export function toWllTimestamps(voucher: Voucher): WllTimestamps {
  return {
    createdAt: iso(voucher.createdAt),
    redeemedAt: isoOrNull(voucher.claimedAt),
    expiresAt: isoOrNull(voucher.expiresAt),
    burnedAt: isoOrNull(voucher.burnedAt),
    code: { redeemedAt: isoOrNull(voucher.claimedAt), validatedAt: isoOrNull(voucher.validatedAt) },
  };
}

function iso(instant: Instant): string {
  return new Date(instant).toISOString();
}

function isoOrNull(instant: Instant | null): string | null {
  return instant === null ? null : iso(instant);
}
