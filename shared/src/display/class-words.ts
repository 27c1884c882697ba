import type {
  ExplainClass,
  ExplainImprovement,
  ExplainNextGrade,
  ExplainSummary,
} from '../api/results';
import type { ClassCode, Flag, Grade } from '../format/enums';
import type { PeerTrendClassParams, Scheme } from '../scoring/scheme';
import {
  BP_UNIT,
  CLASS_UNIT,
  formatBp,
  formatCount,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPp,
  ppUnit,
  type DisplayLang,
} from './format';
import { CLASS_NAMES, GRADE_NAMES, type Term } from './glossary';

/**
 * The "why" of a unit's score in words a branch manager reads (issue 14): per class one sentence
 * ("科技贷款占比 64.5%，高于同组 92% 的机构；比前3个季度均值高 5.9 个百分点，趋势满分；得 9.6 / 10 分"),
 * the three classes that cost the most points with the value that would win them back, and the
 * points to the next grade. Pure; every policy number comes from the run's scheme.
 */

/** What a sentence is built from: the explain class without its sentence. */
export type ClassFacts = Omit<ExplainClass, 'why'>;

/** Best disclosable peer value per class (max when higher is better, min when lower), or null. */
export type PeerBest = Partial<Record<ClassCode, number | null>>;

const EPS = 1e-9;

const fixed = (x: number, d: number): string => formatNumber(x, d);

/**
 * A class value in its display unit, through the one formatter (format.ts): K1 in 亿元/万元 or
 * CNY bn/m, K5 borrowers, K3 pp, K9 bp, the rest %; one decimal in a sentence.
 */
export function classValueText(code: ClassCode, v: number): Term {
  const both = (f: (lang: DisplayLang) => string): Term => ({
    zh: f('zh-CN'),
    en: f('en'),
  });
  switch (CLASS_UNIT[code]) {
    case 'money':
      return both((l) => formatMoney(v, l));
    case 'count':
      return both((l) => formatCount(v, l));
    case 'bp':
      return both((l) => formatBp(v, l, 1));
    case 'pp':
      return both((l) => formatPp(v, l, 1));
    default:
      return both(() => formatPercent(v, 1));
  }
}

/** The size of a difference of two class values: percentage points for shares, bp for K9. */
function diffText(code: ClassCode, d: number): Term {
  const a = formatNumber(Math.abs(d), 1);
  if (CLASS_UNIT[code] === 'bp')
    return { zh: `${a} ${BP_UNIT}`, en: `${a} ${BP_UNIT}` };
  return { zh: `${a} ${ppUnit('zh-CN')}`, en: `${a} ${ppUnit('en')}` };
}

const pts = (x: number): string => fixed(x, 1);
const pct = (x: number): string => fixed(100 * x, 0);

function join(parts: Term[]): Term {
  return {
    zh: parts.map((p) => p.zh).join('；'),
    en: parts.map((p) => p.en).join('; '),
  };
}

function pointsPart(c: ClassFacts): Term {
  return {
    zh: `得 ${pts(c.points)} / ${c.weight} 分`,
    en: `${pts(c.points)} of ${c.weight} points`,
  };
}

function peerPart(c: ClassFacts, p: PeerTrendClassParams): Term | null {
  if (c.peerSize === null || c.H === null) return null;
  if (c.peerSize <= 1)
    return {
      zh: '同组仅此一家，同业部分按一半计',
      en: 'alone in its group, so half the peer part',
    };
  const share = pct(c.H);
  return p.better === 'lower'
    ? {
        zh: `低于同组 ${share}% 的机构`,
        en: `lower than ${share}% of its ${c.peerSize - 1} peers`,
      }
    : {
        zh: `高于同组 ${share}% 的机构`,
        en: `higher than ${share}% of its ${c.peerSize - 1} peers`,
      };
}

function trendVerdict(v: number): Term {
  if (v >= 1 - EPS) return { zh: '趋势满分', en: 'full trend marks' };
  if (v <= EPS) return { zh: '趋势不得分', en: 'no trend marks' };
  return { zh: `趋势得 ${pct(v)}%`, en: `${pct(v)}% of the trend marks` };
}

function trendPart(
  c: ClassFacts,
  p: PeerTrendClassParams,
  quarters: number,
): Term {
  if (c.m === null || c.V === null) {
    return {
      zh: `前${quarters}个季度无可比数据，趋势按一半计`,
      en: `no comparable value in the previous ${quarters} quarters, so half the trend marks`,
    };
  }
  const x = c.value as number;
  let change: Term;
  if (p.trend.kind === 'ratio') {
    const r = c.m === 0 ? null : x / c.m - 1;
    change =
      r === null
        ? {
            zh: `前${quarters}个季度均值为 0`,
            en: `the previous ${quarters} quarters averaged 0`,
          }
        : {
            zh: `比前${quarters}个季度均值${r >= 0 ? '高' : '低'} ${fixed(Math.abs(100 * r), 1)}%`,
            en: `${fixed(Math.abs(100 * r), 1)}% ${r >= 0 ? 'above' : 'below'} its previous ${quarters}-quarter mean`,
          };
  } else {
    const d = x - c.m;
    const t = diffText(c.code, d);
    change = {
      zh: `比前${quarters}个季度均值${d >= 0 ? '高' : '低'} ${t.zh}`,
      en: `${t.en} ${d >= 0 ? 'above' : 'below'} its previous ${quarters}-quarter mean`,
    };
  }
  const v = trendVerdict(c.V);
  return { zh: `${change.zh}，${v.zh}`, en: `${change.en}, ${v.en}` };
}

function peerTrendSentence(
  c: ClassFacts,
  p: PeerTrendClassParams,
  scheme: Scheme,
): Term {
  const name = CLASS_NAMES[c.code];
  if (c.value === null) {
    return {
      zh: `${name.zh}本期无数据，本项不得分`,
      en: `${name.en}: no data this quarter, no points`,
    };
  }
  const v = classValueText(c.code, c.value);
  const peer = peerPart(c, p);
  const first: Term = peer
    ? {
        zh: `${name.zh} ${v.zh}，${peer.zh}`,
        en: `${name.en} ${v.en}, ${peer.en}`,
      }
    : { zh: `${name.zh} ${v.zh}`, en: `${name.en} ${v.en}` };
  return join([
    first,
    trendPart(c, p, scheme.peer_trend.trend_quarters),
    pointsPart(c),
  ]);
}

function growthSentence(
  c: ClassFacts,
  flags: readonly Flag[],
  scheme: Scheme,
): Term {
  const name = CLASS_NAMES[c.code];
  const noBaseline =
    scheme.classes.K3.method === 'growth_target'
      ? scheme.classes.K3.no_baseline_score
      : 0.5;
  if (flags.includes('NEW_ENTRANT')) {
    return join([
      {
        zh: '上年末无科技贷款、本期新增，增速差满分',
        en: 'No tech loans at the end of last year and some now: full marks',
      },
      pointsPart(c),
    ]);
  }
  if (flags.includes('NO_BASELINE')) {
    return join([
      {
        zh: `上年末无基期数据，增速差按 ${pct(noBaseline)}% 计`,
        en: `No baseline at the end of last year: ${pct(noBaseline)}% of the marks`,
      },
      pointsPart(c),
    ]);
  }
  if (c.value === null)
    return join([
      { zh: `${name.zh}无法计算`, en: `${name.en} cannot be computed` },
      pointsPart(c),
    ]);
  const d = diffText(c.code, c.value);
  const head: Term =
    c.value >= 0
      ? {
          zh: `科技贷款增速比各项贷款增速高 ${d.zh}`,
          en: `Tech loans grew ${d.en} faster than all loans`,
        }
      : {
          zh: `科技贷款增速比各项贷款增速低 ${d.zh}`,
          en: `Tech loans grew ${d.en} slower than all loans`,
        };
  const verdict: Term =
    c.f >= 1 - EPS
      ? { zh: '达到目标，满分', en: 'target met, full marks' }
      : c.f <= EPS
        ? {
            zh: '科技贷款未增长，不得分',
            en: 'tech loans did not grow, no marks',
          }
        : {
            zh: `按两者增速之比得 ${pct(c.f)}%`,
            en: `${pct(c.f)}% of the marks by the ratio of the two growth rates`,
          };
  return join([head, verdict, pointsPart(c)]);
}

function nplSentence(
  c: ClassFacts,
  nplRatioAll: number | null,
  scheme: Scheme,
): Term {
  const p = scheme.classes.K10;
  const tol = p.method === 'npl_band' ? p.tolerance_pp : 0;
  if (c.value === null || nplRatioAll === null) {
    return join([
      {
        zh: '无科技贷款，资产质量不计分',
        en: 'No tech loans: asset quality scores nothing',
      },
      pointsPart(c),
    ]);
  }
  const x = classValueText('K10', c.value);
  const na = classValueText('K10', nplRatioAll);
  const head = {
    zh: `科技贷款不良率 ${x.zh}，全部贷款不良率 ${na.zh}`,
    en: `Tech NPL ratio ${x.en}, all-loan NPL ratio ${na.en}`,
  };
  let verdict: Term;
  if (c.value <= nplRatioAll)
    verdict = {
      zh: '不高于全部贷款，满分',
      en: 'not above all loans, full marks',
    };
  else if (c.value <= nplRatioAll + tol) {
    const d = diffText('K10', c.value - nplRatioAll);
    verdict = {
      zh: `高出 ${d.zh}，在 ${fixed(tol, 1)} 个百分点容忍度内，得 ${pct(c.f)}%`,
      en: `${d.en} higher, within the ${fixed(tol, 1)} pp tolerance, ${pct(c.f)}% of the marks`,
    };
  } else
    verdict = {
      zh: `超出 ${fixed(tol, 1)} 个百分点容忍度，不得分`,
      en: `beyond the ${fixed(tol, 1)} pp tolerance, no marks`,
    };
  return join([head, verdict, pointsPart(c)]);
}

/** One class in one sentence, zh and en. */
export function classSentence(
  c: ClassFacts,
  ctx: { scheme: Scheme; nplRatioAll: number | null; flags: readonly Flag[] },
): Term {
  const p = ctx.scheme.classes[c.code];
  if (p.method === 'peer_trend') return peerTrendSentence(c, p, ctx.scheme);
  if (p.method === 'growth_target')
    return growthSentence(c, ctx.flags, ctx.scheme);
  return nplSentence(c, ctx.nplRatioAll, ctx.scheme);
}

/** The value that gives V = 1: m moved by full_at (difference) or m times full_at (ratio). */
function trendTarget(c: ClassFacts, p: PeerTrendClassParams): number | null {
  if (c.m === null || c.m === undefined) return null;
  return p.trend.kind === 'ratio'
    ? c.m * p.trend.full_at
    : c.m + p.trend.full_at;
}

function improvement(
  c: ClassFacts,
  scheme: Scheme,
  peerBest: PeerBest,
  nplRatioAll: number | null,
): ExplainImprovement {
  const p = scheme.classes[c.code];
  const name = CLASS_NAMES[c.code];
  const lost = c.weight - c.points;
  const base = {
    code: c.code,
    lostPoints: lost,
    peerTarget: null,
    peerGain: 0,
    trendTarget: null,
    trendGain: 0,
  };
  const head: Term = {
    zh: `${name.zh}失 ${pts(lost)} 分`,
    en: `${name.en} lost ${pts(lost)} points`,
  };
  if (p.method === 'peer_trend') {
    if (c.value === null) {
      return {
        ...base,
        text: {
          zh: `${head.zh}：报送该项数据即可参与比较`,
          en: `${head.en}: report the data to be compared at all`,
        },
      };
    }
    const peerGain =
      c.P === null ? 0 : c.weight * scheme.peer_trend.peer_share * (1 - c.P);
    const trendGain =
      c.V === null ? 0 : c.weight * scheme.peer_trend.trend_share * (1 - c.V);
    const best = peerBest[c.code] ?? null;
    const peerTarget = peerGain > EPS && best !== null ? best : null;
    const tTarget = trendGain > EPS ? trendTarget(c, p) : null;
    const steps: Term[] = [];
    const word =
      p.better === 'lower'
        ? { zh: '低于', en: 'below' }
        : { zh: '超过', en: 'above' };
    if (peerTarget !== null) {
      const v = classValueText(c.code, peerTarget);
      steps.push({
        zh: `${word.zh}同组最好水平 ${v.zh} 可多得 ${pts(peerGain)} 分`,
        en: `${word.en} the group's best of ${v.en} gains ${pts(peerGain)}`,
      });
    } else if (peerGain > EPS) {
      steps.push({
        zh: `超过更多同组机构最多可多得 ${pts(peerGain)} 分`,
        en: `passing more peers gains up to ${pts(peerGain)}`,
      });
    }
    if (tTarget !== null) {
      const v = classValueText(c.code, tTarget);
      const reach =
        p.better === 'lower'
          ? { zh: '降至', en: 'down to' }
          : { zh: '达到', en: 'reaching' };
      steps.push({
        zh: `${reach.zh} ${v.zh} 趋势满分，可多得 ${pts(trendGain)} 分`,
        en: `${reach.en} ${v.en} gives full trend marks, ${pts(trendGain)} more`,
      });
    } else if (trendGain > EPS && (c.m === null || c.m === undefined)) {
      steps.push({
        zh: '有了往季数据后趋势部分才能提高',
        en: 'the trend part can rise once earlier quarters have data',
      });
    }
    const text: Term = steps.length
      ? {
          zh: `${head.zh}：${steps.map((s) => s.zh).join('，')}`,
          en: `${head.en}: ${steps.map((s) => s.en).join('; ')}`,
        }
      : head;
    return {
      ...base,
      peerTarget,
      peerGain,
      trendTarget: tTarget,
      trendGain,
      text,
    };
  }
  if (p.method === 'growth_target') {
    return {
      ...base,
      text: {
        zh: `${head.zh}：科技贷款增速不低于各项贷款增速即得满分`,
        en: `${head.en}: tech loans growing at least as fast as all loans gives full marks`,
      },
    };
  }
  const na = nplRatioAll === null ? null : classValueText('K10', nplRatioAll);
  return {
    ...base,
    text: na
      ? {
          zh: `${head.zh}：科技贷款不良率降至 ${na.zh}（全部贷款不良率）以下即得满分`,
          en: `${head.en}: a tech NPL ratio at or below ${na.en} (all loans) gives full marks`,
        }
      : head,
  };
}

/** The three classes that cost the most points, and the points the composite lacks for the next grade. */
export function explainSummary(
  classes: ClassFacts[],
  ctx: {
    scheme: Scheme;
    composite: number;
    grade: Grade | null;
    flags: readonly Flag[];
    peerBest: PeerBest;
    nplRatioAll: number | null;
  },
): ExplainSummary {
  const improvements = classes
    .filter((c) => c.weight - c.points > 0.05)
    .sort(
      (a, b) =>
        b.weight - b.points - (a.weight - a.points) || a.weight - b.weight,
    )
    .slice(0, 3)
    .map((c) => improvement(c, ctx.scheme, ctx.peerBest, ctx.nplRatioAll));
  return { improvements, nextGrade: nextGrade(ctx) };
}

function nextGrade(ctx: {
  scheme: Scheme;
  composite: number;
  grade: Grade | null;
  flags: readonly Flag[];
}): ExplainNextGrade | null {
  if (ctx.grade === null) return null;
  const ladder = ctx.scheme.grades
    .filter((g) => g.min !== null)
    .sort((a, b) => (a.min as number) - (b.min as number));
  const up = ladder.find(
    (g) => (g.min as number) > ctx.composite + ctx.scheme.equality_tolerance,
  );
  if (!up) return null;
  const need = (up.min as number) - ctx.composite;
  const g = GRADE_NAMES[up.code];
  const blocked: Term | null = ctx.flags.includes('VETO')
    ? {
        zh: '（一票否决期间等级不会提高）',
        en: ' (no higher grade while the veto applies)',
      }
    : ctx.flags.includes('NPL_OVER_TOLERANCE')
      ? {
          zh: `（不良率超容忍度时等级最高为${GRADE_NAMES[ctx.scheme.npl_over_tolerance_max_grade].zh}）`,
          en: ` (at most ${GRADE_NAMES[ctx.scheme.npl_over_tolerance_max_grade].en} while the NPL ratio is over tolerance)`,
        }
      : null;
  return {
    grade: up.code,
    pointsNeeded: need,
    text: {
      zh: `距${g.zh}（${up.min} 分）还差 ${pts(need)} 分${blocked?.zh ?? ''}`,
      en: `${pts(need)} points short of ${g.en} (${up.min})${blocked?.en ?? ''}`,
    },
  };
}
