import { z } from 'zod';
import type { OwnerRef } from '../domain/voucher-ops/members';
import { memberFields } from './vouchers';

/** Every way Spaaza's clients name a member: the engine's id, the card number, the login, the identity system's id. */
export const memberIdentityFields = {
  ...memberFields,
  username: z.string().trim().min(1).max(254).optional(),
  authentication_point_identifier: z.string().trim().min(1).max(128).optional(),
};

type MemberIdentity = z.output<z.ZodObject<typeof memberIdentityFields>>;

export const namesAnyMember = (params: MemberIdentity) =>
  params.user_id !== undefined ||
  params.member_number !== undefined ||
  params.username !== undefined ||
  params.authentication_point_identifier !== undefined;

export const NAME_ANY_MEMBER = {
  message: 'send user_id, member_number, username or authentication_point_identifier',
  path: ['user_id'],
};

export const ownerOfIdentity = (params: MemberIdentity): OwnerRef => ({
  userId: params.user_id,
  memberNumber: params.member_number,
  username: params.username,
  authenticationPointIdentifier: params.authentication_point_identifier,
});
