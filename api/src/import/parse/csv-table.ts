import { CsvError, parse } from 'csv-parse';
import type { DatasetFile } from '@sci/shared';
import { SourceTable, TableError, TableVisitor, yieldToEventLoop } from './table';
import { decodeUtf8 } from './utf8';

/** Characters handed to the parser between two yields to the event loop. */
const SLICE = 1 << 20;

/** A CSV file of the exchange format (RFC 4180, UTF-8 with or without BOM) read with csv-parse. */
export function csvTable(label: string, dataset: DatasetFile, bytes: Uint8Array): SourceTable {
  let newlines = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) newlines++;
  return {
    label,
    dataset,
    estimatedRows: Math.max(0, newlines - 1),
    read: (visitor) => readCsv(bytes, visitor),
  };
}

async function readCsv(bytes: Uint8Array, visitor: TableVisitor): Promise<void> {
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded)) {
    throw new TableError(decoded.line, `the file is not UTF-8 (invalid byte at offset ${decoded.offset}); save it as UTF-8 CSV`);
  }
  const text = decoded.text;
  if (text.trim() === '') throw new TableError(1, 'the file is empty (expected a header line)');
  let failure: Error | null = null;
  let seenHeader = false;
  let lastLine = 0;
  const parser = parse({
    relax_column_count: true,
    skip_records_with_empty_values: false,
    on_record: (record: string[], ctx: { lines: number }) => {
      // a record starts on the line after the previous one ended (quoted fields may span lines)
      const line = lastLine + 1;
      lastLine = ctx.lines;
      if (record.length === 1 && record[0] === '') return null;
      if (seenHeader) visitor.row(record, line);
      else {
        seenHeader = true;
        visitor.header(record, line);
      }
      return null;
    },
  });
  parser.on('error', (err) => (failure = err));
  parser.resume();
  for (let at = 0; at < text.length && !failure; at += SLICE) {
    parser.write(text.slice(at, at + SLICE));
    await yieldToEventLoop();
  }
  if (!failure) {
    // errors found at the end (an unclosed quote) are emitted after end() returns
    await new Promise<void>((resolve) => {
      parser.once('finish', () => resolve());
      parser.once('error', () => resolve());
      parser.end();
    });
  }
  if (failure) throw toTableError(failure, lastLine + 1);
  if (!seenHeader) throw new TableError(1, 'the file is empty (expected a header line)');
}

function toTableError(err: Error, fallbackLine: number): TableError {
  if (err instanceof TableError) return err;
  if (err instanceof CsvError) {
    const e = err as CsvError & { lines?: number };
    // an unclosed quote is only noticed at the end of the file: point at the record it opens
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') return new TableError(fallbackLine, 'invalid CSV: a quoted field is not closed');
    return new TableError(e.lines ?? fallbackLine, `invalid CSV: ${err.message.replace(/^[^:]*: /, '')}`);
  }
  return new TableError(fallbackLine, `invalid CSV: ${err.message}`);
}
