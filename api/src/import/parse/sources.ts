import JSZip from 'jszip';
import { DATASET_FILES, DatasetFile, ImportError } from '@sci/shared';
import { csvTable } from './csv-table';
import { SourceTable } from './table';
import { loadWorkbook, sheetTable } from './xlsx-table';

/** A file handed to an import: read from a folder or uploaded. */
export interface ImportInput {
  name: string;
  bytes: Uint8Array;
}

export interface ExpandedInputs {
  tables: SourceTable[];
  /** problems with the files themselves (unknown names, unreadable archives...) */
  errors: ImportError[];
}

/** Upper bound of what a zip may unpack to, against zip bombs. */
const MAX_UNZIPPED = 2 * 1024 * 1024 * 1024;
const EXPECTED = DATASET_FILES.map((f) => `${f}.csv`).join(', ');

export function datasetOf(baseName: string): DatasetFile | null {
  const n = baseName.trim().toLowerCase();
  return (DATASET_FILES as readonly string[]).includes(n) ? (n as DatasetFile) : null;
}

function ext(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

function baseName(path: string): string {
  const b = path.split('/').pop() ?? path;
  return b.replace(/\.[A-Za-z0-9]+$/, '');
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const fileError = (file: string, message: string): ImportError => ({ file, line: 0, column: '', message });

/**
 * Turns the files of a batch into tables: CSV files by name, every sheet of a workbook by sheet
 * name, and the CSV/XLSX entries of a zip (any folder inside it). A dataset file given twice,
 * an unknown file or sheet name, or an unreadable archive is an error of the batch.
 */
export async function expandInputs(inputs: ImportInput[]): Promise<ExpandedInputs> {
  const out: ExpandedInputs = { tables: [], errors: [] };
  for (const input of inputs) await expandOne(input.name, input.bytes, input.name, out, false);
  const seen = new Map<DatasetFile, string>();
  const tables: SourceTable[] = [];
  for (const t of out.tables) {
    const first = seen.get(t.dataset);
    if (first) {
      out.errors.push(fileError(t.label, `${t.dataset} is given twice in this import (also ${first}); send each file once`));
      continue;
    }
    seen.set(t.dataset, t.label);
    tables.push(t);
  }
  out.tables = tables.sort((a, b) => DATASET_FILES.indexOf(a.dataset) - DATASET_FILES.indexOf(b.dataset));
  if (!out.tables.length && !out.errors.length) {
    out.errors.push(fileError(inputs.map((i) => i.name).join(', ') || '(none)', `no dataset file found (expected ${EXPECTED})`));
  }
  return out;
}

async function expandOne(name: string, bytes: Uint8Array, label: string, out: ExpandedInputs, inZip: boolean): Promise<void> {
  const kind = ext(name);
  if (kind === 'csv') {
    const dataset = datasetOf(baseName(name));
    if (!dataset) out.errors.push(fileError(label, `unknown file name (expected one of ${EXPECTED})`));
    else out.tables.push(csvTable(label, dataset, bytes));
    return;
  }
  if (kind === 'xlsx') return expandWorkbook(name, bytes, label, out);
  if (kind === 'zip' && !inZip) return expandZip(bytes, label, out);
  if (kind === 'zip') out.errors.push(fileError(label, 'a zip inside a zip is not supported; put the CSV files in one zip'));
  else if (!inZip) out.errors.push(fileError(label, 'unsupported file type (expected .csv, .xlsx or .zip)'));
  // other entries of a zip (a README, a results export) are not part of the dataset
}

async function expandWorkbook(name: string, bytes: Uint8Array, label: string, out: ExpandedInputs): Promise<void> {
  if (!isZip(bytes)) {
    out.errors.push(fileError(label, 'not an .xlsx workbook (save it as Excel Workbook .xlsx; .xls is not supported)'));
    return;
  }
  let sheets;
  try {
    sheets = (await loadWorkbook(bytes)).worksheets;
  } catch (err) {
    out.errors.push(fileError(label, `cannot read the workbook: ${(err as Error).message.split('\n')[0]}`));
    return;
  }
  const byFileName = datasetOf(baseName(name));
  for (const ws of sheets) {
    // a one-sheet workbook named like a dataset file (loans.xlsx) may keep Excel's "Sheet1"
    const dataset = datasetOf(ws.name) ?? (sheets.length === 1 ? byFileName : null);
    const sheetLabel = `${label}[${ws.name}]`;
    if (!dataset) {
      out.errors.push(fileError(sheetLabel, `unknown sheet name (expected one of ${DATASET_FILES.join(', ')})`));
    } else {
      out.tables.push(sheetTable(sheetLabel, dataset, ws));
    }
  }
}

async function expandZip(bytes: Uint8Array, label: string, out: ExpandedInputs): Promise<void> {
  if (!isZip(bytes)) {
    out.errors.push(fileError(label, 'not a zip archive'));
    return;
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    out.errors.push(fileError(label, `cannot read the zip archive: ${(err as Error).message.split('\n')[0]}`));
    return;
  }
  const entries = Object.values(zip.files).filter(
    (e) => !e.dir && !e.name.startsWith('__MACOSX/') && !(e.name.split('/').pop() ?? '').startsWith('.'),
  );
  const unzipped = entries.reduce((s, e) => s + ((e as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (unzipped > MAX_UNZIPPED) {
    out.errors.push(fileError(label, `the archive unpacks to ${Math.round(unzipped / 1048576)} MB, more than allowed`));
    return;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!['csv', 'xlsx', 'zip'].includes(ext(e.name))) continue;
    let content: Uint8Array;
    try {
      content = await e.async('uint8array');
    } catch (err) {
      out.errors.push(fileError(`${label}/${e.name}`, `cannot unpack: ${(err as Error).message.split('\n')[0]}`));
      continue;
    }
    await expandOne(e.name, content, `${label}/${e.name}`, out, true);
  }
}
