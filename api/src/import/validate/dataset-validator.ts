import { ImportCodedMessage, EnterpriseRow, importMessage, InstitutionRow, LoanRow } from '@sci/shared';
import { ErrorSink } from './error-sink';
import { ParsedTable } from './read-table';
import { checkUnitTree } from './unit-tree';

/** What the validator needs to know about the database: codes that exist already. */
export interface ReferenceLookup {
  /** every unit in the database (a province has thousands at most) */
  institutions(): Promise<InstitutionRow[]>;
  /** every enterprise USCC in the database (tens of thousands) */
  allUsccs(): Promise<Set<string>>;
}

/**
 * The keys the rest of a batch is checked against, once the reference tables (institutions,
 * enterprises) are read: every unit after the batch is applied (database units upserted with the
 * batch's) and every known enterprise. Only keys: the loans stream past them.
 */
export interface References {
  units: Map<string, InstitutionRow>;
  enterpriseKnown(uscc: string): boolean;
}

/**
 * Checks the batch's units (the tree, against the database's) and builds the references
 * (data-format.md): codes must exist in the batch or the database.
 */
export async function buildReferences(
  institutions: ParsedTable<InstitutionRow> | undefined,
  enterprises: ParsedTable<EnterpriseRow> | undefined,
  lookup: ReferenceLookup,
  sink: ErrorSink,
): Promise<References> {
  const units = new Map((await lookup.institutions()).map((u) => [u.code, u]));
  if (institutions) checkInstitutions(institutions, units, sink);
  for (const u of institutions?.rows ?? []) units.set(u.code, u);
  const known = await lookup.allUsccs();
  for (const e of enterprises?.rows ?? []) known.add(e.uscc);
  return { units, enterpriseKnown: (uscc) => known.has(uscc) };
}

/** Reports the rows of a small table whose key references are unknown. */
export function checkReferences<T>(
  t: ParsedTable<T>,
  refs: References,
  sink: ErrorSink,
): void {
  t.rows.forEach((r, i) => {
    const row = r as { uscc?: string; institutionCode?: string };
    if (row.uscc !== undefined && !refs.enterpriseKnown(row.uscc))
      sink.add(
        t.label,
        t.dataset,
        t.lines[i],
        'uscc',
        unknownEnterprise(row.uscc),
      );
    if (
      row.institutionCode !== undefined &&
      !refs.units.has(row.institutionCode)
    ) {
      sink.add(
        t.label,
        t.dataset,
        t.lines[i],
        'institution_code',
        unknownUnit(row.institutionCode),
      );
    }
  });
}

/** Where a loan may be booked and whom it may be lent to; reports and returns false if not. */
export function checkLoan(
  r: LoanRow,
  line: number,
  label: string,
  refs: References,
  sink: ErrorSink,
): boolean {
  let ok = true;
  const u = refs.units.get(r.institutionCode);
  if (!u) {
    sink.add(
      label,
      'loans',
      line,
      'institution_code',
      unknownUnit(r.institutionCode),
    );
    ok = false;
  } else if (u.level === 'head') {
    sink.add(
      label,
      'loans',
      line,
      'institution_code',
      importMessage('LOAN_ON_HEAD', { code: r.institutionCode }),
    );
    ok = false;
  }
  if (!refs.enterpriseKnown(r.uscc)) {
    sink.add(label, 'loans', line, 'uscc', unknownEnterprise(r.uscc));
    ok = false;
  }
  return ok;
}

const unknownUnit = (code: string): ImportCodedMessage => importMessage('UNKNOWN_UNIT_CODE', { code });
const unknownEnterprise = (uscc: string): ImportCodedMessage => importMessage('UNKNOWN_ENTERPRISE', { uscc });

function checkInstitutions(
  t: ParsedTable<InstitutionRow>,
  existing: Map<string, InstitutionRow>,
  sink: ErrorSink,
): void {
  const lineOf = new Map(t.rows.map((u, i) => [u.code, t.lines[i]]));
  for (const p of checkUnitTree(existing, t.rows))
    sink.add(t.label, t.dataset, lineOf.get(p.code) ?? 0, p.column, p.message);
}
