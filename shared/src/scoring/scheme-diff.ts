import type { ClassCode } from '../format/enums';
import type { Scheme } from './scheme';

/**
 * What changed between two scheme versions, in words (zh-CN and English), one row per parameter:
 * the scheme page and the policy lab show these, never raw JSON keys such as
 * `classes.K1.trend.zero_at`. Class names are left to the reader's dictionary (`subject`).
 */

export interface Words {
  zh: string;
  en: string;
}

export interface SchemeChange {
  /** the parameter's JSON path, for tooling only */
  path: string;
  /** the class the parameter belongs to, when it is a class parameter */
  subject: ClassCode | null;
  label: Words;
  from: Words;
  to: Words;
}

const W = (zh: string, en: string): Words => ({ zh, en });

/** Labels by path pattern; `$1` is the captured part (a class, block, check or grade). */
const LABELS: [RegExp, (m: RegExpMatchArray) => Words][] = [
  [/^equality_tolerance$/, () => W('数值相等判定容差', 'tolerance of equal values (peer ties)')],
  [/^composite_tolerance$/, () => W('综合得分比较容差', 'tolerance of composite comparisons')],
  [/^peer_group_min_size$/, () => W('同业组最少机构数（不足时与全层级比较）', 'minimum peer-group size (smaller groups compare with the whole level)')],
  [/^classes\.K\d+\.weight$/, () => W('权重（分）', 'weight (points)')],
  [/^classes\.K\d+\.floor$/, () => W('取值下限', 'value floor')],
  [/^classes\.K\d+\.trend\.kind$/, () => W('自身趋势计算方式', 'own trend measured as')],
  [/^classes\.K\d+\.trend\.zero_at$/, () => W('自身趋势零分点', 'own trend: no points at')],
  [/^classes\.K\d+\.trend\.full_at$/, () => W('自身趋势满分点', 'own trend: full points at')],
  [/^classes\.K\d+\.better$/, () => W('优劣方向', 'better direction')],
  [/^classes\.K\d+\.method$/, () => W('计分方法', 'scoring method')],
  [/^classes\.K\d+\.no_baseline_score$/, () => W('无年初基数时的得分率', 'score share without a start-of-year baseline')],
  [/^classes\.K\d+\.tolerance_pp$/, () => W('不良率容忍幅度（百分点）', 'NPL tolerance above the all-loan ratio (pp)')],
  [/^classes\.K\d+\.score_at_tolerance$/, () => W('容忍上限处的得分率', 'score share at the tolerance')],
  [/^peer_trend\.peer_share$/, () => W('同业比较部分占比', 'share of the peer comparison')],
  [/^peer_trend\.trend_share$/, () => W('自身趋势部分占比', 'share of the own trend')],
  [/^peer_trend\.peer_floor$/, () => W('有数据机构的同业部分保底', 'peer part floor for a unit that reports')],
  [/^peer_trend\.trend_quarters$/, () => W('自身趋势参考的前期季度数', 'quarters before the period in the own trend')],
  [/^peer_trend\.no_history_trend$/, () => W('无历史数据时的趋势得分率', 'trend score share without history')],
  [/^qualitative\.max_points$/, () => W('定性部分满分', 'qualitative points')],
  [/^qualitative\.blocks\.(Q\d)$/, (m) => W(`定性板块 ${m[1]} 权重`, `weight of qualitative block ${m[1]}`)],
  [/^qualitative\.inherit_previous_year$/, () => W('缺当年定性分时沿用上年', "use last year's qualitative score when this year's is missing")],
  [/^qualitative\.inherit_from_ancestors$/, () => W('缺定性分时沿用上级机构', "use the parent unit's qualitative score when missing")],
  [/^grades\.(\w+)\.min$/, (m) => W(`等级「${m[1]}」最低综合得分`, `lowest composite for grade ${m[1]}`)],
  [/^npl_over_tolerance_max_grade$/, () => W('不良率超容忍时的最高等级', 'best grade with NPL over the tolerance')],
  [/^veto\.window_days$/, () => W('一票否决回溯天数', 'veto window (days)')],
  [/^veto\.kinds$/, () => W('一票否决的处罚类型', 'penalty kinds that veto')],
  [/^veto\.grade$/, () => W('一票否决后的等级', 'grade under a veto')],
  [/^certification\.C1\.designated$/, () => W('C1 须为挂牌专营机构', 'C1 must be a designated unit')],
  [/^certification\.C1\.tech_rm_count_min$/, () => W('C1 科技金融客户经理最少人数', 'C1 minimum tech relationship managers')],
  [/^certification\.C2\.mechanisms$/, () => W('C2 须具备的机制', 'C2 mechanisms required')],
  [/^certification\.C2\.ftp_discount_bp_max$/, () => W('C2 内部资金转移价格优惠上限（基点）', 'C2 FTP discount cap (bp)')],
  [/^certification\.C2\.approval_limit_min$/, () => W('C2 审批权限下限（元）', 'C2 minimum approval limit (yuan)')],
  [/^certification\.C3\.K2_min$/, () => W('C3 科技贷款占比下限（%）', 'C3 minimum tech loan share (%)')],
  [/^certification\.C3\.tech_borrower_share_min$/, () => W('C3 科技企业户数占比下限（%）', 'C3 minimum tech borrower share (%)')],
  [/^certification\.C4\.K1_min$/, () => W('C4 科技贷款余额下限（元）', 'C4 minimum tech loan balance (yuan)')],
  [/^certification\.C4\.K5_min$/, () => W('C4 科技企业服务户数下限', 'C4 minimum tech borrowers')],
  [/^certification\.C5\.K3_min$/, () => W('C5 增速差下限（百分点）', 'C5 minimum growth difference (pp)')],
  [/^certification\.C5\.new_entrant_passes$/, () => W('C5 新开办机构视为通过', 'C5 passes a new entrant')],
  [/^certification\.C6\.(K\d+)_min$/, (m) => W(`C6 ${m[1]} 下限（%）`, `C6 minimum ${m[1]} (%)`)],
  [/^certification\.C7\.fail_flags$/, () => W('C7 不通过的风险标记', 'C7 flags that fail it')],
  [/^certification\.C8\.composite_min$/, () => W('C8 综合得分下限', 'C8 minimum composite')],
  [/^certification\.upgrade\.required$/, () => W('提升类：必须通过的检查', 'upgrade: checks required')],
  [/^certification\.upgrade\.checks_passed_min$/, () => W('提升类：最少通过检查项数', 'upgrade: minimum checks passed')],
  [/^certification\.upgrade\.composite_min$/, () => W('提升类：综合得分下限', 'upgrade: minimum composite')],
  [/^certification\.reserve\.required$/, () => W('储备类：必须通过的检查', 'reserve: checks required')],
  [/^certification\.delist\.composite_below$/, () => W('摘牌：综合得分低于', 'delist: composite below')],
  [/^certification\.delist\.required$/, () => W('摘牌：任一不通过即摘牌的检查', 'delist: checks whose failure delists')],
  [/^certification\.delist\.two_year_failure_checks$/, () => W('摘牌：连续两年不通过即摘牌的检查', 'delist: checks failing two years in a row')],
];

/** Structure, not policy: ids, titles and the grades' names are not parameters. */
const NOT_PARAMS = /^(id|version|title\..*)$/;

/** The parameters of a scheme as `path → value`; grades by code (`grades.good.min`), lists whole. */
export function schemeLeaves(s: Scheme): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (v: unknown, path: string): void => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, path ? `${path}.${k}` : k);
    } else if (!NOT_PARAMS.test(path)) out.set(path, v);
  };
  const { grades, ...rest } = s;
  walk(rest, '');
  for (const g of grades) out.set(`grades.${g.code}.min`, g.min);
  return out;
}

/**
 * The words of a parameter path (falls back to the path when a new parameter has no label yet);
 * a grade is named by the scheme's own Chinese name when `scheme` is given.
 */
export function parameterLabel(path: string, scheme?: Scheme): Words {
  for (const [re, f] of LABELS) {
    const m = path.match(re);
    if (!m) continue;
    const words = f(m);
    const g = path.match(/^grades\.(\w+)\.min$/);
    const zh = g && scheme?.grades.find((x) => x.code === g[1])?.zh;
    return zh ? { ...words, zh: words.zh.replace(g[1], zh) } : words;
  }
  return W(path, path);
}

function valueWords(v: unknown): Words {
  if (v === undefined) return W('（无）', '(none)');
  if (v === null) return W('（以下全部）', '(everything below)');
  if (typeof v === 'boolean') return v ? W('是', 'yes') : W('否', 'no');
  if (Array.isArray(v)) return v.length ? W(v.join('、'), v.join(', ')) : W('（无）', '(none)');
  return W(String(v), String(v));
}

/** Every parameter whose value differs between `a` and `b`, in the order of the scheme. */
export function schemeChanges(a: Scheme, b: Scheme): SchemeChange[] {
  const la = schemeLeaves(a);
  const lb = schemeLeaves(b);
  const paths = [...new Set([...la.keys(), ...lb.keys()])];
  return paths
    .filter((p) => JSON.stringify(la.get(p)) !== JSON.stringify(lb.get(p)))
    .map((path) => ({
      path,
      subject: (path.match(/^classes\.(K\d+)\./)?.[1] as ClassCode | undefined) ?? null,
      label: parameterLabel(path, b),
      from: valueWords(la.get(path)),
      to: valueWords(lb.get(path)),
    }));
}

/**
 * `base` with the one parameter at `path` taken from `draft` (a path of schemeLeaves), for the
 * one-at-a-time sensitivity of the policy lab. The result may break a sum rule (a weight alone):
 * the engine scores it anyway, which is the point of asking what that change alone does.
 */
export function withParameter(base: Scheme, draft: Scheme, path: string): Scheme {
  const out = JSON.parse(JSON.stringify(base)) as Scheme;
  const gm = path.match(/^grades\.(\w+)\.min$/);
  if (gm) {
    const g = out.grades.find((x) => x.code === gm[1]);
    const d = draft.grades.find((x) => x.code === gm[1]);
    if (g && d) g.min = d.min;
    return out;
  }
  const keys = path.split('.');
  let o = out as unknown as Record<string, unknown>;
  let src = draft as unknown as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) {
    o = (o[k] ??= {}) as Record<string, unknown>;
    src = (src[k] ?? {}) as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (src[last] === undefined) delete o[last];
  else o[last] = JSON.parse(JSON.stringify(src[last]));
  return out;
}
