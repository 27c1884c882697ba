/**
 * The keys seen in a large file (loans: period, unit, loan number) in about 20 bytes a key
 * instead of a Map of strings (~100): an open-addressing table of 52-bit key hashes with the line
 * each was first seen on. A hit is only a candidate: `confirm` asks whether the key really was
 * stored before (the database, in the import's transaction), so a hash collision never turns a
 * valid row into a "duplicate".
 */
export class KeyLines {
  private hashes = new Float64Array(1 << 16);
  private lines = new Int32Array(1 << 16);
  private used = 0;

  /** The line the key was first seen on when its hash was seen before, else records it and returns 0. */
  seen(key: string, line: number): number {
    const h = hash52(key);
    const mask = this.hashes.length - 1;
    // hash 0 marks an empty slot; the low bits pick the start slot
    let i = h % 4294967296 & mask;
    for (;;) {
      const at = this.hashes[i];
      if (at === 0) break;
      if (at === h) return this.lines[i];
      i = (i + 1) & mask;
    }
    this.hashes[i] = h;
    this.lines[i] = line;
    if (++this.used * 2 > this.hashes.length) this.grow();
    return 0;
  }

  private grow(): void {
    const oldH = this.hashes;
    const oldL = this.lines;
    this.hashes = new Float64Array(oldH.length * 2);
    this.lines = new Int32Array(oldH.length * 2);
    const mask = this.hashes.length - 1;
    for (let k = 0; k < oldH.length; k++) {
      const h = oldH[k];
      if (h === 0) continue;
      let i = h % 4294967296 & mask;
      while (this.hashes[i] !== 0) i = (i + 1) & mask;
      this.hashes[i] = h;
      this.lines[i] = oldL[k];
    }
  }
}

/** Two FNV-1a 32-bit hashes (different offsets) → one non-zero integer below 2^52. */
export function hash52(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  const hi = (a >>> 0) & 0xfffff;
  return hi * 4294967296 + (b >>> 0) + 1;
}
