/** Messages of the readable results (issue 14): the unit page's words, exports and reports. */
export const ZH_CN_WORDS = {
  'words.improveTitle': '提分空间',
  'words.improveNone': '各项指标均已得满分或接近满分。',
  'words.how': '计算方法（公式与符号）',
  'words.inWords': '说明',
  'words.points': '得分',
  'words.parts': '分子 / 分母',
  'words.symbols':
    'n：同组机构数；H：同业位置（优于同组机构的比例）；m：前几个季度均值；V：趋势部分；f：得分系数（得分 = 权重 × f）；NA：全部贷款不良率；BA：有余额借款户数。',
  'words.exportReadable': '导出表格（所见即所得）',
  'words.exportExchange': '交换格式（数据接口）',
  'words.report': '评估报告（PDF）',
  'words.bankBatch': '全行报告打包（ZIP）',
  'words.print': '打印',
  'compare.title': '机构对比',
  'compare.subtitle': '最多 {n} 家机构并列比较，可加上同组中位数',
  'compare.add': '输入机构名称或代码添加',
  'compare.withMedian': '加上第一家机构的同组中位数',
  'compare.median': '同组中位数',
  'compare.empty': '尚未选择机构',
  'compare.remove': '移除',
  'compare.trend': '较上季度综合得分变化',
  'compare.pass': '通过',
  'compare.fail': '未通过',
  'compare.note':
    '每格上为指标值，下为得分。同组中位数只在同组机构不少于 5 家时显示，且只含汇总统计。',
  'compare.open': '对比',
} as const;

export const EN_WORDS: Record<keyof typeof ZH_CN_WORDS, string> = {
  'words.improveTitle': 'Where the points are',
  'words.improveNone': 'Every class is at or near full marks.',
  'words.how': 'How it is computed (formulas and symbols)',
  'words.inWords': 'In words',
  'words.points': 'Points',
  'words.parts': 'Numerator / denominator',
  'words.symbols':
    'n: units in the peer set; H: peer position (share of peers it beats); m: mean of the previous quarters; V: trend part; f: score factor (points = weight × f); NA: all-loan NPL ratio; BA: borrowers with a balance.',
  'words.exportReadable': 'Table as shown',
  'words.exportExchange': 'Exchange format (data interface)',
  'words.report': 'Evaluation report (PDF)',
  'words.bankBatch': 'All reports of the bank (ZIP)',
  'words.print': 'Print',
  'compare.title': 'Compare units',
  'compare.subtitle':
    'Up to {n} units side by side, optionally with the peer median',
  'compare.add': 'Type a unit name or code to add it',
  'compare.withMedian': "Add the first unit's peer median",
  'compare.median': 'Peer median',
  'compare.empty': 'No units chosen yet',
  'compare.remove': 'Remove',
  'compare.trend': 'Composite change since last quarter',
  'compare.pass': 'passes',
  'compare.fail': 'fails',
  'compare.note':
    'Each cell: the value above, the points below. The peer median is shown only for a peer set of at least 5 units, and holds aggregates only.',
  'compare.open': 'Compare',
};
