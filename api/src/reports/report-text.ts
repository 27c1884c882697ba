import {
  classValueText,
  GRADE_NAMES,
  LEVEL_NAMES,
  PEER_GROUP_NAMES,
  type ClassCode,
  type Grade,
  type InstitutionLevel,
  type PeerGroup,
} from '@sci/shared';

/** Report wording, zh and en; names come from the shared glossary. */
export type ReportLang = 'zh' | 'en';

export const REPORT_TEXT = {
  unitTitle: {
    zh: '科技金融服务效果评估结果',
    en: 'Sci-tech finance evaluation result',
  },
  bankTitle: {
    zh: '科技金融服务效果评估 · 全行汇总',
    en: 'Sci-tech finance evaluation · bank summary',
  },
  unit: { zh: '机构', en: 'Unit' },
  code: { zh: '机构代码', en: 'Code' },
  level: { zh: '层级', en: 'Level' },
  peer: { zh: '同业组', en: 'Peer group' },
  bank: { zh: '所属银行', en: 'Bank' },
  period: { zh: '评估期', en: 'Period' },
  composite: { zh: '综合得分', en: 'Composite' },
  grade: { zh: '等级', en: 'Grade' },
  quantitative: { zh: '定量得分', en: 'Quantitative' },
  qualitative: { zh: '定性得分', en: 'Qualitative' },
  ranks: {
    zh: '排名（层级 / 同组 / 行内）',
    en: 'Rank (level / peer group / bank)',
  },
  improve: { zh: '提分空间', en: 'Where the points are' },
  classes: { zh: '十类核心指标', en: 'The ten classes' },
  klass: { zh: '指标', en: 'Class' },
  value: { zh: '指标值', en: 'Value' },
  points: { zh: '得分', en: 'Points' },
  why: { zh: '说明', en: 'In words' },
  flags: { zh: '提示事项', en: 'Flags' },
  noFlags: { zh: '无', en: 'None' },
  qual: { zh: '定性评价', en: 'Qualitative blocks' },
  block: { zh: '板块', en: 'Block' },
  score: { zh: '评分', en: 'Score' },
  source: { zh: '来源', en: 'Source' },
  own: { zh: '本机构', en: 'own' },
  inherited: { zh: '沿用上级机构', en: 'inherited from a parent unit' },
  missing: { zh: '缺失', en: 'missing' },
  notScored: {
    zh: '本期无贷款余额，未参与评分。',
    en: 'No loan balance this quarter: not scored.',
  },
  units: { zh: '各机构排名', en: 'Units ranked' },
  rankInBank: { zh: '行内排名', en: 'Bank rank' },
  head: {
    zh: '法人/省级机构在同组中的位置',
    en: "The head unit's position in its peer group",
  },
  cert: { zh: '科技金融特色机构认定', en: 'Sci-tech unit certification' },
  noCert: {
    zh: '本年度无认定评价（未申报或尚未评价）。',
    en: 'No certification evaluation this year (no application, or not yet evaluated).',
  },
  recommendation: { zh: '评价建议', en: 'Recommendation' },
  decision: { zh: '认定决定', en: 'Decision' },
  confirmed: { zh: '已确认', en: 'confirmed' },
  rejected: { zh: '未予认定', en: 'rejected' },
  pending: { zh: '待决定', en: 'pending' },
  check: { zh: '认定条件', en: 'Check' },
  result: { zh: '结果', en: 'Result' },
  pass: { zh: '通过', en: 'passes' },
  fail: { zh: '未通过', en: 'fails' },
  shortfalls: { zh: '不足之处', en: 'Shortfalls' },
  rankLevel: { zh: '层级排名', en: 'Level rank' },
  readiness: { zh: '认定准备情况', en: 'Certification readiness' },
} as const;

export function tx(key: keyof typeof REPORT_TEXT, lang: ReportLang): string {
  return REPORT_TEXT[key][lang];
}

export const gradeText = (g: Grade | null, lang: ReportLang): string =>
  g ? GRADE_NAMES[g][lang] : '—';
export const levelText = (l: InstitutionLevel, lang: ReportLang): string =>
  LEVEL_NAMES[l][lang];
export const peerText = (p: PeerGroup, lang: ReportLang): string =>
  PEER_GROUP_NAMES[p][lang];
export const valueText = (
  c: ClassCode,
  v: number | null,
  lang: ReportLang,
): string => (v === null ? '—' : classValueText(c, v)[lang]);
export const pts = (x: number | null): string =>
  x === null ? '—' : x.toFixed(2);

/** "Run #12 · scheme sdtf-2025 v1 · generated 2026-12-02 00:10 UTC · page 1 / 3" */
export function footerLine(
  run: {
    id: number;
    schemeId: string;
    schemeVersion: number;
    published: boolean;
  },
  generatedAt: Date,
  lang: ReportLang,
): string {
  const when = `${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return lang === 'zh'
    ? `运行 #${run.id}（${run.published ? '已发布' : '草稿'}）· 方案 ${run.schemeId} 第 ${run.schemeVersion} 版 · 生成于 ${when} · 第 {page} / {pages} 页`
    : `Run #${run.id} (${run.published ? 'published' : 'draft'}) · scheme ${run.schemeId} v${run.schemeVersion} · generated ${when} · page {page} / {pages}`;
}

/** The footer of a document that is not about one run: generated-on line and page numbers. */
export function footerLineText(generatedAt: Date, lang: ReportLang): string {
  const when = `${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return lang === 'zh'
    ? `生成于 ${when} · 第 {page} / {pages} 页`
    : `Generated ${when} · page {page} / {pages}`;
}
