/**
 * Input digests: per table (and per period for loans) a row count, the loan sums and a content
 * hash that does not depend on row order, recorded by the import while it streams the rows and
 * recomputable from the database by streaming the table in any order. Both sides build the same
 * canonical line from the stored column values and fold it with the same combine, so they agree
 * by construction.
 *
 * Combine: each row's line is hashed (SHA-256) and its 256 bits are added lane-wise (8 lanes of
 * 32 bits, each mod 2^32) into the accumulator: a multiset hash (addition is commutative, so the
 * order of rows does not matter, and a duplicated row changes the sum). It detects any accidental
 * change; it is not meant to resist a forger who can choose rows (that needs the database).
 * Pure: the SHA-256 function is passed in (node:crypto in the API), so this file stays free of
 * Node and can be shared.
 */

/** The tables an import writes and the column order of their canonical line (stored columns). */
export const DIGEST_TABLES = {
  institution: {
    perPeriod: false,
    columns: [
      'code',
      'name',
      'parent_code',
      'level',
      'bank_code',
      'peer_group',
      'region_code',
      'tech_specialist',
      'opened_on',
    ],
  },
  enterprise: {
    perPeriod: false,
    columns: [
      'uscc',
      'name',
      'region_code',
      'industry_code',
      'strategic_emerging',
    ],
  },
  qualification: {
    perPeriod: false,
    columns: ['uscc', 'kind', 'valid_from', 'valid_to'],
  },
  loan: {
    perPeriod: true,
    columns: [
      'period',
      'loan_no',
      'institution_code',
      'uscc',
      'issue_date',
      'maturity_date',
      'amount_fen',
      'balance_fen',
      'rate_e4',
      'guarantee',
      'risk_class',
      'first_loan',
    ],
  },
  qualitative_score: {
    perPeriod: false,
    columns: ['year', 'institution_code', 'block', 'score_centi', 'evidence'],
  },
  penalty: {
    perPeriod: false,
    columns: ['institution_code', 'decided_on', 'kind', 'reference'],
  },
  certification_application: {
    perPeriod: false,
    columns: [
      'year',
      'institution_code',
      'designated',
      'tech_rm_count',
      'separate_credit_plan',
      'dedicated_pricing',
      'independent_accounting',
      'risk_tolerance',
      'approval_channel',
      'performance_assessment',
      'due_diligence_exemption',
      'ftp_discount_bp',
      'approval_limit_fen',
    ],
  },
  certification_decision: {
    perPeriod: false,
    columns: ['year', 'institution_code', 'decision', 'reason'],
  },
} as const;

export type DigestTable = keyof typeof DIGEST_TABLES;
export const DIGEST_TABLE_NAMES = Object.keys(DIGEST_TABLES) as DigestTable[];

/** Index of amount_fen / balance_fen in the loan line (the sums the cheap SQL check compares). */
export const LOAN_AMOUNT_INDEX =
  DIGEST_TABLES.loan.columns.indexOf('amount_fen');
export const LOAN_BALANCE_INDEX =
  DIGEST_TABLES.loan.columns.indexOf('balance_fen');

/** A stored value as a driver returns it: MySQL gives BIGINT as a string, SQLite as a number. */
export type DigestValue = string | number | boolean | bigint | null | undefined;

const SEP = '\u001f';
/** NULL is not the empty string; U+0000 cannot occur in a stored text field (the import refuses C0). */
const NULL_TOKEN = '\u0000';

/** One stored value as canonical text: integers in decimal, booleans 1/0, NULL distinct from ''. */
export function canonicalValue(v: DigestValue): string {
  if (v === null || v === undefined) return NULL_TOKEN;
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return v;
}

/** The canonical line of one stored row: its column values in DIGEST_TABLES order. */
export function canonicalLine(values: readonly DigestValue[]): string {
  let s = canonicalValue(values[0]);
  for (let i = 1; i < values.length; i++) s += SEP + canonicalValue(values[i]);
  return s;
}

/** What is recorded for one table (and period): see input_digest. */
export interface InputDigestValue {
  rowCount: number;
  /** SUM(balance_fen) of a period's loans; 0 for other tables */
  sumBalanceFen: number;
  /** SUM(amount_fen) of a period's loans; 0 for other tables */
  sumAmountFen: number;
  /** 64 hex digits */
  contentHash: string;
}

/** A recorded digest row (GET-side shape used by runs). */
export interface InputDigest extends InputDigestValue {
  table: DigestTable;
  /** '' for tables without a period */
  period: string;
  batchId: number | null;
  recordedAt: string;
}

/** SHA-256 of a UTF-8 string: 32 bytes. */
export type Sha256 = (text: string) => Uint8Array;

const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Folds rows in any order into an InputDigestValue. */
export class DigestAccumulator {
  private readonly lanes = new Uint32Array(8);
  private rows = 0;
  private balance = 0;
  private amount = 0;

  constructor(
    private readonly sha256: Sha256,
    private readonly loanSums = false,
  ) {}

  /** Adds one row given as its stored column values (DIGEST_TABLES order). */
  add(values: readonly DigestValue[]): void {
    this.addLine(canonicalLine(values));
    if (this.loanSums) {
      this.balance += Number(values[LOAN_BALANCE_INDEX]);
      this.amount += Number(values[LOAN_AMOUNT_INDEX]);
    }
  }

  /** Adds a row's canonical line (without sums). */
  addLine(line: string): void {
    const h = this.sha256(line);
    const l = this.lanes;
    for (let k = 0; k < 8; k++) {
      const o = k * 4;
      // little-endian 32-bit word k of the row's hash
      const w =
        (h[o] | (h[o + 1] << 8) | (h[o + 2] << 16) | (h[o + 3] << 24)) >>> 0;
      l[k] = (l[k] + w) >>> 0;
    }
    this.rows++;
  }

  get rowCount(): number {
    return this.rows;
  }

  result(): InputDigestValue {
    const lanes = Array.from(this.lanes, (x) =>
      x.toString(16).padStart(8, '0'),
    ).join('');
    return {
      rowCount: this.rows,
      sumBalanceFen: this.balance,
      sumAmountFen: this.amount,
      contentHash: hex(this.sha256(`input-digest/v1|${this.rows}|${lanes}`)),
    };
  }
}
