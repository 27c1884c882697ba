import { isPeriod, periodDate, periodRange } from '@sci/shared';
import { mkdirSync } from 'fs';
import { join } from 'path';
import { CsvWriter, flagText, rateText, yuanText } from './csv-writer';
import { toDays } from './dates';
import { generateEnterprises } from './enterprises';
import { loanEnd, loanState, simulateLoans } from './loans';
import { Prng } from './prng';
import { generateApplications, generateDecisions, generatePenalties, generateQualitative } from './supervision';
import { plantSignals, type PlantedFinding, type PlantedRow } from './signals-plant';
import { generateUnits } from './units';

export interface GenerateOptions {
  seed: number;
  /** 1 ≈ 25,000 loan rows a quarter; 40 ≈ 1,000,000 */
  scale: number;
  first: string;
  last: string;
}

export interface GenerateSummary {
  files: Record<string, number>;
  loansPerPeriod: Record<string, number>;
  /** the integrity signals planted in the data (issue 13): exactly what a correct computation finds */
  planted: PlantedFinding[];
}

export const LOAN_HEADER = ['period', 'loan_no', 'institution_code', 'uscc', 'issue_date', 'maturity_date', 'amount', 'balance', 'rate', 'guarantee', 'risk_class', 'first_loan'];

/** Rejects options the generator cannot honour, with a message naming the option. */
export function checkGenerateOptions(o: GenerateOptions): string | null {
  if (!Number.isInteger(o.seed) || o.seed < 0) return `--seed must be a whole number >= 0 (got ${o.seed})`;
  if (!(o.scale > 0 && o.scale <= 100)) return `--scale must be > 0 and <= 100 (got ${o.scale})`;
  if (!isPeriod(o.first)) return `--first must be a period like 2024Q4 (got ${o.first})`;
  if (!isPeriod(o.last)) return `--last must be a period like 2025Q4 (got ${o.last})`;
  if (o.first > o.last) return `--first ${o.first} is after --last ${o.last}`;
  return null;
}

/**
 * Writes a synthetic Shandong province in the exchange format (data-format.md) to `outDir`:
 * ~24 banks of every peer group over the 16 cities, enterprises with valid USCCs and listings,
 * quarterly loan snapshots from `first` to `last`, and the regulator's files with the edge cases
 * the scoring must meet. Deterministic: the same options give the same bytes.
 */
export function generateProvince(outDir: string, o: GenerateOptions): GenerateSummary {
  const problem = checkGenerateOptions(o);
  if (problem) throw new Error(problem);
  mkdirSync(outDir, { recursive: true });
  const rng = new Prng(o.seed);
  const firstYear = Number(o.first.slice(0, 4));
  const lastYear = Number(o.last.slice(0, 4));
  const periods = periodRange(o.first, o.last);
  const years: number[] = [];
  for (let y = firstYear; y <= lastYear; y++) years.push(y);
  const files: Record<string, number> = {};

  const units = generateUnits(rng.fork(11), lastYear);
  const w = new CsvWriter(join(outDir, 'institutions.csv'), ['code', 'name', 'parent_code', 'level', 'bank_code', 'peer_group', 'region_code', 'tech_specialist', 'opened_on']);
  for (const u of units) w.row([u.code, u.name, u.parentCode ?? '', u.level, u.bankCode, u.peerGroup, u.regionCode, flagText(u.techSpecialist), u.openedOn]);
  w.close();
  files['institutions.csv'] = w.rows;

  const { enterprises, qualifications } = generateEnterprises(rng.fork(12), Math.round(400 + 10500 * o.scale), firstYear, lastYear);
  const book = simulateLoans(rng.fork(13), units, enterprises, o);
  // its own stream, so the simulated book is the same with or without the planted patterns
  const plan = plantSignals(rng.fork(17), book, enterprises, qualifications, periods);
  const we = new CsvWriter(join(outDir, 'enterprises.csv'), ['uscc', 'name', 'region_code', 'industry_code', 'strategic_emerging']);
  for (const e of [...enterprises, ...plan.enterprises]) we.row([e.uscc, e.name, e.regionCode, e.industryCode ?? '', flagText(e.strategicEmerging)]);
  we.close();
  files['enterprises.csv'] = we.rows;
  const wq = new CsvWriter(join(outDir, 'qualifications.csv'), ['uscc', 'kind', 'valid_from', 'valid_to']);
  for (const q of [...qualifications, ...plan.qualifications]) wq.row([q.uscc, q.kind, q.validFrom, q.validTo]);
  wq.close();
  files['qualifications.csv'] = wq.rows;

  const loansPerPeriod = writeLoans(join(outDir, 'loans.csv'), book, periods, plan.rows);
  files['loans.csv'] = Object.values(loansPerPeriod).reduce((s, n) => s + n, 0);

  const wql = new CsvWriter(join(outDir, 'qualitative.csv'), ['year', 'institution_code', 'block', 'score', 'evidence']);
  for (const r of generateQualitative(rng.fork(14), units, years)) wql.row([r.year, r.institutionCode, r.block, yuanText(r.scoreCenti), r.evidence ?? '']);
  wql.close();
  files['qualitative.csv'] = wql.rows;

  const wp = new CsvWriter(join(outDir, 'penalties.csv'), ['institution_code', 'decided_on', 'kind', 'reference']);
  for (const r of generatePenalties(units, firstYear, lastYear)) wp.row([r.institutionCode, r.decidedOn, r.kind, r.reference]);
  wp.close();
  files['penalties.csv'] = wp.rows;

  const appYears = years.filter((y) => periods.includes(`${y}Q4`));
  const wa = new CsvWriter(join(outDir, 'applications.csv'), [
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
    'approval_limit',
  ]);
  for (const a of generateApplications(rng.fork(15), units, appYears)) {
    wa.row([
      a.year,
      a.institutionCode,
      flagText(a.designated),
      a.techRmCount,
      ...[a.separateCreditPlan, a.dedicatedPricing, a.independentAccounting, a.riskTolerance, a.approvalChannel, a.performanceAssessment, a.dueDiligenceExemption].map(flagText),
      a.ftpDiscountBp,
      yuanText(a.approvalLimitFen).replace(/\.00$/, ''),
    ]);
  }
  wa.close();
  files['applications.csv'] = wa.rows;

  const registerYears: number[] = [];
  for (let y = Math.min(firstYear, lastYear - 1); y < lastYear; y++) registerYears.push(y);
  const wd = new CsvWriter(join(outDir, 'decisions.csv'), ['year', 'institution_code', 'decision', 'reason']);
  for (const d of generateDecisions(rng.fork(16), units, registerYears)) wd.row([d.year, d.institutionCode, d.decision, d.reason ?? '']);
  wd.close();
  files['decisions.csv'] = wd.rows;
  return { files, loansPerPeriod, planted: plan.findings };
}

/**
 * One snapshot per period (data-format.md, loans.csv): every loan outstanding at the period's
 * date and every loan issued since 1 January of its year, even if repaid (balance 0).
 */
function writeLoans(path: string, loans: ReturnType<typeof simulateLoans>, periods: string[], planted: PlantedRow[]): Record<string, number> {
  const w = new CsvWriter(path, LOAN_HEADER);
  const perPeriod: Record<string, number> = {};
  let alive = loans;
  for (const p of periods) {
    const d = toDays(periodDate(p));
    const yearStart = toDays(`${p.slice(0, 4)}-01-01`);
    // loans that ended before this year and were issued before it never appear again
    alive = alive.filter((l) => l.issue >= yearStart || loanEnd(l) > yearStart);
    const rows: { unit: string; no: string; cells: (string | number)[] }[] = [];
    for (const l of alive) {
      if (l.issue > d) break;
      const s = loanState(l, d);
      if (!s || (s.balanceFen === 0 && l.issue < yearStart)) continue;
      rows.push({
        unit: l.unit,
        no: l.no,
        cells: [p, l.no, l.unit, l.uscc, isoDay(l.issue), isoDay(l.maturity), yuanText(l.amountFen), yuanText(s.balanceFen), rateText(l.rateE4), l.guarantee, s.riskClass, flagText(l.firstLoan)],
      });
    }
    for (const r of planted) {
      if (r.period !== p) continue;
      rows.push({
        unit: r.unit,
        no: r.no,
        cells: [p, r.no, r.unit, r.uscc, r.issue, r.maturity, yuanText(r.amountFen), yuanText(r.balanceFen), rateText(r.rateE4), r.guarantee, r.riskClass, flagText(r.firstLoan)],
      });
    }
    rows.sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : a.no < b.no ? -1 : 1));
    for (const r of rows) w.row(r.cells);
    perPeriod[p] = rows.length;
  }
  w.close();
  return perPeriod;
}

const DAY = 86400000;
const isoDay = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);
