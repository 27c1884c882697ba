import { MESSAGES, type ApiErrorCode } from '@sci/shared';

/**
 * Chinese texts of the API's coded messages (`error.<CODE>`), taken from the one shared catalog
 * (shared/src/messages) that the API's codes are checked against; nothing is written here.
 */
export const ZH_CN_ERRORS = Object.fromEntries(
  Object.entries(MESSAGES).map(([code, t]) => [`error.${code}`, t.zh]),
) as Record<`error.${ApiErrorCode}`, string>;
