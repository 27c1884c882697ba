import { createReadStream, openSync, readSync, closeSync, statSync } from 'fs';
import { Readable } from 'stream';

/**
 * Where the bytes of one file of a batch come from: a file on disk (the CLI's folder, an upload
 * multer wrote to disk), a buffer (tests, small uploads) or an entry of a zip. Opened as a
 * stream each time it is read; never read whole.
 */
export interface ByteSource {
  /** size in bytes (uncompressed, for a zip entry) */
  readonly size: number;
  /** the file on disk, when it is one */
  readonly path?: string;
  open(): Promise<Readable>;
  /** the first bytes, to sniff the format and estimate rows (at most `n`) */
  head(n: number): Promise<Buffer>;
}

/** 256 kB reads: a chunk (~2,000 loan rows) is parsed and checked in one turn of the event loop. */
export const READ_CHUNK = 1 << 18;

export function fileSource(path: string): ByteSource {
  const size = statSync(path).size;
  return {
    size,
    path,
    open: async () => createReadStream(path, { highWaterMark: READ_CHUNK }),
    head: async (n) => {
      const fd = openSync(path, 'r');
      try {
        const buf = Buffer.alloc(Math.min(n, size));
        const got = readSync(fd, buf, 0, buf.length, 0);
        return buf.subarray(0, got);
      } finally {
        closeSync(fd);
      }
    },
  };
}

export function bufferSource(bytes: Uint8Array): ByteSource {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    size: buf.length,
    open: async () => {
      // chunked like a file, so the reader behaves the same (and yields) on a large buffer
      let at = 0;
      return new Readable({
        read() {
          if (at >= buf.length) return void this.push(null);
          this.push(buf.subarray(at, at + READ_CHUNK));
          at += READ_CHUNK;
        },
      });
    },
    head: async (n) => buf.subarray(0, n),
  };
}

/** Reads a whole source into memory: only for workbooks, which exceljs parses from a buffer. */
export async function readAll(source: ByteSource): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of await source.open()) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/** A rough count of data rows from the first 64 kB (for progress, before reading). */
export async function estimateRows(source: ByteSource): Promise<number> {
  const head = await source.head(65536);
  let lines = 0;
  for (let i = head.indexOf(0x0a); i !== -1; i = head.indexOf(0x0a, i + 1))
    lines++;
  if (head.length >= source.size) return Math.max(0, lines - 1);
  return lines ? Math.round((source.size / head.length) * lines) - 1 : 0;
}
