import type { AuthUserResponse, UserResponse } from '@sci/shared';
import type { UserEntity } from './user.entity';

/** Pure mappings from rows to API responses: the password hash never leaves the repository layer. */
export function toUserResponse(u: UserEntity, now: Date): UserResponse {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    bankCode: u.bankCode,
    unitCode: u.unitCode,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil && u.lockedUntil.getTime() > now.getTime() ? u.lockedUntil.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

export function toAuthUserResponse(u: UserEntity): AuthUserResponse {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, bankCode: u.bankCode, unitCode: u.unitCode };
}
