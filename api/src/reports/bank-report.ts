import {
  OUTCOME_NAMES,
  type BankSummaryResponse,
  type EvaluationItem,
} from '@sci/shared';
import type { PdfDoc } from './pdf-renderer';
import {
  footerLine,
  gradeText,
  levelText,
  peerText,
  pts,
  tx,
  type ReportLang,
} from './report-text';
import { REPORT_BASE } from './unit-report';

const th = (text: string): Record<string, unknown> => ({ text, style: 'th' });

/** A bank's report: its head unit among its peers and every unit ranked within the bank by level. */
export function bankReportDoc(
  b: BankSummaryResponse,
  lang: ReportLang,
  generatedAt: Date,
  readiness: Map<string, EvaluationItem> = new Map(),
): PdfDoc {
  const content: unknown[] = [
    { text: `${tx('bankTitle', lang)} · ${b.run.period}`, style: 'title' },
    { text: `${b.bankName}（${b.bankCode}）`, style: 'subtitle' },
  ];
  if (b.head) {
    content.push({ text: tx('head', lang), style: 'h2' });
    content.push({
      text:
        lang === 'zh'
          ? `${peerText(b.head.peerGroup, lang)}：综合得分 ${pts(b.head.composite)}，等级${gradeText(b.head.grade, lang)}，同组 ${b.head.peerGroupSize} 家中第 ${b.head.rankPeer ?? '—'} 名，全省同层级 ${b.head.levelSize} 家中第 ${b.head.rankLevel ?? '—'} 名；同组综合得分中位数 ${pts(b.peerComposite.median)}。`
          : `${peerText(b.head.peerGroup, lang)}: composite ${pts(b.head.composite)}, grade ${gradeText(b.head.grade, lang)}, ${b.head.rankPeer ?? '—'} of ${b.head.peerGroupSize} in its peer group, ${b.head.rankLevel ?? '—'} of ${b.head.levelSize} at its level; peer median composite ${pts(b.peerComposite.median)}.`,
    });
  }
  if (readiness.size) {
    const year = [...readiness.values()][0].year;
    const counts = new Map<string, number>();
    for (const e of readiness.values())
      counts.set(e.recommendation, (counts.get(e.recommendation) ?? 0) + 1);
    content.push({ text: `${tx('readiness', lang)} · ${year}`, style: 'h2' });
    content.push({
      ul: [...counts].map(
        ([o, n]) =>
          `${OUTCOME_NAMES[o as keyof typeof OUTCOME_NAMES][lang]}：${n}`,
      ),
    });
  }
  content.push({ text: tx('units', lang), style: 'h2' });
  content.push({
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*', 60, 46, 40, 40, 40, 70],
      body: [
        [
          th(tx('unit', lang)),
          th(tx('level', lang)),
          th(tx('composite', lang)),
          th(tx('grade', lang)),
          th(tx('rankInBank', lang)),
          th(tx('rankLevel', lang)),
          th(tx('readiness', lang)),
        ],
        ...b.units.map((u) => [
          `${u.name}\n${u.code}`,
          levelText(u.level, lang),
          { text: u.scored ? pts(u.composite) : '—', alignment: 'right' },
          gradeText(u.grade, lang),
          { text: String(u.rankInBank ?? '—'), alignment: 'right' },
          { text: String(u.rankLevel ?? '—'), alignment: 'right' },
          readinessText(readiness.get(u.code), lang),
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
  });
  return {
    ...REPORT_BASE,
    info: { title: `${tx('bankTitle', lang)} ${b.bankCode} ${b.run.period}` },
    content,
    footerText: footerLine(b.run, generatedAt, lang),
  };
}

/** "6/8 通过 · 储备": checks passed and the recommendation of the year's evaluation. */
function readinessText(
  e: EvaluationItem | undefined,
  lang: ReportLang,
): string {
  if (!e) return '—';
  const passed = Object.values(e.passes).filter(Boolean).length;
  const total = Object.keys(e.passes).length;
  return `${passed}/${total} ${tx('pass', lang)} · ${OUTCOME_NAMES[e.recommendation][lang]}`;
}
