import Papa from 'papaparse';
import type { DatasetFile } from '@sci/shared';
import { SourceTable, TableError, TableVisitor, yieldToEventLoop } from './table';
import { decodeUtf8 } from './utf8';

/** Rows handed to the visitor between two yields to the event loop. */
const ROWS_PER_SLICE = 20000;

/**
 * A CSV file of the exchange format (RFC 4180, UTF-8 with or without BOM), read with Papa Parse:
 * csv-parse, tried first, parsed a quarter of loans slower than the database stored it.
 */
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
  let seenHeader = false;
  let failure: Error | null = null;
  // physical line where the next record starts; quoted fields may span lines
  let line = 1;
  let cursor = 0;
  let sinceYield = 0;
  await new Promise<void>((resolve) => {
    Papa.parse<string[]>(text, {
      delimiter: ',',
      quoteChar: '"',
      escapeChar: '"',
      skipEmptyLines: false,
      step: (result, parser) => {
        const start = line;
        const end = result.meta.cursor;
        for (let i = text.indexOf('\n', cursor); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
        cursor = end;
        const quoteError = result.errors.find((e) => e.type === 'Quotes');
        if (quoteError) {
          const what = quoteError.code === 'MissingQuotes' ? 'a quoted field is not closed' : 'a quote inside a quoted field must be doubled ("")';
          failure = new TableError(start, `invalid CSV: ${what}`);
          parser.abort();
          return;
        }
        const record = result.data;
        if (record.length === 1 && record[0] === '') return;
        try {
          if (seenHeader) visitor.row(record, start);
          else {
            seenHeader = true;
            visitor.header(record, start);
          }
        } catch (err) {
          // a bug in a visitor, not the data: stop and let the import report it
          failure = err as Error;
          parser.abort();
          return;
        }
        if (++sinceYield >= ROWS_PER_SLICE) {
          sinceYield = 0;
          parser.pause();
          void yieldToEventLoop().then(() => parser.resume());
        }
      },
      complete: () => resolve(),
    });
  });
  if (failure) throw failure;
  if (!seenHeader) throw new TableError(1, 'the file is empty (expected a header line)');
}
