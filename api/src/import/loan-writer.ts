import { yieldToEventLoop } from './parse/table';
import { LoanRow } from '@sci/shared';
import { LOAN_COLUMNS, loanValues, SqlValue } from '../dataset/dataset-sql';
import {
  DigestRecord,
  digestAccumulator,
} from '../dataset/input-digest.repository';
import type { WriteSession } from '../dataset/write-session';
import type { DigestAccumulator } from '@sci/shared';
import { RowStream, duplicateMessage } from './validate/read-table';
import { checkLoan, References } from './validate/dataset-validator';
import { ErrorSink } from './validate/error-sink';
import { LOANS } from './validate/file-specs';
import { KeyLines } from './validate/key-set';

/** Rows a multi-row INSERT: 12 columns × 1000 = 12,000 parameters (SQLite allows 32,766). */
const ROWS_PER_INSERT = 1000;
/** Rows buffered before the reader waits for them to be written. */
const FLUSH_ROWS = 10000;

/**
 * The loans of a batch, checked and written as they stream in, inside the import's transaction:
 * a period's old rows are deleted the first time the file names it (an import replaces a period
 * whole), rows go out in large prepared multi-row INSERTs, and each period's digest is folded from
 * exactly the values written. Memory holds the current buffer and the keys (KeyLines), not the rows.
 */
export class LoanWriter implements RowStream<LoanRow> {
  private buffer: LoanRow[] = [];
  private readonly suspects: { row: LoanRow; line: number; first: number }[] =
    [];
  private readonly keys = new KeyLines();
  private readonly digests = new Map<string, DigestAccumulator>();
  private readonly newPeriods: string[] = [];
  private flushing: Promise<void> | null = null;
  private readonly fullSql: string;
  private readonly params: SqlValue[] = new Array(
    ROWS_PER_INSERT * LOAN_COLUMNS.length,
  );

  constructor(
    private readonly session: WriteSession,
    private readonly label: string,
    private readonly refs: References,
    private readonly sink: ErrorSink,
    private readonly onWritten: (n: number) => void = () => undefined,
  ) {
    this.fullSql = insertSql(ROWS_PER_INSERT);
  }

  row(r: LoanRow, line: number, key: string): void {
    if (!checkLoan(r, line, this.label, this.refs, this.sink)) return;
    if (!this.digests.has(r.period)) {
      this.digests.set(r.period, digestAccumulator('loan'));
      this.newPeriods.push(r.period);
    }
    const first = this.keys.seen(key, line);
    if (first) this.suspects.push({ row: r, line, first });
    else this.buffer.push(r);
  }

  drain(): Promise<void> | undefined {
    if (this.buffer.length < FLUSH_ROWS && !this.suspects.length)
      return undefined;
    return this.flush();
  }

  /** Writes what is buffered; then settles the suspected duplicates against what is stored. */
  async flush(): Promise<void> {
    if (this.flushing) await this.flushing;
    this.flushing = this.write();
    try {
      await this.flushing;
    } finally {
      this.flushing = null;
    }
  }

  /** One digest per period the file named, of the rows written. */
  result(): DigestRecord[] {
    return [...this.digests].map(([period, acc]) => ({
      table: 'loan',
      period,
      value: acc.result(),
    }));
  }

  private async write(): Promise<void> {
    for (const p of this.newPeriods.splice(0))
      await this.session.run('DELETE FROM `loan` WHERE `period` = ?', [p]);
    const rows = this.buffer;
    this.buffer = [];
    await this.insert(rows);
    for (const s of this.suspects.splice(0)) {
      const k = s.row;
      const found = await this.session.query(
        'SELECT 1 AS x FROM `loan` WHERE `period` = ? AND `institution_code` = ? AND `loan_no` = ?',
        [k.period, k.institutionCode, k.loanNo],
      );
      if (found.length)
        this.sink.add(
          this.label,
          'loans',
          s.line,
          LOANS.keyColumn,
          duplicateMessage(LOANS, s.row, s.first),
        );
      else await this.insert([s.row]); // two keys with one 52-bit hash: not a duplicate
    }
  }

  private async insert(rows: LoanRow[]): Promise<void> {
    const cols = LOAN_COLUMNS.length;
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const n = Math.min(ROWS_PER_INSERT, rows.length - i);
      const params =
        n === ROWS_PER_INSERT ? this.params : new Array<SqlValue>(n * cols);
      let k = 0;
      for (let j = i; j < i + n; j++) {
        const values = loanValues(rows[j]);
        this.digests.get(rows[j].period)!.add(values);
        for (let c = 0; c < cols; c++) params[k++] = values[c];
      }
      await this.session.run(
        n === ROWS_PER_INSERT ? this.fullSql : insertSql(n),
        params,
      );
      this.onWritten(n);
      // SQLite runs a statement synchronously: give the event loop a turn between statements
      await yieldToEventLoop();
    }
  }
}

function insertSql(rows: number): string {
  const one = `(${LOAN_COLUMNS.map(() => '?').join(',')})`;
  return `INSERT INTO \`loan\` (${LOAN_COLUMNS.map((c) => `\`${c}\``).join(',')}) VALUES ${new Array(rows).fill(one).join(',')}`;
}
