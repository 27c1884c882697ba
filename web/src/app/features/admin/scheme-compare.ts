/**
 * Flattens a scheme's parameters into `path → value` rows so versions can be laid side by side;
 * arrays of scalars stay one cell (`[a, b]`), arrays of objects are indexed (`grades[0].min`).
 */
export function flattenParams(
  v: unknown,
  prefix = '',
  out: Record<string, string> = {},
): Record<string, string> {
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object'))
      out[prefix] = v.join(', ');
    else v.forEach((x, i) => flattenParams(x, `${prefix}[${i}]`, out));
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v as Record<string, unknown>))
      flattenParams(x, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

export interface CompareRow {
  path: string;
  values: string[];
  differs: boolean;
}

/** One row per parameter path of any version, in first-seen order; `differs` when versions disagree. */
export function compareParams(versions: unknown[]): CompareRow[] {
  const flats = versions.map((v) => flattenParams(v));
  const paths: string[] = [];
  const seen = new Set<string>();
  for (const f of flats) {
    for (const p of Object.keys(f)) {
      if (seen.has(p)) continue;
      seen.add(p);
      paths.push(p);
    }
  }
  return paths.map((path) => {
    const values = flats.map((f) => f[path] ?? '—');
    return { path, values, differs: values.some((x) => x !== values[0]) };
  });
}
