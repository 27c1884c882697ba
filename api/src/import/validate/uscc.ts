import { ImportCodedMessage, importMessage } from '@sci/shared';

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-symbol
 * alphabet (digits and upper-case letters without I, O, Z, S, V); the 18th is a check character
 * over the first 17 with weights 3^i mod 31.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const VALUE = new Map([...USCC_ALPHABET].map((c, i) => [c, i]));

/** The check character for the first 17 characters, or null if one is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = VALUE.get(first17[i]);
    if (v === undefined) return null;
    sum += v * WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Why `code` is not a valid USCC, or null when it is. */
export function usccProblem(code: string): ImportCodedMessage | null {
  if (code.length !== 18) return importMessage('USCC_LENGTH', { uscc: code, length: code.length });
  for (let i = 0; i < 18; i++) {
    if (!VALUE.has(code[i])) {
      return importMessage('USCC_CHARACTER', { uscc: code, at: i + 1, char: code[i] });
    }
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected !== code[17]) return importMessage('USCC_CHECK_CHARACTER', { uscc: code, char: code[17], expected: expected ?? '' });
  return null;
}
