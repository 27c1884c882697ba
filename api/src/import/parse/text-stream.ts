import { Transform, TransformCallback } from 'stream';
import { importMessage } from '@sci/shared';
import { TableError } from './table';
import { findInvalidUtf8 } from './utf8';

/**
 * Bytes of a CSV file → UTF-8 text, streamed: validates UTF-8 (a leading BOM is dropped),
 * normalises CRLF to LF (a file may mix both: Excel on Windows, a script on Linux) and tells
 * whether any other C0 control character occurred, so the table reader checks cells only then.
 * An invalid byte is reported at its real line, however deep in the file; bytes that read as
 * GB18030/GBK (Excel's "CSV" on Chinese Windows) get a message saying how to save as UTF-8.
 */
export class Utf8Lines extends Transform {
  private readonly decoder = new TextDecoder('utf-8', {
    fatal: true,
    ignoreBOM: false,
  });
  /** lines completed before the current chunk (0x0a bytes seen) */
  private linesBefore = 0;
  /** bytes before the current chunk */
  private offset = 0;
  /** a CR at the end of the previous chunk, decided by the next one */
  private pendingCr = false;
  /** the last bytes of the previous chunk (a multi-byte character may straddle two chunks) */
  private tail: Buffer = Buffer.alloc(0);
  /** whether a C0 control other than LF (and the CR of a CRLF) occurred */
  controls = false;

  constructor() {
    // strings out, as they are: Papa Parse takes string chunks
    super({ readableObjectMode: true, decodeStrings: true });
  }

  override _transform(
    chunk: Buffer,
    _enc: BufferEncoding,
    done: TransformCallback,
  ): void {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      return done(this.invalid(chunk));
    }
    const out = this.normalise(text, false);
    if (out) this.push(out);
    this.advance(chunk);
    done();
  }

  override _flush(done: TransformCallback): void {
    let text: string;
    try {
      text = this.decoder.decode();
    } catch {
      return done(this.invalid(Buffer.alloc(0)));
    }
    const out = this.normalise(text, true);
    if (out) this.push(out);
    done();
  }

  private advance(chunk: Buffer): void {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1))
      this.linesBefore++;
    this.offset += chunk.length;
    this.tail = chunk.subarray(Math.max(0, chunk.length - 3));
  }

  /** CRLF → LF (also across chunks); notes other control characters. */
  private normalise(text: string, last: boolean): string {
    if (this.pendingCr) text = '\r' + text;
    this.pendingCr = !last && text.endsWith('\r');
    if (this.pendingCr) text = text.slice(0, -1);
    if (text.includes('\r')) text = text.replace(/\r\n/g, '\n');
    // eslint-disable-next-line no-control-regex
    if (!this.controls && /[\u0000-\u0009\u000b-\u001f]/.test(text))
      this.controls = true;
    return text;
  }

  private invalid(chunk: Buffer): TableError {
    // the bad sequence may start in the previous chunk's last bytes
    const buf = Buffer.concat([this.tail, chunk]);
    const tailLines = this.tail.includes(0x0a) ? countLf(this.tail) : 0;
    const at = findInvalidUtf8(buf) ?? { line: 1, offset: 0 };
    const line = this.linesBefore - tailLines + at.line;
    const offset = this.offset - this.tail.length + at.offset;
    if (looksGb18030(buf.subarray(at.offset, at.offset + 64))) return new TableError(line, importMessage('GB18030', { offset }));
    return new TableError(line, importMessage('NOT_UTF8', { offset }));
  }
}

function countLf(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(0x0a); i !== -1; i = b.indexOf(0x0a, i + 1)) n++;
  return n;
}

/**
 * Whether bytes read as GB18030 double-byte characters (lead 0x81-0xFE, trail 0x40-0xFE but not
 * 0x7F) up to the next ASCII: the Chinese text of a GBK file that is not valid UTF-8.
 */
export function looksGb18030(b: Uint8Array): boolean {
  let pairs = 0;
  let i = 0;
  while (i < b.length && b[i] >= 0x80) {
    const lead = b[i];
    const trail = b[i + 1];
    if (trail === undefined) break;
    if (lead < 0x81 || lead > 0xfe) return false;
    if (trail >= 0x30 && trail <= 0x39) {
      // four-byte form: lead, digit, lead, digit
      if (i + 3 >= b.length) break;
      i += 4;
    } else if (trail >= 0x40 && trail <= 0xfe && trail !== 0x7f) i += 2;
    else return false;
    pairs++;
  }
  return pairs > 0;
}
