import type {
  CertificationOutcome,
  CheckCode,
  ClassCode,
  Flag,
  Grade,
  InstitutionLevel,
  PeerGroup,
  QualitativeBlock,
} from '../format/enums';
import { CLASS_UNIT } from './format';
import { SHANDONG_CITIES } from './places';

/**
 * The one glossary of the product's names, zh-CN and English: the API's explanations, exports and
 * PDF reports and the web's labels all read from here, so a class or check is called the same
 * everywhere (issue 17: there were three English wordings).
 */
export interface Term {
  zh: string;
  en: string;
}

export const CLASS_NAMES: Record<ClassCode, Term> = {
  K1: { zh: '科技贷款规模', en: 'Tech loan scale' },
  K2: { zh: '科技贷款占比', en: 'Tech loan share' },
  K3: { zh: '增速差', en: 'Growth vs all loans' },
  K4: { zh: '投早投小', en: 'Early & small' },
  K5: { zh: '服务户数', en: 'Borrowers served' },
  K6: { zh: '首贷户占比', en: 'First-loan share' },
  K7: { zh: '信用及知识产权质押', en: 'Credit & IP pledge' },
  K8: { zh: '中长期占比', en: 'Long-term share' },
  K9: { zh: '融资成本', en: 'Pricing' },
  K10: { zh: '资产质量', en: 'Asset quality' },
};

/**
 * The unit label of a class in the explain contract (`ExplainClass.unit`), derived from the one
 * unit table of format.ts.
 */
export type ExplainUnit = 'yuan' | 'count' | '%' | 'pp' | 'bp';

const EXPLAIN_UNIT: Record<(typeof CLASS_UNIT)[ClassCode], ExplainUnit> = {
  money: 'yuan',
  percent: '%',
  pp: 'pp',
  count: 'count',
  bp: 'bp',
};

export const CLASS_UNITS = Object.fromEntries(
  Object.entries(CLASS_UNIT).map(([c, u]) => [c, EXPLAIN_UNIT[u]]),
) as Record<ClassCode, ExplainUnit>;

export const CHECK_NAMES: Record<CheckCode, Term> = {
  C1: { zh: '机构设置', en: 'Organisation' },
  C2: { zh: '体制机制', en: 'Mechanisms' },
  C3: { zh: '专业化程度', en: 'Specialisation' },
  C4: { zh: '业务规模', en: 'Scale' },
  C5: { zh: '业务增长', en: 'Growth' },
  C6: { zh: '服务广度', en: 'Breadth' },
  C7: { zh: '风险与合规', en: 'Risk & compliance' },
  C8: { zh: '综合评价得分', en: 'Composite score' },
};

/** Short names of the flags (a chip or a column); the sentence with the scheme's numbers is flagText(). */
export const FLAG_NAMES: Record<Flag, Term> = {
  NO_LOANS: { zh: '无贷款', en: 'No loans' },
  SMALL_PEER_GROUP: { zh: '同组机构不足', en: 'Small peer group' },
  NO_BASELINE: { zh: '无年初基数', en: 'No baseline' },
  NEW_ENTRANT: { zh: '新进入', en: 'New entrant' },
  NPL_OVER_TOLERANCE: { zh: '不良超容忍度', en: 'NPL over tolerance' },
  QUAL_INHERITED: { zh: '定性沿用上级', en: 'Qualitative inherited' },
  QUAL_MISSING: { zh: '缺定性评分', en: 'Qualitative missing' },
  VETO: { zh: '一票否决', en: 'Veto' },
};

export const GRADE_NAMES: Record<Grade, Term> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  pass: { zh: '合格', en: 'Pass' },
  improve: { zh: '待改进', en: 'Improve' },
};

export const LEVEL_NAMES: Record<InstitutionLevel, Term> = {
  head: { zh: '省级/法人', en: 'Head' },
  city: { zh: '市级分行', en: 'City branch' },
  outlet: { zh: '支行', en: 'Sub-branch' },
};

export const PEER_GROUP_NAMES: Record<PeerGroup, Term> = {
  state: { zh: '国有大型银行', en: 'State-owned' },
  joint: { zh: '股份制银行', en: 'Joint-stock' },
  citycom: { zh: '城市商业银行', en: 'City commercial' },
  rural: { zh: '农村商业银行', en: 'Rural commercial' },
  policy: { zh: '政策性银行', en: 'Policy bank' },
  foreign: { zh: '外资银行', en: 'Foreign bank' },
  other: { zh: '其他', en: 'Other' },
};

export const QUAL_BLOCK_NAMES: Record<QualitativeBlock, Term> = {
  Q1: { zh: '政策落实', en: 'Policy implementation' },
  Q2: { zh: '内部机制', en: 'Internal mechanisms' },
  Q3: { zh: '创新与生态', en: 'Innovation & ecosystem' },
};

export const OUTCOME_NAMES: Record<CertificationOutcome, Term> = {
  certify: { zh: '认定', en: 'Certify' },
  upgrade: { zh: '提升', en: 'Upgrade' },
  reserve: { zh: '储备', en: 'Reserve' },
  not_eligible: { zh: '不符合条件', en: 'Not eligible' },
  retain: { zh: '保留', en: 'Retain' },
  delist: { zh: '摘牌', en: 'Delist' },
};

/** A city's name by region code (the list lives in places.ts); an unknown code reads as itself. */
export function cityTerm(code: string): Term {
  return SHANDONG_CITIES.find((c) => c.code === code) ?? { zh: code, en: code };
}

/** Every glossary as message keys ("class.K1", "check.C1" …) in one language, for the web's dictionary. */
export function glossaryMessages(lang: 'zh' | 'en'): Record<string, string> {
  const groups: [string, Record<string, Term>][] = [
    ['class', CLASS_NAMES],
    ['check', CHECK_NAMES],
    ['flag', FLAG_NAMES],
    ['grade', GRADE_NAMES],
    ['level', LEVEL_NAMES],
    ['peer', PEER_GROUP_NAMES],
    ['qual', QUAL_BLOCK_NAMES],
    ['outcome', OUTCOME_NAMES],
  ];
  const out: Record<string, string> = {};
  for (const [prefix, terms] of groups) {
    for (const [code, term] of Object.entries(terms))
      out[`${prefix}.${code}`] = term[lang];
  }
  return out;
}
