/** `8h` / `30m` / `45s` / `2d` -> seconds (the format AppConfig validated). */
export function expirySeconds(spec: string): number {
  const m = /^(\d+)([smhd])$/.exec(spec);
  if (!m) throw new Error(`bad expiry "${spec}"`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
}
