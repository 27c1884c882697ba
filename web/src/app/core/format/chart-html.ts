/**
 * ECharts tooltips and formatters return HTML (renderMode 'html'), so any string that came from
 * data — a unit's name, a code, a label — must be escaped before it is put into one. A unit name
 * `<img src=x onerror=...>` must show as those characters, not become an element.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * The one way to build chart tooltip HTML: a tagged template whose literal parts are trusted
 * markup (`<br/>`, `<b>`) and whose every `${...}` is escaped, so no call site can forget.
 *   chartHtml`${u.name} (${u.code})<br/>${k}: ${value}`
 */
export function chartHtml(
  strings: TemplateStringsArray,
  ...values: unknown[]
): string {
  return strings.reduce(
    (out, s, i) => out + s + (i < values.length ? escapeHtml(values[i]) : ''),
    '',
  );
}
