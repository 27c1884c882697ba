import { ImportCodedMessage, DATASET_FILES, DatasetFile, IMPORT_ERROR_CAP, ImportError } from '@sci/shared';

interface Ranked extends ImportError {
  rank: number;
  seq: number;
}

/**
 * Collects every error of a batch: counts all of them, keeps the first `cap` of each file
 * (memory stays bounded when a million rows are wrong) and hands them back ordered by dataset
 * file, line and discovery order.
 */
export class ErrorSink {
  private readonly kept: Ranked[] = [];
  private readonly perFile = new Map<string, number>();
  private seq = 0;
  count = 0;

  constructor(private readonly cap = IMPORT_ERROR_CAP) {}

  add(file: string, dataset: DatasetFile | null, line: number, column: string, text: string | ImportCodedMessage): void {
    this.count++;
    const n = this.perFile.get(file) ?? 0;
    if (n >= this.cap) return;
    this.perFile.set(file, n + 1);
    const rank = dataset ? DATASET_FILES.indexOf(dataset) : -1;
    const coded = typeof text === 'string' ? {} : { code: text.code, params: text.params };
    const message = typeof text === 'string' ? text : text.message;
    this.kept.push({ file, line, column, message, ...coded, rank, seq: this.seq++ });
  }

  addError(e: ImportError): void {
    this.add(e.file, null, e.line, e.column, e.code ? ({ code: e.code, params: e.params ?? {}, message: e.message } as ImportCodedMessage) : e.message);
  }

  errors(): ImportError[] {
    return this.kept
      .sort((a, b) => a.rank - b.rank || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.seq - b.seq)
      .slice(0, this.cap)
      .map(({ rank: _rank, seq: _seq, ...e }) => e);
  }
}
