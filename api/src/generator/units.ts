import type { InstitutionRow } from '@sci/shared';
import { BANKS, CITIES, cityName } from './province';
import { Prng } from './prng';

/**
 * How a unit lends in the simulation: `star` units are large designated sci-tech sub-branches
 * meant to pass every certification check; `notech` units lend to no tech enterprise; `dormant`
 * lends nothing (NO_LOANS); `npl` lets tech loans go bad (NPL_OVER_TOLERANCE); `new` opens
 * mid-year; `desk` is a city branch's own corporate lending.
 */
export type UnitProfile = 'star' | 'tech' | 'regular' | 'notech' | 'dormant' | 'npl' | 'new' | 'desk';

export interface GeneratedUnit extends InstitutionRow {
  profile: UnitProfile;
  /** relative lending volume */
  weight: number;
}

/** Special units by code, so tests and the demo can point at them. */
export const STAR_UNITS = ['ICBC-370100-STAR', 'CMB-370200-STAR', 'QLB-370100-STAR'];
export const NEW_UNIT = 'QLB-370600-NEW';
export const DORMANT_UNIT = 'PSBC-371700-09';
export const NPL_UNIT = 'BOC-370700-01';
/** Outlets that lend to no tech enterprise (K1 = 0 while they have loans). */
export const NOTECH_UNITS = [
  ['ABC-371500-08', '农业银行聊城支行8', 'ABC-371500'],
  ['PSBC-371600-08', '邮储银行滨州支行8', 'PSBC-371600'],
  ['CCB-371700-08', '建设银行菏泽支行8', 'CCB-371700'],
] as const;

export function generateUnits(rng: Prng, lastYear: number): GeneratedUnit[] {
  const units: GeneratedUnit[] = [];
  for (const bank of BANKS) {
    const headName = bank.local ? `${bank.name}总行` : `${bank.name}山东省分行`;
    units.push(unit(bank.code, headName, null, 'head', bank.code, bank.peer, bank.home, false, bank.local ? '1997-06-01' : '2000-01-01', 'desk', 0));
    for (const city of bank.cities) {
      const c = CITIES.find((x) => x.code === city)!;
      const cityCode = `${bank.code}-${city}`;
      units.push(unit(cityCode, `${bank.name}${c.name}分行`, bank.code, 'city', bank.code, bank.peer, city, false, '2005-06-01', 'desk', bank.size * c.weight * 0.35));
      const outlets = Math.max(1, Math.min(4, Math.round((bank.size * c.weight) / 30)));
      for (let i = 1; i <= outlets; i++) {
        // the first outlet of a bank in a sizeable city is its designated sci-tech sub-branch
        const tech = i === 1 && (bank.size >= 2 || city === bank.home) && c.weight >= 4;
        const code = `${cityCode}-${String(i).padStart(2, '0')}`;
        const name = `${bank.name}${c.name}${tech ? '科技' : ''}支行${i}`;
        const profile: UnitProfile = code === NPL_UNIT ? 'npl' : tech ? 'tech' : 'regular';
        const opened = i === 1 ? '2010-03-01' : `${2011 + rng.int(0, 8)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
        units.push(unit(code, name, cityCode, 'outlet', bank.code, bank.peer, city, tech, opened, profile, bank.size * c.weight * (tech ? 1.6 : 1)));
      }
    }
  }
  const extra = (code: string, name: string, parent: string, tech: boolean, opened: string, profile: UnitProfile, weight: number): void => {
    const p = units.find((u) => u.code === parent)!;
    units.push(unit(code, name, parent, 'outlet', p.bankCode, p.peerGroup, p.regionCode, tech, opened, profile, weight));
  };
  extra('ICBC-370100-STAR', '工商银行济南高新科技支行', 'ICBC-370100', true, '2019-05-01', 'star', 0);
  extra('CMB-370200-STAR', '招商银行青岛科创支行', 'CMB-370200', true, '2020-09-01', 'star', 0);
  extra('QLB-370100-STAR', '齐鲁银行济南科技金融中心支行', 'QLB-370100', true, '2018-03-01', 'star', 0);
  extra(NEW_UNIT, '齐鲁银行烟台科创支行', 'QLB-370600', true, `${lastYear}-05-21`, 'new', 40);
  extra(DORMANT_UNIT, '邮储银行菏泽支行9', 'PSBC-371700', false, '2012-04-01', 'dormant', 0);
  for (const [code, name, parent] of NOTECH_UNITS) extra(code, name, parent, false, '2013-07-01', 'notech', 30);
  return units;
}

function unit(
  code: string,
  name: string,
  parentCode: string | null,
  level: InstitutionRow['level'],
  bankCode: string,
  peerGroup: InstitutionRow['peerGroup'],
  regionCode: string,
  techSpecialist: boolean,
  openedOn: string,
  profile: UnitProfile,
  weight: number,
): GeneratedUnit {
  return { code, name, parentCode, level, bankCode, peerGroup, regionCode, techSpecialist, openedOn, profile, weight };
}

export { cityName };
