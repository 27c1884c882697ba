import {
  ApplicationRow,
  DatasetFile,
  DecisionRow,
  EnterpriseRow,
  InstitutionRow,
  LoanRow,
  PenaltyRow,
  QualificationRow,
  QualitativeRow,
} from '@sci/shared';
import { SourceTable } from '../parse/table';
import { ErrorSink } from './error-sink';
import { FILE_SPECS } from './file-specs';
import { ParsedTable, readTable } from './read-table';
import { checkUnitTree } from './unit-tree';

/** What the validator needs to know about the database: codes that exist already. */
export interface ReferenceLookup {
  /** every unit in the database (a province has thousands at most) */
  institutions(): Promise<InstitutionRow[]>;
  /** which of these USCCs are enterprises in the database */
  existingUsccs(usccs: string[]): Promise<Set<string>>;
}

/** The valid rows of a batch, per dataset file present in it. */
export interface ValidatedDataset {
  institutions?: ParsedTable<InstitutionRow>;
  enterprises?: ParsedTable<EnterpriseRow>;
  qualifications?: ParsedTable<QualificationRow>;
  loans?: ParsedTable<LoanRow>;
  qualitative?: ParsedTable<QualitativeRow>;
  penalties?: ParsedTable<PenaltyRow>;
  applications?: ParsedTable<ApplicationRow>;
  decisions?: ParsedTable<DecisionRow>;
  /** every unit after the batch is applied (database units upserted with the batch's) */
  units: Map<string, InstitutionRow>;
}

/**
 * Validates the tables of a batch (data-format.md): each row on its own, then the references
 * between files and to the database (codes must exist in the batch or the database), the unit
 * tree, and where loans may be booked. Every error goes to the sink; the dataset is only stored
 * when the sink stays empty.
 */
export async function validateDataset(
  tables: SourceTable[],
  lookup: ReferenceLookup,
  sink: ErrorSink,
  onRows: (n: number) => void,
): Promise<ValidatedDataset> {
  const data = { units: new Map() } as ValidatedDataset;
  for (const table of tables) {
    (data as Record<DatasetFile, ParsedTable<unknown>>)[table.dataset] = await readTable(table, FILE_SPECS[table.dataset], sink, onRows);
  }
  const units = new Map((await lookup.institutions()).map((u) => [u.code, u]));
  data.units = units;
  if (data.institutions) checkInstitutions(data.institutions, units, sink);
  for (const u of data.institutions?.rows ?? []) units.set(u.code, u);
  const enterpriseKnown = await enterpriseLookup(data, lookup);
  if (data.qualifications) {
    const t = data.qualifications;
    t.rows.forEach((r, i) => {
      if (!enterpriseKnown(r.uscc)) sink.add(t.label, t.dataset, t.lines[i], 'uscc', unknownEnterprise(r.uscc));
    });
  }
  if (data.loans) {
    // one pass over the (large) loans file for both references
    const t = data.loans;
    const rows = t.rows;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const u = units.get(r.institutionCode);
      if (!u) sink.add(t.label, t.dataset, t.lines[i], 'institution_code', unknownUnit(r.institutionCode));
      else if (u.level === 'head') {
        sink.add(t.label, t.dataset, t.lines[i], 'institution_code', `${r.institutionCode} is a head unit; loans are booked on city or outlet units`);
      }
      if (!enterpriseKnown(r.uscc)) sink.add(t.label, t.dataset, t.lines[i], 'uscc', unknownEnterprise(r.uscc));
    }
  }
  for (const t of [data.qualitative, data.penalties, data.applications, data.decisions]) {
    if (!t) continue;
    (t.rows as { institutionCode: string }[]).forEach((r, i) => {
      if (!units.has(r.institutionCode)) sink.add(t.label, t.dataset, t.lines[i], 'institution_code', unknownUnit(r.institutionCode));
    });
  }
  return data;
}

const unknownUnit = (code: string): string => `unknown unit ${code} (not in institutions of this import or the database)`;

function checkInstitutions(t: ParsedTable<InstitutionRow>, existing: Map<string, InstitutionRow>, sink: ErrorSink): void {
  const lineOf = new Map(t.rows.map((u, i) => [u.code, t.lines[i]]));
  for (const p of checkUnitTree(existing, t.rows)) sink.add(t.label, t.dataset, lineOf.get(p.code) ?? 0, p.column, p.message);
}

const unknownEnterprise = (uscc: string): string => `unknown enterprise ${uscc} (not in enterprises of this import or the database)`;

/** Whether a USCC is an enterprise of the batch or of the database (one query per 5000 others). */
async function enterpriseLookup(data: ValidatedDataset, lookup: ReferenceLookup): Promise<(uscc: string) => boolean> {
  const known = new Set(data.enterprises?.rows.map((e) => e.uscc));
  const others = new Set<string>();
  for (const t of [data.qualifications, data.loans]) {
    if (!t) continue;
    for (const r of t.rows as { uscc: string }[]) if (!known.has(r.uscc)) others.add(r.uscc);
  }
  const inDb = others.size ? await lookup.existingUsccs([...others]) : new Set<string>();
  return (uscc) => known.has(uscc) || inDb.has(uscc);
}
