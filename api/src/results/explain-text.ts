import type { Flag, FlagText, Scheme } from '@sci/shared';

/** A flag in words; figures come from the run's scheme, never from code. */
export function flagText(flag: Flag, scheme: Scheme): FlagText {
  const min = scheme.peer_group_min_size;
  const k10 = scheme.classes.K10;
  const tol = k10.method === 'npl_band' ? k10.tolerance_pp : null;
  const cap = scheme.grades.find((g) => g.code === scheme.npl_over_tolerance_max_grade);
  const veto = scheme.grades.find((g) => g.code === scheme.veto.grade);
  const texts: Record<Flag, { zh: string; en: string }> = {
    NO_LOANS: { zh: '本期无贷款余额，不参与评分和排名', en: 'No loan balance at the period: not scored or ranked' },
    SMALL_PEER_GROUP: {
      zh: `同类机构少于${min}家，与同层级全部机构比较`,
      en: `Fewer than ${min} units in the peer group: compared with the whole level`,
    },
    NO_BASELINE: { zh: '上年末无基期数据，增速差按无基期得分', en: 'No baseline at the end of last year: K3 gets the no-baseline score' },
    NEW_ENTRANT: { zh: '上年末无科技贷款、本期新增，增速差得满分', en: 'New entrant: no tech loans at the end of last year, some now (K3 full marks)' },
    NPL_OVER_TOLERANCE: {
      zh: `科技贷款不良率超过全部贷款不良率${tol ?? ''}个百分点，等级最高为${cap?.zh ?? scheme.npl_over_tolerance_max_grade}`,
      en: `Tech NPL ratio more than ${tol ?? ''} pp above the all-loan NPL ratio: grade at most ${scheme.npl_over_tolerance_max_grade}`,
    },
    QUAL_INHERITED: { zh: '定性评价沿用上级机构的评分', en: 'Qualitative score inherited from a parent unit' },
    QUAL_MISSING: { zh: '缺少定性评价，相应板块得0分', en: 'Qualitative score missing: the block scores 0' },
    VETO: {
      zh: `${scheme.veto.window_days}天内受到重大监管处罚或数据造假认定，等级为${veto?.zh ?? scheme.veto.grade}`,
      en: `Material penalty or falsified data within ${scheme.veto.window_days} days: grade set to ${scheme.veto.grade}`,
    },
  };
  return { code: flag, ...texts[flag] };
}
