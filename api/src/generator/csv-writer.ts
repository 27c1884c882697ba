import { closeSync, openSync, writeSync } from 'fs';

/**
 * Writes CSV rows to a file in large chunks. Fields are quoted (RFC 4180) only when they hold
 * a comma, a quote or a line break; the generator's own values rarely do.
 */
export class CsvWriter {
  private readonly fd: number;
  private buf: string[] = [];
  private size = 0;
  rows = 0;

  constructor(path: string, header: readonly string[]) {
    this.fd = openSync(path, 'w');
    this.line(header);
  }

  row(values: readonly (string | number)[]): void {
    this.rows++;
    this.line(values);
  }

  private line(values: readonly (string | number)[]): void {
    const s = values.map(field).join(',') + '\n';
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buf.length) writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

function field(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const yuanText = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
export const rateText = (e4: number): string => `${Math.floor(e4 / 10000)}.${String(e4 % 10000).padStart(4, '0')}`;
export const flagText = (b: boolean): string => (b ? 'Y' : 'N');
