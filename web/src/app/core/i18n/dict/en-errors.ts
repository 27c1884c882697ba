import { MESSAGES } from '@sci/shared';
import type { ZH_CN_ERRORS } from './zh-cn-errors';

/** English texts of the API's coded messages, from the same shared catalog as the Chinese. */
export const EN_ERRORS = Object.fromEntries(
  Object.entries(MESSAGES).map(([code, t]) => [`error.${code}`, t.en]),
) as Record<keyof typeof ZH_CN_ERRORS, string>;
