import {
  auditActionText,
  auditDetailText,
  type AuditEntryResponse,
  type MessageLang,
} from '@sci/shared';
import { unparse } from 'papaparse';

/**
 * A cell as a spreadsheet must read it: a text starting with = + - @ (or a tab / CR) would be
 * run as a formula by Excel, so it is prefixed with an apostrophe (OWASP CSV injection).
 */
export function safeCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** The audit log as CSV in words (actions and details as on screen), UTF-8 with a BOM for Excel. */
export function auditCsv(
  entries: AuditEntryResponse[],
  lang: MessageLang,
  header: string[],
  outcome: (o: string) => string,
  role: (r: string | null) => string,
): string {
  const rows = entries.map((e) =>
    [
      e.at,
      e.actor,
      role(e.role),
      auditActionText(e.action, lang),
      e.target ?? '',
      outcome(e.outcome),
      e.ip ?? '',
      auditDetailText(e.detail, lang),
    ].map(safeCell),
  );
  return '\uFEFF' + unparse([header, ...rows]);
}
