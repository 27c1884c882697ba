/** Dashboard wording added for issue #15 (overview figures, layout, audit log), zh-CN master. */
export const ZH_CN_DASH = {
  'dash.gradeUnchanged': '家等级未变',
  'dash.gradedInOne': '{n} 家仅在一期参评',
  'dash.recommended': '推荐认定',
  'dash.recommendationNote': '推荐结果，非认定决定',
  'dash.listNotPublished': '名单未发布',
  'dash.colon': '：',
  'dash.paren': '（{x}）',
  'dash.readinessTitle': '按 {period} 结果的认定条件：',
  'dash.readinessAll': '定量条件（C3–C8）均已满足。',
  'dash.readinessSome': '{n} 项定量条件未满足。',
  'dash.readinessNote':
    '按认定规则由本期结果测算；组织架构与机制建设（C1、C2）以年度申报为准，正式结果以年度认定为准。',
  'dash.columns': '列',
  'dash.columnsPinned': '层级排名、机构与标记列固定显示',
  'dash.colClasses': '十类指标（K1–K10）',
  'dash.unscoredExplain': '本期未参与评分，没有分项得分可供说明。',
  'dash.thisIsYou': '当前登录账户',
  'dash.auditExport': '导出日志',
};
