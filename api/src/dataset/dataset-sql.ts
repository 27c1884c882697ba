import type {
  ApplicationRow,
  DecisionRow,
  EnterpriseRow,
  InstitutionRow,
  LoanRow,
  PenaltyRow,
  QualificationRow,
  QualitativeRow,
} from '@sci/shared';

/**
 * The SQL that stores a validated batch, as a sequence of statements, so one description serves
 * both drivers: SQLite runs it synchronously in one transaction, MySQL on one connection.
 * Multi-row INSERTs in chunks: at most 30000 parameters a statement (SQLite's limit is 32766)
 * and a few hundred kB of SQL (far below MySQL's max_allowed_packet).
 */
export type SqlDialect = 'sqlite' | 'mysql';
export type SqlValue = string | number | null;

export interface SqlStatement {
  sql: string;
  params: SqlValue[];
  /** loan rows this statement writes, for progress */
  loanRows?: number;
}

export interface DatasetWrite {
  institutions?: InstitutionRow[];
  /** the whole closure of the unit tree after the write, when institutions change */
  closure?: [string, string, number][];
  enterprises?: EnterpriseRow[];
  qualifications?: QualificationRow[];
  /** periods whose snapshot the loans replace */
  loanPeriods?: string[];
  loans?: LoanRow[];
  qualitative?: QualitativeRow[];
  penalties?: PenaltyRow[];
  applications?: ApplicationRow[];
  decisions?: DecisionRow[];
}

const MAX_PARAMS = 30000;
const MAX_ROWS = 1000;
const b = (v: boolean): number => (v ? 1 : 0);

export function chunkRows(columns: number): number {
  return Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns)));
}

function valuesSql(rows: number, cols: number): string {
  const one = `(${new Array(cols).fill('?').join(',')})`;
  return new Array(rows).fill(one).join(',');
}

/** INSERT … VALUES (…),(…) [upsert clause] in chunks. `update` empty = keep the existing row. */
export function* insertRows(
  dialect: SqlDialect,
  table: string,
  columns: string[],
  rows: SqlValue[][],
  conflict?: { key: string[]; update: string[] },
  isLoans = false,
): Generator<SqlStatement> {
  const head = `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(',')}) VALUES `;
  let tail = '';
  if (conflict && dialect === 'sqlite') {
    const target = conflict.key.map((c) => `\`${c}\``).join(',');
    tail = conflict.update.length
      ? ` ON CONFLICT(${target}) DO UPDATE SET ${conflict.update.map((c) => `\`${c}\`=excluded.\`${c}\``).join(',')}`
      : ` ON CONFLICT(${target}) DO NOTHING`;
  } else if (conflict) {
    const set = conflict.update.length ? conflict.update : [conflict.key[0]];
    tail = ` ON DUPLICATE KEY UPDATE ${set.map((c) => (conflict.update.length ? `\`${c}\`=VALUES(\`${c}\`)` : `\`${c}\`=\`${c}\``)).join(',')}`;
  }
  const size = chunkRows(columns.length);
  const full = head + valuesSql(size, columns.length) + tail;
  for (let i = 0; i < rows.length; i += size) {
    const part = rows.slice(i, i + size);
    const params: SqlValue[] = [];
    for (const r of part) for (const v of r) params.push(v);
    yield {
      sql:
        part.length === size
          ? full
          : head + valuesSql(part.length, columns.length) + tail,
      params,
      loanRows: isLoans ? part.length : undefined,
    };
  }
}

export const LOAN_COLUMNS = [
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
];

export function loanValues(r: LoanRow): SqlValue[] {
  return [
    r.period,
    r.loanNo,
    r.institutionCode,
    r.uscc,
    r.issueDate,
    r.maturityDate,
    r.amountFen,
    r.balanceFen,
    r.rateE4,
    r.guarantee,
    r.riskClass,
    b(r.firstLoan),
  ];
}

/** The loans, the bulk of a batch: parameters filled straight from the rows (no array per row). */
function* insertLoans(loans: LoanRow[]): Generator<SqlStatement> {
  const cols = LOAN_COLUMNS.length;
  const size = chunkRows(cols);
  const head = `INSERT INTO \`loan\` (${LOAN_COLUMNS.map((c) => `\`${c}\``).join(',')}) VALUES `;
  const full = head + valuesSql(size, cols);
  for (let i = 0; i < loans.length; i += size) {
    const n = Math.min(size, loans.length - i);
    const params: SqlValue[] = new Array(n * cols);
    let k = 0;
    for (let j = i; j < i + n; j++) {
      const r = loans[j];
      params[k++] = r.period;
      params[k++] = r.loanNo;
      params[k++] = r.institutionCode;
      params[k++] = r.uscc;
      params[k++] = r.issueDate;
      params[k++] = r.maturityDate;
      params[k++] = r.amountFen;
      params[k++] = r.balanceFen;
      params[k++] = r.rateE4;
      params[k++] = r.guarantee;
      params[k++] = r.riskClass;
      params[k++] = r.firstLoan ? 1 : 0;
    }
    yield {
      sql: n === size ? full : head + valuesSql(n, cols),
      params,
      loanRows: n,
    };
  }
}

/** Every statement of a batch, in dependency order. */
export function* datasetStatements(
  d: SqlDialect,
  w: DatasetWrite,
): Generator<SqlStatement> {
  if (w.institutions?.length) {
    const cols = [
      'code',
      'name',
      'parent_code',
      'level',
      'bank_code',
      'peer_group',
      'region_code',
      'tech_specialist',
      'opened_on',
    ];
    const rows = w.institutions.map((u) => [
      u.code,
      u.name,
      u.parentCode,
      u.level,
      u.bankCode,
      u.peerGroup,
      u.regionCode,
      b(u.techSpecialist),
      u.openedOn,
    ]);
    yield* insertRows(d, 'institution', cols, rows, {
      key: ['code'],
      update: cols.slice(1),
    });
  }
  if (w.closure) {
    yield { sql: 'DELETE FROM `institution_closure`', params: [] };
    yield* insertRows(
      d,
      'institution_closure',
      ['ancestor_code', 'descendant_code', 'depth'],
      w.closure,
    );
  }
  if (w.enterprises?.length) {
    const cols = [
      'uscc',
      'name',
      'region_code',
      'industry_code',
      'strategic_emerging',
    ];
    const rows = w.enterprises.map((e) => [
      e.uscc,
      e.name,
      e.regionCode,
      e.industryCode,
      b(e.strategicEmerging),
    ]);
    yield* insertRows(d, 'enterprise', cols, rows, {
      key: ['uscc'],
      update: cols.slice(1),
    });
  }
  if (w.qualifications?.length) {
    const rows = w.qualifications.map((q) => [
      q.uscc,
      q.kind,
      q.validFrom,
      q.validTo,
    ]);
    yield* insertRows(
      d,
      'qualification',
      ['uscc', 'kind', 'valid_from', 'valid_to'],
      rows,
      { key: ['uscc', 'kind', 'valid_from'], update: ['valid_to'] },
    );
  }
  if (w.loanPeriods?.length) {
    yield {
      sql: `DELETE FROM \`loan\` WHERE \`period\` IN (${w.loanPeriods.map(() => '?').join(',')})`,
      params: w.loanPeriods,
    };
  }
  if (w.loans?.length) yield* insertLoans(w.loans);
  if (w.qualitative?.length) {
    const rows = w.qualitative.map((q) => [
      q.year,
      q.institutionCode,
      q.block,
      q.scoreCenti,
      q.evidence,
    ]);
    yield* insertRows(
      d,
      'qualitative_score',
      ['year', 'institution_code', 'block', 'score_centi', 'evidence'],
      rows,
      {
        key: ['year', 'institution_code', 'block'],
        update: ['score_centi', 'evidence'],
      },
    );
  }
  if (w.penalties?.length) {
    const cols = ['institution_code', 'decided_on', 'kind', 'reference'];
    const rows = w.penalties.map((p) => [
      p.institutionCode,
      p.decidedOn,
      p.kind,
      p.reference,
    ]);
    yield* insertRows(d, 'penalty', cols, rows, { key: cols, update: [] });
  }
  if (w.applications?.length) {
    const cols = [
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
      'source',
      'status',
      'submitted_by',
      'submitted_at',
    ];
    const rows = w.applications.map((a) => [
      a.year,
      a.institutionCode,
      b(a.designated),
      a.techRmCount,
      b(a.separateCreditPlan),
      b(a.dedicatedPricing),
      b(a.independentAccounting),
      b(a.riskTolerance),
      b(a.approvalChannel),
      b(a.performanceAssessment),
      b(a.dueDiligenceExemption),
      a.ftpDiscountBp,
      a.approvalLimitFen,
      'import',
      'submitted',
      null,
      null,
    ]);
    yield* insertRows(d, 'certification_application', cols, rows, {
      key: ['year', 'institution_code'],
      update: cols.slice(2),
    });
  }
  if (w.decisions?.length) {
    // an imported decision replaces a confirmation made in the application, with its trail
    const cols = [
      'year',
      'institution_code',
      'decision',
      'reason',
      'recommendation',
      'source',
      'decided_by',
      'decided_at',
    ];
    const rows = w.decisions.map((x) => [
      x.year,
      x.institutionCode,
      x.decision,
      x.reason,
      null,
      'import',
      null,
      null,
    ]);
    yield* insertRows(d, 'certification_decision', cols, rows, {
      key: ['year', 'institution_code'],
      update: cols.slice(2),
    });
  }
}

/** (ancestor, descendant, depth) for every unit and each of its ancestors, itself at depth 0. */
export function closureOf(
  units: Iterable<{ code: string; parentCode: string | null }>,
): [string, string, number][] {
  const parent = new Map<string, string | null>();
  for (const u of units) parent.set(u.code, u.parentCode);
  const out: [string, string, number][] = [];
  for (const code of parent.keys()) {
    let depth = 0;
    let at: string | null | undefined = code;
    // the tree is validated acyclic; the bound only guards against a corrupt database
    while (at && depth <= parent.size) {
      out.push([at, code, depth]);
      at = parent.get(at);
      depth++;
    }
  }
  return out;
}
