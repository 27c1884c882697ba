/**
 * A message a person reads, sent as data: a stable `code` plus `params`, rendered in the
 * reader's language from a catalog. The API puts `{ code, params }` on every error it answers;
 * the web renders it from the same catalogs, so a zh-CN screen never shows the API's English.
 */
export type MessageParams = Record<string, string | number>;

export interface CodedMessage {
  code: string;
  params?: MessageParams;
}

/** The two texts of one code; `{name}` placeholders are filled from the message's params. */
export interface MessageTemplate {
  zh: string;
  en: string;
}

export type MessageCatalog = Readonly<Record<string, MessageTemplate>>;

export type MessageLang = 'zh-CN' | 'en';

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholder names of a template, sorted: `'{a} of {b}'` → `['a', 'b']`. */
export function placeholders(template: string): string[] {
  return [
    ...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1])),
  ].sort();
}

/** Fill `{name}` from params; a placeholder without a param stays visible rather than blank. */
export function fillTemplate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (m, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? m : String(v);
  });
}

/** The message in a language, or null when the catalog has no such code. */
export function renderMessage(
  catalog: MessageCatalog,
  msg: CodedMessage,
  lang: MessageLang,
): string | null {
  const t = catalog[msg.code];
  if (!t) return null;
  return fillTemplate(lang === 'en' ? t.en : t.zh, msg.params);
}
