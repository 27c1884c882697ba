import type { ZH_CN_ERRORS } from './zh-cn-errors';

export const EN_ERRORS: Record<keyof typeof ZH_CN_ERRORS, string> = {
  'error.INVALID_CREDENTIALS': 'Wrong username or password.',
  'error.ACCOUNT_LOCKED':
    'Too many failed sign-ins: the account is locked for a while.',
  'error.ACCOUNT_DISABLED':
    'This account is disabled; contact the administrator.',
  'error.TOO_MANY_REQUESTS': 'Too many requests, please wait a moment.',
  'error.TOKEN_EXPIRED': 'Your session expired, please sign in again.',
  'error.SESSION_ENDED': 'Your session ended, please sign in again.',
  'error.INVALID_TOKEN': 'Invalid session, please sign in again.',
  'error.UNAUTHENTICATED': 'Please sign in.',
  'error.ROLE_FORBIDDEN': 'Your role may not do this.',
  'error.SCOPE_NOT_ALLOWED': 'This unit is outside your scope.',
  'error.NO_PUBLISHED_RUN': 'No published run for this period yet.',
  'error.RUN_NOT_FOUND': 'Run not found.',
  'error.RUN_NOT_SUCCEEDED':
    'The run did not succeed: it cannot be published or compared.',
  'error.RUN_IN_PROGRESS': 'A run of this period is already in progress.',
  'error.PERIOD_NO_DATA': 'No loan data for this period.',
  'error.PERIOD_INVALID': 'A period looks like 2025Q4.',
  'error.UNKNOWN_UNIT': 'Unknown unit.',
  'error.UNKNOWN_BANK': 'Unknown bank.',
  'error.USERNAME_TAKEN': 'This username is taken.',
  'error.WEAK_PASSWORD':
    'Password breaks the rules (10+ chars, letters and digits, not the username)',
  'error.CANNOT_DISABLE_SELF': 'You cannot disable your own account.',
  'error.UNSUPPORTED_FILE_TYPE': 'Only CSV, XLSX or ZIP files.',
  'error.SCHEME_INVALID': 'Scheme parameters are invalid',
  'error.SCHEME_NOT_FOUND': 'Scheme not found.',
  'error.IMPORT_NOT_FOUND': 'Import batch not found.',
  'error.BAD_VALUE': 'Invalid value',
  'error.DATABASE_DOWN': 'The database is unavailable, please retry later.',
};
