import { API_ERRORS } from './api-errors';
import { IMPORT_MESSAGES } from './import-messages';
import type { MessageCatalog } from './message';

export * from './message';
export * from './api-errors';
export * from './import-messages';

/**
 * Every catalog of coded messages in one: what the web looks a server message up in.
 * Codes are unique across catalogs (messages.spec.ts checks it).
 */
export const MESSAGE_CATALOGS: Readonly<Record<string, MessageCatalog>> = {
  api: API_ERRORS,
  import: IMPORT_MESSAGES,
};

export const MESSAGES: MessageCatalog = Object.assign(
  {},
  ...Object.values(MESSAGE_CATALOGS),
) as MessageCatalog;
export * from './audit-text';
