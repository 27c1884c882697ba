import Papa from 'papaparse';
import type { Readable } from 'stream';
import { DatasetFile, importMessage } from '@sci/shared';
import { ByteSource } from './byte-source';
import { SourceTable, TableError, TableVisitor } from './table';
import { Utf8Lines } from './text-stream';

/**
 * A CSV file of the exchange format (RFC 4180, UTF-8 with or without BOM, LF or CRLF lines),
 * streamed: bytes → Utf8Lines (validation, CRLF → LF) → Papa Parse in chunk mode. Papa Parse
 * keeps a partial record across chunks itself; measured on 495k loan rows, its stream mode
 * parsed in 0.35 s where csv-parse's stream took 5.6 s.
 *
 * Line numbers are counted here, not taken from the parser's cursor: a record starts on the
 * line after the previous one ended, and ends as many lines later as it holds line breaks inside
 * quoted fields. That stays exact whatever the chunking (the old counter drifted at every
 * 20,000-row slice).
 */
export function csvTable(
  label: string,
  dataset: DatasetFile,
  source: ByteSource,
  estimatedRows: number,
): SourceTable {
  return {
    label,
    dataset,
    estimatedRows,
    read: (visitor) => readCsv(source, visitor),
  };
}

function newlinesIn(record: string[]): number {
  let n = 0;
  for (const cell of record) {
    if (cell.length > 0 && cell.includes('\n'))
      for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1))
        n++;
  }
  return n;
}

async function readCsv(
  source: ByteSource,
  visitor: TableVisitor,
): Promise<void> {
  const input: Readable = await source.open();
  const text = new Utf8Lines();
  let failure: Error | null = null;
  input.on('error', (err) => text.destroy(err));
  input.pipe(text);
  let seenHeader = false;
  let line = 1;
  let anyText = false;
  let waits = 0;
  await new Promise<void>((resolve) => {
    const stop = (err: Error, parser?: Papa.Parser): void => {
      failure ??= err;
      parser?.abort();
      input.unpipe(text);
      input.destroy();
      resolve();
    };
    text.on('error', (err) => stop(err));
    Papa.parse<string[]>(text as unknown as File, {
      delimiter: ',',
      newline: '\n',
      quoteChar: '"',
      escapeChar: '"',
      skipEmptyLines: false,
      chunk: (result, parser) => {
        if (failure) return;
        const quoteError = result.errors.find((e) => e.type === 'Quotes');
        const rows = result.data;
        const stopAt = quoteError?.row ?? rows.length;
        try {
          for (let i = 0; i < rows.length && i <= stopAt; i++) {
            const record = rows[i];
            const start = line;
            const breaks = newlinesIn(record);
            line += 1 + breaks;
            if (i === stopAt && quoteError) {
              const what = quoteError.code === 'MissingQuotes' ? 'CSV_UNCLOSED_QUOTE' : 'CSV_BARE_QUOTE';
              return stop(
                new TableError(start, importMessage(what)),
                parser,
              );
            }
            if (record.length === 1 && record[0] === '') continue;
            anyText = true;
            if (seenHeader)
              visitor.row(record, start, text.controls || breaks > 0);
            else {
              seenHeader = true;
              visitor.header(record, start);
            }
          }
        } catch (err) {
          // a bug in a visitor, not the data: stop and let the import report it
          return stop(err as Error, parser);
        }
        // backpressure on the byte stream, not the parser (Papa's pause() aborts and re-slices the
        // chunk); at most the chunk already queued in Papa is parsed meanwhile
        const waiting = visitor.drain?.();
        if (waiting) {
          if (waits++ === 0) text.pause();
          waiting.then(
            () => {
              if (--waits === 0) text.resume();
            },
            (err: Error) => stop(err, parser),
          );
        }
      },
      complete: () => resolve(),
      error: (err: Error) => stop(err),
    });
  });
  if (failure) throw failure;
  if (!anyText || !seenHeader)
    throw new TableError(1, importMessage('FILE_EMPTY'));
}
