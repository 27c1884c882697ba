import type { AuthUserResponse, UserResponse } from '@sci/shared';
import type { UserEntity } from './user.entity';

/** Pure mappings from rows to API responses: the password hash never leaves the repository layer. */
/** `lockedUntil`: the account's latest active (account, address) lock, when the caller looked it up. */
export function toUserResponse(u: UserEntity, now: Date, lockedUntil: Date | null = null): UserResponse {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    bankCode: u.bankCode,
    unitCode: u.unitCode,
    disabled: u.disabled,
    lockedUntil: lockedUntil && lockedUntil.getTime() > now.getTime() ? lockedUntil.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

export function toAuthUserResponse(u: UserEntity): AuthUserResponse {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, bankCode: u.bankCode, unitCode: u.unitCode };
}
