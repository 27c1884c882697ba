import type { ZH_CN_DASH } from './zh-cn-dash';

export const EN_DASH: Record<keyof typeof ZH_CN_DASH, string> = {
  'dash.gradeUnchanged': 'kept their grade',
  'dash.gradedInOne': '{n} graded in one period only',
  'dash.recommended': 'Recommended',
  'dash.recommendationNote': 'recommendations, not decisions',
  'dash.listNotPublished': 'list not published',
  'dash.colon': ': ',
  'dash.paren': ' ({x})',
  'dash.readinessTitle': 'Certification conditions on the {period} result:',
  'dash.readinessAll': 'All quantitative conditions (C3-C8) are met.',
  'dash.readinessSome': '{n} quantitative condition(s) not met.',
  'dash.readinessNote':
    'Computed from this period by the certification rules; organisation and mechanisms (C1, C2) come from the annual application, and the annual exercise decides.',
  'dash.columns': 'Columns',
  'dash.columnsPinned': 'Level rank, unit and flags always show',
  'dash.colClasses': 'Ten classes (K1-K10)',
  'dash.unscoredExplain':
    'Not scored this period: there are no class points to explain.',
  'dash.thisIsYou': 'your account',
  'dash.auditExport': 'Export log',
};
