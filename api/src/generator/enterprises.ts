import type { EnterpriseRow, QualificationKind, QualificationRow } from '@sci/shared';
import { usccCheckChar } from '../import/validate/uscc';
import { CITIES, NAME_WORDS, OTHER_INDUSTRIES, TECH_INDUSTRIES } from './province';
import { Prng } from './prng';
import { addDays, addYears } from './dates';

export interface GeneratedEnterprise extends EnterpriseRow {
  index: number;
  /** strategic emerging or listed at some time: the simulation's idea of a tech borrower */
  tech: boolean;
  /** holds an SME-type listing (tech_sme, innovative_sme, srdi_sme, little_giant) */
  smeTech: boolean;
  /** has borrowed before (first_loan flag); set by the loan simulation */
  borrowed: boolean;
}

const SME_KINDS: QualificationKind[] = ['tech_sme', 'innovative_sme', 'srdi_sme', 'little_giant'];
const KIND_WEIGHTS: [QualificationKind, number][] = [
  ['high_tech', 22],
  ['tech_sme', 24],
  ['innovative_sme', 20],
  ['srdi_sme', 20],
  ['little_giant', 8],
];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** A GB 11714 organisation code (8 digits + check character) from a number. */
export function organisationCode(n: number): string {
  const body = String(n % 100000000).padStart(8, '0');
  const sum = [...body].reduce((s, ch, i) => s + Number(ch) * ORG_WEIGHTS[i], 0);
  const c = 11 - (sum % 11);
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

/** A valid USCC of an enterprise (registration 9, type 1) in a city, unique per index. */
export function makeUscc(region: string, index: number, salt: number): string {
  // 7919 is prime to 10^8, so distinct indexes give distinct organisation codes
  const first17 = `91${region}${organisationCode((index * 7919 + salt) % 100000000)}`;
  return first17 + usccCheckChar(first17);
}

export function generateEnterprises(rng: Prng, count: number, firstYear: number, lastYear: number): { enterprises: GeneratedEnterprise[]; qualifications: QualificationRow[] } {
  const enterprises: GeneratedEnterprise[] = [];
  const qualifications: QualificationRow[] = [];
  const cityWeights = CITIES.map((c) => [c, c.weight] as const);
  const salt = rng.int(0, 99999);
  for (let i = 0; i < count; i++) {
    const city = rng.weighted(cityWeights);
    const strategic = rng.chance(0.12);
    const listed = rng.chance(0.42);
    const techish = strategic || listed;
    const industry = rng.chance(0.07) ? null : rng.pick(techish && rng.chance(0.7) ? TECH_INDUSTRIES : OTHER_INDUSTRIES);
    const word = rng.pick(NAME_WORDS);
    const kindWord = techish ? rng.pick(['科技', '技术', '智造']) : rng.pick(['实业', '制造', '贸易', '工程']);
    const e: GeneratedEnterprise = {
      index: i,
      uscc: makeUscc(city.code, i, salt),
      name: `山东${city.name}${word}${kindWord}${String(i).padStart(5, '0')}有限公司`,
      regionCode: city.code,
      industryCode: industry,
      strategicEmerging: strategic,
      tech: techish,
      smeTech: false,
      borrowed: false,
    };
    if (listed) {
      const n = rng.chance(0.3) ? 2 : 1;
      const kinds = new Set<QualificationKind>();
      for (let k = 0; k < n; k++) kinds.add(rng.weighted(KIND_WEIGHTS));
      for (const kind of kinds) {
        // listings run three years and are mostly renewed; a fifth lapse, some start late
        let from = addDays(`${rng.int(firstYear - 4, lastYear)}-01-01`, rng.int(0, 364));
        const renewed = rng.chance(0.8);
        for (;;) {
          const to = addDays(addYears(from, 3), -1);
          qualifications.push({ uscc: e.uscc, kind, validFrom: from, validTo: to });
          if (!renewed || to > `${lastYear}-12-31`) break;
          from = addDays(to, rng.int(1, 20));
        }
        if (SME_KINDS.includes(kind)) e.smeTech = true;
      }
    }
    enterprises.push(e);
  }
  return { enterprises, qualifications };
}
