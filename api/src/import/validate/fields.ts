import { ImportCodedMessage, importMessage, ImportMessageCode, ImportMessageParams, isPeriod } from '@sci/shared';
import { usccProblem } from './uscc';

/**
 * Parsers of one field of the exchange format (data-format.md, general rules). Each returns the
 * typed value or throws FieldError with a message a person can act on; values are never trimmed
 * or case-folded, because the format says names and codes are exact.
 * Money becomes integer fen, rates integer 1/10000 percent, scores integer hundredths: parsed
 * from the decimal text, never through a binary float, so sums stay exact.
 */
export class FieldError extends Error {
  /** the coded message (code + params, English text in `message`) */
  readonly coded: ImportCodedMessage;
  constructor(coded: ImportCodedMessage) {
    super(coded.message);
    this.coded = coded;
  }
}

function fieldError(code: ImportMessageCode, params: ImportMessageParams = {}): FieldError {
  return new FieldError(importMessage(code, params));
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CODE_RE = /^[A-Za-z0-9_-]{1,32}$/;
const REGION_RE = /^\d{6}$/;
const INDUSTRY_RE = /^[A-Z]\d{1,4}$/;
const YEAR_RE = /^\d{4}$/;
const INT_RE = /^-?\d+$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function show(raw: string): string {
  return raw === '' ? 'empty' : `"${raw.length > 60 ? raw.slice(0, 60) + '…' : raw}"`;
}

/**
 * Remembers values already found valid: a quarter of loans repeats a few thousand dates and one
 * period over and over, and checking a set is cheaper than the regex. Bounded.
 */
function memo(check: (raw: string) => string): (raw: string) => string {
  const seen = new Set<string>();
  return (raw) => {
    if (seen.has(raw)) return raw;
    const ok = check(raw);
    // past the bound, check without remembering (refilling would thrash on many distinct values)
    if (seen.size < 50000) seen.add(raw);
    return ok;
  };
}

export function required(raw: string): string {
  if (raw === '') throw fieldError('FIELD_REQUIRED');
  return raw;
}

/** Text of 1..max characters (counted as characters, not bytes). */
export function text(max: number, min = 1): (raw: string) => string {
  return (raw) => {
    if (raw.length < min) throw fieldError('FIELD_REQUIRED');
    // UTF-16 length bounds the character count from above; count characters only when needed
    const n = raw.length <= max ? raw.length : [...raw].length;
    if (n > max) throw fieldError('FIELD_TOO_LONG', { length: n, max });
    return raw;
  };
}

export function optionalText(raw: string): string | null {
  return raw === '' ? null : raw;
}

export const code = memo((raw) => {
  if (!CODE_RE.test(raw)) throw fieldError('FIELD_NOT_UNIT_CODE', { value: show(raw) });
  return raw;
});

export function optionalCode(raw: string): string | null {
  return raw === '' ? null : code(raw);
}

export function region(raw: string): string {
  if (!REGION_RE.test(raw)) throw fieldError('FIELD_NOT_REGION', { value: show(raw) });
  return raw;
}

export function industry(raw: string): string | null {
  if (raw === '') return null;
  if (!INDUSTRY_RE.test(raw)) throw fieldError('FIELD_NOT_INDUSTRY', { value: show(raw) });
  return raw;
}

export const uscc = memo((raw) => {
  if (raw === '') throw fieldError('FIELD_REQUIRED');
  const problem = usccProblem(raw);
  if (problem) throw new FieldError(problem);
  return raw;
});

export function flag(raw: string): boolean {
  if (raw === 'Y') return true;
  if (raw === 'N') return false;
  throw fieldError('FIELD_NOT_FLAG', { value: show(raw) });
}

export function oneOf<T extends string>(values: readonly T[]): (raw: string) => T {
  const set = new Set<string>(values);
  const list = values.join(', ');
  return (raw) => {
    if (!set.has(raw)) throw fieldError('FIELD_NOT_ONE_OF', { value: show(raw), allowed: list });
    return raw as T;
  };
}

export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS[m - 1]);
}

export const date = memo(checkDate);

function checkDate(raw: string): string {
  const m = DATE_RE.exec(raw);
  if (!m) throw fieldError('FIELD_NOT_DATE', { value: show(raw) });
  if (!isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw fieldError('FIELD_NOT_CALENDAR_DATE', { value: show(raw) });
  return raw;
}

export const period = memo((raw) => {
  if (!isPeriod(raw)) throw fieldError('FIELD_NOT_PERIOD', { value: show(raw) });
  return raw;
});

export function year(raw: string): number {
  if (!YEAR_RE.test(raw)) throw fieldError('FIELD_NOT_YEAR', { value: show(raw) });
  return Number(raw);
}

/** A non-negative integer (counts, basis points). */
export function count(raw: string): number {
  if (!INT_RE.test(raw)) throw fieldError('FIELD_NOT_WHOLE_NUMBER', { value: show(raw) });
  const n = Number(raw);
  if (n < 0) throw fieldError('FIELD_NEGATIVE', { value: raw });
  if (n > 2147483647) throw fieldError('FIELD_TOO_LARGE', { value: raw });
  return n;
}

/**
 * A decimal with at most `scale` decimals as an integer of 10^-scale units ("12.5" at scale 2 ->
 * 1250). `notCode` is the message for a value that is not such a decimal. Rejects exponents, separators, signs other than a
 * leading minus, and values beyond 2^53 units.
 */
export function scaled(scale: number, notCode: ImportMessageCode): (raw: string) => number {
  const re = new RegExp(`^(-?)(\\d+)(?:\\.(\\d{1,${scale}}))?$`);
  const pow = 10 ** scale;
  const slow = (raw: string): number => {
    const m = re.exec(raw);
    if (!m) {
      if (/^-?\d+\.\d+$/.test(raw)) throw fieldError('FIELD_TOO_MANY_DECIMALS', { value: show(raw), scale });
      throw fieldError(notCode, { value: show(raw) });
    }
    const digits = (m[2] + ((m[3] ?? '') + '0'.repeat(scale)).slice(0, scale)).replace(/^0+(?=\d)/, '');
    if (digits.length > 15) throw fieldError('FIELD_TOO_LARGE', { value: show(raw) });
    const n = Number(digits);
    return m[1] && n !== 0 ? -n : n;
  };
  // the common case (plain digits, a dot, up to `scale` decimals, short) without a regex
  return (raw) => {
    const len = raw.length;
    // at most 11 characters: at most 11 digits, so the scaled value stays below 2^53
    if (len === 0 || len > 11) return slow(raw);
    let whole = 0;
    let frac = 0;
    let decimals = -1;
    for (let i = 0; i < len; i++) {
      const c = raw.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        if (decimals < 0) whole = whole * 10 + (c - 48);
        else if (++decimals > scale) return slow(raw);
        else frac = frac * 10 + (c - 48);
      } else if (c === 46 && decimals < 0 && i > 0 && i < len - 1) decimals = 0;
      else return slow(raw);
    }
    return whole * pow + frac * 10 ** (scale - Math.max(decimals, 0));
  };
}

/** Yuan with at most 2 decimals -> integer fen. */
export const money = scaled(2, 'FIELD_NOT_MONEY');
/** Annual percent with at most 4 decimals -> integer 1/10000 percent. */
export const rate = scaled(4, 'FIELD_NOT_RATE');
/** Qualitative score with at most 2 decimals -> integer hundredths. */
export const score = scaled(2, 'FIELD_NOT_SCORE');

export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
