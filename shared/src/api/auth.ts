export const ROLES = ['regulator', 'bank_hq', 'branch', 'admin'] as const;
export type Role = (typeof ROLES)[number];
