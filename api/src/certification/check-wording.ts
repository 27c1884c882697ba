import { CHECK_NAMES } from '@sci/shared';
import type {
  CheckResult,
  CheckView,
  CheckMeasureView,
  LocalizedText,
  Scheme,
} from '@sci/shared';
import { BP_UNIT, formatMoney, moneyScaleById } from '@sci/shared';

/**
 * The checks of scoring.md section 7 in words, zh and en: each measured value against its
 * threshold and, when it fails, by how much ("科技贷款占比 42.3%，低于 50%，差 7.7 个百分点").
 * Pure; numbers are rounded for reading only (the stored measure keeps the exact value).
 */

type Measure = CheckResult['measures'][number];

/** How a measure's numbers read. */
type Kind =
  | 'percent'
  | 'pp'
  | 'count'
  | 'people'
  | 'yuan'
  | 'points'
  | 'bp'
  | 'flag'
  | 'condition';

interface MeasureInfo {
  zh: string;
  en: string;
  kind: Kind;
}


const MEASURES: Record<string, MeasureInfo> = {
  designated: {
    zh: '正式挂牌为科技金融专营机构',
    en: 'Formally designated as a sci-tech unit',
    kind: 'flag',
  },
  tech_rm_count: {
    zh: '专职科技客户经理',
    en: 'Full-time sci-tech relationship managers',
    kind: 'people',
  },
  separate_credit_plan: {
    zh: '单列信贷计划',
    en: 'Separate credit plan',
    kind: 'flag',
  },
  dedicated_pricing: {
    zh: '专属定价机制',
    en: 'Dedicated pricing',
    kind: 'flag',
  },
  independent_accounting: {
    zh: '独立核算',
    en: 'Independent accounting',
    kind: 'flag',
  },
  risk_tolerance: { zh: '风险容忍机制', en: 'Risk tolerance', kind: 'flag' },
  approval_channel: {
    zh: '专属审批通道',
    en: 'Dedicated approval channel',
    kind: 'flag',
  },
  performance_assessment: {
    zh: '单独考核机制',
    en: 'Separate performance assessment',
    kind: 'flag',
  },
  due_diligence_exemption: {
    zh: '尽职免责机制',
    en: 'Due-diligence exemption',
    kind: 'flag',
  },
  ftp_discount_bp: { zh: 'FTP 优惠', en: 'FTP discount', kind: 'bp' },
  approval_limit: {
    zh: '贷款审批权限',
    en: 'Loan approval authority',
    kind: 'yuan',
  },
  K1: { zh: '科技贷款余额', en: 'Tech loan balance', kind: 'yuan' },
  K2: { zh: '科技贷款占比', en: 'Tech loan share', kind: 'percent' },
  tech_borrower_share: {
    zh: '科技企业客户占比',
    en: 'Tech borrower share',
    kind: 'percent',
  },
  K3: {
    zh: '科技贷款增速与各项贷款增速之差',
    en: 'Tech loan growth minus all-loan growth',
    kind: 'pp',
  },
  tech_loans_grew: {
    zh: '科技贷款较年初增长',
    en: 'Tech loans grew since the start of the year',
    kind: 'flag',
  },
  NEW_ENTRANT: {
    zh: '新进入机构（年初无科技贷款）',
    en: 'New entrant (no tech loans at the start of the year)',
    kind: 'flag',
  },
  K5: { zh: '科技企业贷款户数', en: 'Tech borrowers', kind: 'count' },
  K6: { zh: '首贷户占比', en: 'First-loan borrower share', kind: 'percent' },
  K7: {
    zh: '信用及知识产权质押贷款占比',
    en: 'Credit and IP-pledge loan share',
    kind: 'percent',
  },
  K8: {
    zh: '中长期贷款占比',
    en: 'Medium and long-term loan share',
    kind: 'percent',
  },
  NPL_OVER_TOLERANCE: {
    zh: '科技贷款不良率超出容忍度',
    en: 'Tech NPL ratio above tolerance',
    kind: 'condition',
  },
  VETO: {
    zh: '一票否决事项（行政处罚或数据造假）',
    en: 'Veto (penalty or falsified data)',
    kind: 'condition',
  },
  scored: {
    zh: '第四季度参与评分',
    en: 'Scored in the fourth quarter',
    kind: 'flag',
  },
  composite: { zh: '综合得分', en: 'Composite score', kind: 'points' },
};

export function measureLabel(name: string): LocalizedText {
  const m = MEASURES[name];
  return m ? { zh: m.zh, en: m.en } : { zh: name, en: name };
}

/** Up to `max` decimals, trailing zeros dropped ("50", "7.5"). */
function trimmed(x: number, max: number): string {
  return String(Number(x.toFixed(max)));
}

/** Thousands separators for English ("10,000,000"). */
function grouped(x: number, decimals: number): string {
  return x.toLocaleString('en-US', {
    minimumFractionDigits: 0,
    maximumFractionDigits: decimals,
  });
}

/** Money in a sentence: the shared formatter, trailing zeros dropped ("3.2 亿元", "7,321.05 万元"). */
function yuanZh(x: number): string {
  return formatMoney(x, 'zh-CN', { trim: true });
}

/** English keeps CNY m for large amounts too ("CNY 1,200 m"): thresholds read as the scheme's. */
function yuanEn(x: number): string {
  return Math.abs(x) >= 1e6
    ? formatMoney(x, 'en', { trim: true, scale: moneyScaleById('m', 'en') })
    : formatMoney(x, 'en', { trim: true, scale: moneyScaleById('yuan', 'en') });
}

/** A value, threshold or shortfall in the measure's unit; `v` for values (1 decimal), `t` for thresholds (as the scheme writes them). */
function fmt(kind: Kind, x: number, role: 'v' | 't'): LocalizedText {
  // a small negative value keeps a legible sign ("-0.04", not "-0.0")
  const one = (n: number): string =>
    n.toFixed(1) === '-0.0' ? n.toFixed(2) : n.toFixed(1);
  const d = (n: number): string => (role === 't' ? trimmed(n, 2) : one(n));
  switch (kind) {
    case 'percent':
      return { zh: `${d(x)}%`, en: `${d(x)}%` };
    case 'pp':
      return { zh: `${d(x)} 个百分点`, en: `${d(x)} pp` };
    case 'points':
      return { zh: `${d(x)} 分`, en: `${d(x)}` };
    case 'count':
      return { zh: `${trimmed(x, 0)} 户`, en: trimmed(x, 0) };
    case 'people':
      return { zh: `${trimmed(x, 0)} 人`, en: trimmed(x, 0) };
    case 'bp':
      return {
        zh: `${trimmed(x, 2)} ${BP_UNIT}`,
        en: `${trimmed(x, 2)} ${BP_UNIT}`,
      };
    case 'yuan':
      return { zh: yuanZh(x), en: yuanEn(x) };
    default:
      return { zh: String(x), en: String(x) };
  }
}

/** A shortfall: how far below the threshold; "less than 0.1" when rounding would show 0.0. */
function gap(kind: Kind, s: number): LocalizedText {
  switch (kind) {
    case 'percent':
    case 'pp':
      return s < 0.05
        ? { zh: '不足 0.1 个百分点', en: 'less than 0.1 pp' }
        : { zh: `${s.toFixed(1)} 个百分点`, en: `${s.toFixed(1)} pp` };
    case 'points':
      return s < 0.05
        ? { zh: '不足 0.1 分', en: 'less than 0.1 points' }
        : { zh: `${s.toFixed(1)} 分`, en: `${s.toFixed(1)} points` };
    case 'yuan':
      return s < 100 && s > 0
        ? { zh: '不足 0.01 万元', en: `CNY ${grouped(s, 2)}` }
        : fmt(kind, s, 't');
    default:
      return fmt(kind, s, 't');
  }
}

/** Measures read from the application: no value means the unit did not apply that year. */
const FROM_APPLICATION = new Set(['tech_rm_count', 'approval_limit']);

function atLeastText(info: MeasureInfo, m: Measure): LocalizedText {
  const t = fmt(info.kind, m.threshold as number, 't');
  if (
    (m.value === null || typeof m.value !== 'number') &&
    FROM_APPLICATION.has(m.name)
  ) {
    return {
      zh: `${info.zh}未申报（当年无申请），要求不低于 ${t.zh}`,
      en: `${info.en}: not declared (no application for the year; required: at least ${t.en})`,
    };
  }
  if (m.value === null || typeof m.value !== 'number') {
    return {
      zh: `${info.zh}无数据，要求不低于 ${t.zh}`,
      en: `${info.en}: no data (required: at least ${t.en})`,
    };
  }
  const v = fmt(info.kind, m.value, 'v');
  if (m.pass)
    return {
      zh: `${info.zh} ${v.zh}，不低于 ${t.zh}`,
      en: `${info.en} ${v.en}, at least ${t.en}`,
    };
  const s = gap(info.kind, m.shortfall ?? (m.threshold as number) - m.value);
  // "差 7.7 个百分点" but "差不足 0.1 个百分点"
  const by = s.zh.startsWith('不足') ? `差${s.zh}` : `差 ${s.zh}`;
  return {
    zh: `${info.zh} ${v.zh}，低于 ${t.zh}，${by}`,
    en: `${info.en} ${v.en}, below ${t.en} by ${s.en}`,
  };
}

function flagText(info: MeasureInfo, m: Measure, name: string): LocalizedText {
  if (name === 'scored' && m.value === false) {
    return {
      zh: '第四季度无贷款，未参与评分',
      en: 'Not scored in the fourth quarter (no loans)',
    };
  }
  if (name === 'NEW_ENTRANT') {
    return { zh: `${info.zh}，视为通过`, en: `${info.en}: passes` };
  }
  if (name === 'tech_loans_grew') {
    if (m.value === null)
      return {
        zh: '第四季度无数据，无法判断科技贷款是否增长',
        en: 'No fourth-quarter data: growth of tech loans unknown',
      };
    return m.value
      ? { zh: info.zh, en: info.en }
      : {
          zh: '科技贷款较年初未增长',
          en: 'Tech loans did not grow since the start of the year',
        };
  }
  if (m.value === null)
    return {
      zh: `${info.zh}：未申报（当年无申请）`,
      en: `${info.en}: not declared (no application for the year)`,
    };
  const yes = { zh: '是', en: 'yes' };
  const no = { zh: '否', en: 'no' };
  const v = m.value ? yes : no;
  if (m.pass) return { zh: `${info.zh}：${v.zh}`, en: `${info.en}: ${v.en}` };
  const want = m.threshold ? yes : no;
  return {
    zh: `${info.zh}：${v.zh}（要求：${want.zh}）`,
    en: `${info.en}: ${v.en} (required: ${want.en})`,
  };
}

function conditionText(info: MeasureInfo, m: Measure): LocalizedText {
  return m.value === true
    ? { zh: `存在${info.zh}`, en: `${info.en}: present` }
    : { zh: `无${info.zh}`, en: `${info.en}: none` };
}

/** 0 < ftp_discount_bp <= cap (the cap from the scheme). */
function ftpText(info: MeasureInfo, m: Measure, cap: number): LocalizedText {
  if (m.value === null || typeof m.value !== 'number')
    return {
      zh: `${info.zh}未申报（当年无申请）`,
      en: `${info.en}: not declared (no application for the year)`,
    };
  const v = fmt('bp', m.value, 't');
  const c = fmt('bp', cap, 't');
  if (m.pass)
    return {
      zh: `${info.zh} ${v.zh}，大于 0 且不超过 ${c.zh}`,
      en: `${info.en} ${v.en}, within (0, ${trimmed(cap, 2)}] bp`,
    };
  if (m.value > cap) {
    const s = fmt('bp', m.value - cap, 't');
    return {
      zh: `${info.zh} ${v.zh}，高于上限 ${c.zh}，超出 ${s.zh}`,
      en: `${info.en} ${v.en}, above the cap of ${c.en} by ${s.en}`,
    };
  }
  return {
    zh: `${info.zh} ${v.zh}，应大于 0`,
    en: `${info.en} ${v.en}, must be above 0`,
  };
}

/** One measure in words. */
export function describeMeasure(m: Measure, scheme: Scheme): LocalizedText {
  const info = MEASURES[m.name] ?? {
    zh: m.name,
    en: m.name,
    kind: typeof m.threshold === 'boolean' ? 'flag' : 'points',
  };
  if (info.kind === 'bp')
    return ftpText(info, m, scheme.certification.C2.ftp_discount_bp_max);
  if (info.kind === 'condition') return conditionText(info, m);
  if (info.kind === 'flag' || typeof m.threshold === 'boolean')
    return flagText(info, m, m.name);
  return atLeastText(info, m);
}

function measureView(m: Measure, scheme: Scheme): CheckMeasureView {
  return {
    name: m.name,
    label: measureLabel(m.name),
    value: m.value,
    threshold: m.threshold,
    pass: m.pass,
    shortfall: m.shortfall,
    text: describeMeasure(m, scheme),
  };
}

/** The engine's checks with every measure in words. */
export function toCheckViews(
  checks: CheckResult[],
  scheme: Scheme,
): CheckView[] {
  return checks.map((c) => ({
    code: c.code,
    name: CHECK_NAMES[c.code],
    pass: c.pass,
    measures: c.measures.map((m) => measureView(m, scheme)),
  }));
}

/** The text of every failed measure, in check order (what a list shows as "what it lacks"). */
export function shortfallTexts(views: CheckView[]): LocalizedText[] {
  return views.flatMap((c) =>
    c.measures.filter((m) => !m.pass).map((m) => m.text),
  );
}
