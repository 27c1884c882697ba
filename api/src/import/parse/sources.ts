import { Transform } from 'stream';
import * as yauzl from 'yauzl';
import { ImportCodedMessage, DATASET_FILES, DatasetFile, ImportError, importMessage } from '@sci/shared';
import {
  bufferSource,
  ByteSource,
  estimateRows,
  fileSource,
  readAll,
} from './byte-source';
import { csvTable } from './csv-table';
import { SourceTable } from './table';
import { loadWorkbook, sheetTable } from './xlsx-table';

/** A file handed to an import: a path on disk (a folder, an upload on disk) or bytes in memory. */
export interface ImportInput {
  name: string;
  /** read from here when given (streamed, never whole) */
  path?: string;
  bytes?: Uint8Array;
  /** an upload spooled to disk: deleted once its import has finished */
  temporary?: boolean;
}

export interface ExpandedInputs {
  tables: SourceTable[];
  /** problems with the files themselves (unknown names, unreadable archives...) */
  errors: ImportError[];
  /** closes the archives the tables read from */
  close(): Promise<void>;
}

/**
 * Bounds of what a zip may unpack to, against zip bombs: checked on the sizes the archive
 * declares before anything is unpacked, and while unpacking (yauzl fails an entry whose real size
 * differs from the declared one; the counter below stops at the limit whatever the headers say).
 */
export const ZIP_LIMITS = {
  /** all entries together: a province's five quarters of loans unpack to ~0.6 GB */
  maxUnzippedBytes: 4 * 1024 * 1024 * 1024,
  /** CSV deflates 5-15×; a thousandfold ratio is a bomb, not data */
  maxRatio: 100,
};
const EXPECTED = DATASET_FILES.map((f) => `${f}.csv`).join(', ');

export function sourceOf(input: ImportInput): ByteSource {
  if (input.path) return fileSource(input.path);
  return bufferSource(input.bytes ?? new Uint8Array(0));
}

export function datasetOf(baseName: string): DatasetFile | null {
  const n = baseName.trim().toLowerCase();
  return (DATASET_FILES as readonly string[]).includes(n)
    ? (n as DatasetFile)
    : null;
}

function ext(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

function baseName(path: string): string {
  const b = path.split('/').pop() ?? path;
  return b.replace(/\.[A-Za-z0-9]+$/, '');
}

const fileError = (file: string, text: string | ImportCodedMessage): ImportError =>
  typeof text === 'string' ? { file, line: 0, column: '', message: text } : { file, line: 0, column: '', message: text.message, code: text.code, params: text.params };

/**
 * Why a file of a batch is refused by its type, or null for .csv/.xlsx/.zip. The API's upload
 * filter and the CLI's folder reading both use it, so both say the same thing by name.
 */
export function unsupportedType(name: string): ImportCodedMessage | null {
  switch (ext(name)) {
    case 'csv':
    case 'xlsx':
    case 'zip':
      return null;
    case 'xls':
      return importMessage('XLS_UNSUPPORTED');
    case 'ods':
      return importMessage('ODS_UNSUPPORTED');
    default:
      return importMessage('UNSUPPORTED_TYPE');
  }
}

/**
 * Turns the files of a batch into tables: CSV files by name, every sheet of a workbook by sheet
 * name, and the CSV/XLSX entries of a zip (any folder inside it). A dataset file given twice,
 * an unknown file or sheet name, or an unreadable archive is an error of the batch. Tables come
 * in dataset order (institutions, enterprises, qualifications, loans, ...), so references are
 * known before the loans stream through.
 */
export async function expandInputs(
  inputs: ImportInput[],
): Promise<ExpandedInputs> {
  const zips: yauzl.ZipFile[] = [];
  const out: ExpandedInputs = {
    tables: [],
    errors: [],
    close: async () => {
      for (const z of zips) z.close();
    },
  };
  for (const input of inputs)
    await expandOne(input.name, sourceOf(input), input.name, out, zips, false);
  const seen = new Map<DatasetFile, string>();
  const tables: SourceTable[] = [];
  for (const t of out.tables) {
    const first = seen.get(t.dataset);
    if (first) {
      out.errors.push(
        fileError(
          t.label,
          `${t.dataset} is given twice in this import (also ${first}); send each file once`,
        ),
      );
      continue;
    }
    seen.set(t.dataset, t.label);
    tables.push(t);
  }
  out.tables = tables.sort(
    (a, b) =>
      DATASET_FILES.indexOf(a.dataset) - DATASET_FILES.indexOf(b.dataset),
  );
  if (!out.tables.length && !out.errors.length) {
    out.errors.push(
      fileError(
        inputs.map((i) => i.name).join(', ') || '(none)',
        `no dataset file found (expected ${EXPECTED})`,
      ),
    );
  }
  return out;
}

async function expandOne(
  name: string,
  source: ByteSource,
  label: string,
  out: ExpandedInputs,
  zips: yauzl.ZipFile[],
  inZip: boolean,
): Promise<void> {
  const kind = ext(name);
  if (kind === 'csv') {
    const dataset = datasetOf(baseName(name));
    if (!dataset)
      out.errors.push(
        fileError(label, `unknown file name (expected one of ${EXPECTED})`),
      );
    else
      out.tables.push(
        csvTable(label, dataset, source, await estimateRows(source)),
      );
    return;
  }
  if (kind === 'xlsx') return expandWorkbook(name, source, label, out);
  if (kind === 'zip' && !inZip) return expandZip(source, label, out, zips);
  if (kind === 'zip')
    out.errors.push(
      fileError(
        label,
        'a zip inside a zip is not supported; put the CSV files in one zip',
      ),
    );
  else if (kind === 'xls' || kind === 'ods' || !inZip)
    out.errors.push(fileError(label, unsupportedType(name) ?? ''));
  // other entries of a zip (a README, a results export) are not part of the dataset
}

const isZipHead = (b: Buffer): boolean =>
  b.length >= 4 &&
  b[0] === 0x50 &&
  b[1] === 0x4b &&
  (b[2] === 0x03 || b[2] === 0x05) &&
  (b[3] === 0x04 || b[3] === 0x06);

async function expandWorkbook(
  name: string,
  source: ByteSource,
  label: string,
  out: ExpandedInputs,
): Promise<void> {
  if (!isZipHead(await source.head(4))) {
    out.errors.push(
      fileError(
        label,
        'not an .xlsx workbook (save it as Excel Workbook .xlsx; .xls is not supported)',
      ),
    );
    return;
  }
  let sheets;
  try {
    sheets = (await loadWorkbook(await readAll(source))).worksheets;
  } catch (err) {
    out.errors.push(
      fileError(
        label,
        `cannot read the workbook: ${(err as Error).message.split('\n')[0]}`,
      ),
    );
    return;
  }
  const byFileName = datasetOf(baseName(name));
  // Excel adds empty Sheet2/Sheet3: a sheet without any value is not part of the dataset
  const used = sheets.filter((ws) => ws.actualRowCount > 0);
  for (const ws of used) {
    // a one-sheet workbook named like a dataset file (loans.xlsx) may keep Excel's "Sheet1"
    const dataset =
      datasetOf(ws.name) ?? (used.length === 1 ? byFileName : null);
    const sheetLabel = `${label}[${ws.name}]`;
    if (!dataset) {
      out.errors.push(
        fileError(
          sheetLabel,
          `unknown sheet name (expected one of ${DATASET_FILES.join(', ')})`,
        ),
      );
    } else {
      out.tables.push(sheetTable(sheetLabel, dataset, ws));
    }
  }
  if (!used.length)
    out.errors.push(
      fileError(label, 'the workbook has no data (every sheet is empty)'),
    );
}

async function expandZip(
  source: ByteSource,
  label: string,
  out: ExpandedInputs,
  zips: yauzl.ZipFile[],
): Promise<void> {
  const head = await source.head(4);
  if (!isZipHead(head)) {
    out.errors.push(fileError(label, importMessage('NOT_ZIP')));
    return;
  }
  let zip: yauzl.ZipFile;
  try {
    const opts = {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: false,
    };
    zip = source.path
      ? await yauzl.openPromise(source.path, opts)
      : await yauzl.fromBufferPromise(await readAll(source), opts);
  } catch (err) {
    out.errors.push(
      fileError(
        label,
        `cannot read the zip archive: ${(err as Error).message.split('\n')[0]}`,
      ),
    );
    return;
  }
  zips.push(zip);
  const entries: yauzl.Entry[] = [];
  try {
    for await (const e of zip.eachEntry()) {
      const base = e.fileName.split('/').pop() ?? '';
      if (
        e.fileName.endsWith('/') ||
        e.fileName.startsWith('__MACOSX/') ||
        base.startsWith('.')
      )
        continue;
      entries.push(e);
    }
  } catch (err) {
    out.errors.push(
      fileError(
        label,
        `cannot read the zip archive: ${(err as Error).message.split('\n')[0]}`,
      ),
    );
    return;
  }
  if (!entries.length) {
    out.errors.push(
      fileError(
        label,
        importMessage('ZIP_EMPTY', { expected: EXPECTED }),
      ),
    );
    return;
  }
  const mb = (n: number): string =>
    `${Math.round(n / 1048576).toLocaleString('en')} MB`;
  const total = entries.reduce((s, e) => s + e.uncompressedSize, 0);
  if (total > ZIP_LIMITS.maxUnzippedBytes) {
    out.errors.push(
      fileError(
        label,
        importMessage('ZIP_TOO_LARGE', { size: mb(total), limit: mb(ZIP_LIMITS.maxUnzippedBytes) }),
      ),
    );
    return;
  }
  for (const e of entries) {
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > 1048576 && ratio > ZIP_LIMITS.maxRatio) {
      out.errors.push(
        fileError(
          `${label}/${e.fileName}`,
          importMessage('ZIP_BOMB', { ratio: Math.round(ratio), limit: ZIP_LIMITS.maxRatio }),
        ),
      );
      return;
    }
  }
  for (const e of entries.sort((a, b) =>
    a.fileName.localeCompare(b.fileName),
  )) {
    if (!['csv', 'xlsx', 'zip', 'xls', 'ods'].includes(ext(e.fileName)))
      continue;
    await expandOne(
      e.fileName,
      entrySource(zip, e),
      `${label}/${e.fileName}`,
      out,
      zips,
      true,
    );
  }
}

/** An entry of an open zip as a byte source; unpacking stops at the declared size. */
function entrySource(zip: yauzl.ZipFile, entry: yauzl.Entry): ByteSource {
  const open = async (): Promise<Transform> => {
    const raw = await zip.openReadStreamPromise(entry);
    let seen = 0;
    const limit = entry.uncompressedSize;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        seen += chunk.length;
        if (seen > limit)
          return done(
            new Error(
              `${entry.fileName} unpacks to more than the ${limit} bytes it declares; refused`,
            ),
          );
        done(null, chunk);
      },
    });
    raw.on('error', (err) => counter.destroy(err));
    return raw.pipe(counter);
  };
  return {
    size: entry.uncompressedSize,
    open,
    head: async (n) => {
      const s = await open();
      const parts: Buffer[] = [];
      let got = 0;
      for await (const chunk of s) {
        parts.push(chunk as Buffer);
        got += (chunk as Buffer).length;
        if (got >= n) break;
      }
      s.destroy();
      return Buffer.concat(parts).subarray(0, n);
    },
  };
}
