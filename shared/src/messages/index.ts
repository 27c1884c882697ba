import { API_ERRORS } from './api-errors';
import type { MessageCatalog } from './message';

export * from './message';
export * from './api-errors';
// h1-import's import messages (shared/src/messages/import-messages.ts) join here:
//   export * from './import-messages';  and  ...IMPORT_MESSAGES  in MESSAGES below.

/**
 * Every catalog of coded messages in one: what the web looks a server message up in.
 * Codes are unique across catalogs (messages.spec.ts checks it).
 */
export const MESSAGE_CATALOGS: Readonly<Record<string, MessageCatalog>> = {
  api: API_ERRORS,
};

export const MESSAGES: MessageCatalog = Object.assign(
  {},
  ...Object.values(MESSAGE_CATALOGS),
) as MessageCatalog;
export * from './audit-text';
