/**
 * Where a buffer stops being valid UTF-8: the 1-based line and the byte offset of the first bad
 * sequence, or null if it is valid. Only called after TextDecoder (fatal) has refused the buffer,
 * so speed does not matter; the line lets the person find the bad bytes.
 */
export function findInvalidUtf8(buf: Uint8Array): { line: number; offset: number } | null {
  let line = 1;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    if (b === 0x0a) line++;
    const seq = sequenceOf(b);
    if (!seq) return { line, offset: i };
    let cp = b & (0xff >> (seq.length + 1 + (seq.length ? 1 : 0)));
    for (let k = 1; k <= seq.length; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return { line, offset: i };
      cp = (cp << 6) | (c & 0x3f);
    }
    // overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either
    if (cp < seq.min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { line, offset: i };
    i += seq.length + 1;
  }
  return null;
}

/** How many continuation bytes follow a lead byte, and the smallest code point it may encode. */
function sequenceOf(b: number): { length: number; min: number } | null {
  if (b < 0x80) return { length: 0, min: 0 };
  if (b >= 0xc2 && b <= 0xdf) return { length: 1, min: 0x80 };
  if (b >= 0xe0 && b <= 0xef) return { length: 2, min: 0x800 };
  if (b >= 0xf0 && b <= 0xf4) return { length: 3, min: 0x10000 };
  return null;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 (a leading BOM is dropped) or returns where it is not UTF-8. */
export function decodeUtf8(buf: Uint8Array): { text: string } | { line: number; offset: number } {
  try {
    return { text: decoder.decode(buf) };
  } catch {
    return findInvalidUtf8(buf) ?? { line: 1, offset: 0 };
  }
}
