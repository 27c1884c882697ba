import type { QualificationKind } from '../format/enums';
import type { EnterpriseRow, QualificationRow } from '../format/rows';

/** Qualification kinds that make a borrower an SME-tech borrower (K4). */
export const SME_TECH_KINDS: readonly QualificationKind[] = [
  'tech_sme',
  'innovative_sme',
  'srdi_sme',
  'little_giant',
];

/** Borrower status at a date: tech (strategic emerging or any valid qualification) and SME-tech. */
export interface BorrowerStatus {
  tech: boolean;
  smeTech: boolean;
}

/** A qualification counts on d when valid_from <= d <= valid_to (ISO dates compare as strings). */
const validOn = (
  d: string,
  q: Pick<QualificationRow, 'validFrom' | 'validTo'>,
): boolean => q.validFrom <= d && d <= q.validTo;

/**
 * Spec section 1, the one home of the tech-status rule: a borrower is tech at date d when it is
 * strategic emerging or holds any qualification valid on d, SME-tech when one of those is an
 * SME kind (SME_TECH_KINDS).
 */
export function borrowerStatusOf(
  d: string,
  strategicEmerging: boolean,
  qualifications: readonly Pick<
    QualificationRow,
    'kind' | 'validFrom' | 'validTo'
  >[],
): BorrowerStatus {
  const s: BorrowerStatus = { tech: strategicEmerging, smeTech: false };
  for (const q of qualifications) {
    if (!validOn(d, q)) continue;
    s.tech = true;
    if (SME_TECH_KINDS.includes(q.kind)) s.smeTech = true;
  }
  return s;
}

/**
 * Status of every enterprise at date d (YYYY-MM-DD), by borrowerStatusOf. Enterprises absent
 * from the list are neither tech nor SME-tech unless a qualification says so.
 */
export function borrowerStatusAt(
  d: string,
  enterprises: readonly Pick<EnterpriseRow, 'uscc' | 'strategicEmerging'>[],
  qualifications: readonly QualificationRow[],
): Map<string, BorrowerStatus> {
  const byUscc = new Map<string, QualificationRow[]>();
  for (const q of qualifications) {
    if (!validOn(d, q)) continue;
    const list = byUscc.get(q.uscc);
    if (list) list.push(q);
    else byUscc.set(q.uscc, [q]);
  }
  const status = new Map<string, BorrowerStatus>();
  for (const e of enterprises)
    status.set(
      e.uscc,
      borrowerStatusOf(d, e.strategicEmerging, byUscc.get(e.uscc) ?? []),
    );
  for (const [uscc, qs] of byUscc)
    if (!status.has(uscc)) status.set(uscc, borrowerStatusOf(d, false, qs));
  return status;
}
