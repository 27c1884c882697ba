import {
  CHECK_NAMES,
  CLASS_NAMES,
  OUTCOME_NAMES,
  QUAL_BLOCK_NAMES,
  type EvaluationDetailResponse,
  type ExplainResponse,
} from '@sci/shared';
import type { PdfDoc } from './pdf-renderer';
import {
  footerLine,
  gradeText,
  levelText,
  peerText,
  pts,
  tx,
  valueText,
  type ReportLang,
} from './report-text';

/** Styles shared by every report: A4, Noto Sans SC, tables whose header repeats on each page. */
export const REPORT_BASE = {
  pageSize: 'A4',
  pageMargins: [40, 48, 40, 48],
  defaultStyle: { font: 'NotoSansSC', fontSize: 9, lineHeight: 1.25 },
  styles: {
    title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
    subtitle: { fontSize: 10, color: '#555555', margin: [0, 0, 0, 10] },
    h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 6] },
    th: { bold: true, fillColor: '#f0f0f0' },
    big: { fontSize: 20, bold: true },
  },
};

const th = (text: string): Record<string, unknown> => ({ text, style: 'th' });

/** A unit's evaluation report (评估结果): identity, composite and grade, the ten classes in words, flags, qualitative blocks. */
export function unitReportDoc(
  e: ExplainResponse,
  bankName: string,
  lang: ReportLang,
  generatedAt: Date,
  cert: { year: number; detail: EvaluationDetailResponse | null } | null = null,
): PdfDoc {
  const content: unknown[] = [
    { text: `${tx('unitTitle', lang)} · ${e.run.period}`, style: 'title' },
    { text: `${e.name}（${e.code}）`, style: 'subtitle' },
    {
      table: {
        widths: ['auto', '*', 'auto', '*'],
        body: [
          [th(tx('unit', lang)), e.name, th(tx('code', lang)), e.code],
          [
            th(tx('bank', lang)),
            bankName,
            th(tx('period', lang)),
            e.run.period,
          ],
          [
            th(tx('level', lang)),
            levelText(e.level, lang),
            th(tx('peer', lang)),
            peerText(e.peerGroup, lang),
          ],
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
  if (!e.scored) {
    content.push({ text: tx('notScored', lang), margin: [0, 12, 0, 0] });
  } else {
    content.push({
      margin: [0, 12, 0, 0],
      columns: [
        {
          width: 'auto',
          stack: [
            { text: tx('composite', lang), color: '#555555' },
            { text: pts(e.composite), style: 'big' },
          ],
        },
        {
          width: 'auto',
          margin: [24, 0, 0, 0],
          stack: [
            { text: tx('grade', lang), color: '#555555' },
            { text: gradeText(e.grade, lang), style: 'big' },
          ],
        },
        {
          width: '*',
          margin: [24, 4, 0, 0],
          stack: [
            `${tx('quantitative', lang)} ${pts(e.quantitative)} · ${tx('qualitative', lang)} ${pts(e.qualitative)}`,
            `${tx('ranks', lang)}：${e.rankLevel ?? '—'} / ${e.rankPeer ?? '—'} / ${e.rankBank ?? '—'}`,
          ],
        },
      ],
    });
    content.push({ text: tx('improve', lang), style: 'h2' });
    const items = [
      e.summary.nextGrade?.text[lang],
      ...e.summary.improvements.map((i) => i.text[lang]),
    ].filter((x): x is string => !!x);
    content.push({ ul: items.length ? items : [tx('noFlags', lang)] });
    content.push({ text: tx('classes', lang), style: 'h2' });
    content.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [70, 60, 42, '*'],
        body: [
          [
            th(tx('klass', lang)),
            th(tx('value', lang)),
            th(tx('points', lang)),
            th(tx('why', lang)),
          ],
          ...e.classes.map((c) => [
            `${c.code} ${CLASS_NAMES[c.code][lang]}`,
            { text: valueText(c.code, c.value, lang), alignment: 'right' },
            {
              text: `${c.points.toFixed(1)} / ${c.weight}`,
              alignment: 'right',
            },
            c.why[lang],
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    });
  }
  content.push({ text: tx('flags', lang), style: 'h2' });
  content.push(
    e.flags.length
      ? { ul: e.flags.map((f) => f[lang]) }
      : { text: tx('noFlags', lang) },
  );
  content.push({ text: tx('qual', lang), style: 'h2' });
  content.push({
    table: {
      headerRows: 1,
      widths: ['*', 50, 50, '*'],
      body: [
        [
          th(tx('block', lang)),
          th(tx('score', lang)),
          th(tx('points', lang)),
          th(tx('source', lang)),
        ],
        ...e.qualitativeBlocks.map((b) => [
          `${b.block} ${QUAL_BLOCK_NAMES[b.block][lang]}`,
          {
            text: b.score === null ? tx('missing', lang) : String(b.score),
            alignment: 'right',
          },
          { text: b.points.toFixed(2), alignment: 'right' },
          b.score === null
            ? '—'
            : `${b.inherited ? tx('inherited', lang) : tx('own', lang)}${b.sourceName ? ` ${b.sourceName}` : ''}${b.sourceYear ? ` · ${b.sourceYear}` : ''}`,
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
  });
  if (cert) content.push(...certSection(cert.year, cert.detail, lang));
  return {
    ...REPORT_BASE,
    info: { title: `${tx('unitTitle', lang)} ${e.code} ${e.run.period}` },
    content,
    footerText: footerLine(e.run, generatedAt, lang),
  };
}

/** Certification status of the period's year: recommendation, decision, the eight checks, what is lacking. */
function certSection(
  year: number,
  d: EvaluationDetailResponse | null,
  lang: ReportLang,
): unknown[] {
  const head = { text: `${tx('cert', lang)} · ${year}`, style: 'h2' };
  if (!d) return [head, { text: tx('noCert', lang) }];
  const decision = d.decision
    ? d.decision.decision === 'confirm'
      ? tx('confirmed', lang)
      : tx('rejected', lang)
    : tx('pending', lang);
  return [
    head,
    {
      text: `${tx('recommendation', lang)}：${OUTCOME_NAMES[d.recommendation][lang]} · ${tx('decision', lang)}：${decision}`,
    },
    { text: d.explanation[lang], color: '#555555', margin: [0, 2, 0, 6] },
    {
      table: {
        headerRows: 1,
        widths: ['*', 60],
        body: [
          [th(tx('check', lang)), th(tx('result', lang))],
          ...d.checks.map((c) => [
            `${c.code} ${CHECK_NAMES[c.code][lang]}`,
            {
              text: c.pass ? tx('pass', lang) : tx('fail', lang),
              color: c.pass ? '#1f7a3a' : '#c0392b',
            },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    ...(d.shortfalls.length
      ? [
          { text: tx('shortfalls', lang), bold: true, margin: [0, 6, 0, 2] },
          { ul: d.shortfalls.map((s) => s[lang]) },
        ]
      : []),
  ];
}
