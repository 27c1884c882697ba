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
};
