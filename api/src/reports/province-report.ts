import {
  GRADES,
  INSTITUTION_LEVELS,
  SHANDONG_CITIES,
  type Grade,
  type InstitutionLevel,
  type RunDiffUnit,
  type RunResponse,
} from '@sci/shared';
import type { PdfDoc } from './pdf-renderer';
import {
  footerLine,
  gradeText,
  levelText,
  pts,
  tx,
  type ReportLang,
} from './report-text';
import { REPORT_BASE } from './unit-report';

/** One scored unit as the province report needs it. */
export interface ProvinceUnit {
  code: string;
  name: string;
  level: InstitutionLevel;
  regionCode: string;
  composite: number;
  grade: Grade | null;
  rankLevel: number | null;
}

export interface ProvinceReportInput {
  run: RunResponse;
  units: ProvinceUnit[];
  /** the quarter before, when it has a published run: the biggest composite changes */
  movement: { previous: RunResponse; units: RunDiffUnit[] } | null;
}

const th = (text: string): Record<string, unknown> => ({ text, style: 'th' });
/** a header over a column of numbers */
const thn = (text: string): Record<string, unknown> => ({
  text,
  style: 'th',
  alignment: 'right',
});
const TOP = 10;

const T = {
  title: {
    zh: '科技金融服务效果评估 · 全省情况',
    en: 'Sci-tech finance evaluation · province',
  },
  distribution: { zh: '等级分布', en: 'Grades by level' },
  total: { zh: '合计', en: 'Total' },
  cities: { zh: '各市市级分行', en: 'City branches by city' },
  city: { zh: '城市', en: 'City' },
  units: { zh: '机构数', en: 'Units' },
  mean: { zh: '平均综合得分', en: 'Mean composite' },
  top: { zh: '前十名（市级分行）', en: 'Top ten (city branches)' },
  bottom: { zh: '后十名（市级分行）', en: 'Bottom ten (city branches)' },
  movement: {
    zh: '较上季度变化最大的机构',
    en: 'Largest changes since last quarter',
  },
  noMovement: {
    zh: '上季度无已发布的运行。',
    en: 'No published run for the previous quarter.',
  },
  change: { zh: '变化', en: 'Change' },
  rank: { zh: '排名', en: 'Rank' },
} as const;
const t = (k: keyof typeof T, lang: ReportLang): string => T[k][lang];

function rankTable(
  units: ProvinceUnit[],
  lang: ReportLang,
): Record<string, unknown> {
  return {
    table: {
      headerRows: 1,
      widths: [30, '*', 60, 50],
      body: [
        [
          th(t('rank', lang)),
          th(tx('unit', lang)),
          th(tx('composite', lang)),
          th(tx('grade', lang)),
        ],
        ...units.map((u) => [
          String(u.rankLevel ?? '—'),
          `${u.name} ${u.code}`,
          { text: pts(u.composite), alignment: 'right' },
          gradeText(u.grade, lang),
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
  };
}

/** The regulator's province report: grade distribution, the cities, top and bottom, movements. */
export function provinceReportDoc(
  p: ProvinceReportInput,
  lang: ReportLang,
  generatedAt: Date,
): PdfDoc {
  const count = (l: InstitutionLevel | null, g: Grade): number =>
    p.units.filter((u) => (l === null || u.level === l) && u.grade === g)
      .length;
  const content: unknown[] = [
    { text: `${t('title', lang)} · ${p.run.period}`, style: 'title' },
    { text: t('distribution', lang), style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: ['*', ...GRADES.map(() => 56), 56],
        body: [
          [
            th(tx('level', lang)),
            ...GRADES.map((g) => thn(gradeText(g, lang))),
            thn(t('total', lang)),
          ],
          ...[...INSTITUTION_LEVELS, null].map((l) => [
            l ? levelText(l, lang) : t('total', lang),
            ...GRADES.map((g) => ({
              text: String(count(l, g)),
              alignment: 'right',
            })),
            {
              text: String(
                p.units.filter((u) => l === null || u.level === l).length,
              ),
              alignment: 'right',
            },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
  const cityUnits = p.units.filter((u) => u.level === 'city');
  content.push({ text: t('cities', lang), style: 'h2' });
  content.push({
    table: {
      headerRows: 1,
      widths: ['*', 44, 60, ...GRADES.map(() => 44)],
      body: [
        [
          th(t('city', lang)),
          thn(t('units', lang)),
          thn(t('mean', lang)),
          ...GRADES.map((g) => thn(gradeText(g, lang))),
        ],
        ...SHANDONG_CITIES.map((c) => {
          const us = cityUnits.filter((u) => u.regionCode === c.code);
          const mean = us.length
            ? us.reduce((s, u) => s + u.composite, 0) / us.length
            : null;
          return [
            c[lang],
            { text: String(us.length), alignment: 'right' },
            { text: pts(mean), alignment: 'right' },
            ...GRADES.map((g) => ({
              text: String(us.filter((u) => u.grade === g).length),
              alignment: 'right',
            })),
          ];
        }),
      ],
    },
    layout: 'lightHorizontalLines',
  });
  const ranked = [...cityUnits].sort(
    (a, b) => b.composite - a.composite || (a.code < b.code ? -1 : 1),
  );
  content.push(
    { text: t('top', lang), style: 'h2' },
    rankTable(ranked.slice(0, TOP), lang),
  );
  content.push(
    { text: t('bottom', lang), style: 'h2' },
    rankTable(ranked.slice(-TOP).reverse(), lang),
  );
  content.push({
    text: `${t('movement', lang)}${p.movement ? `（${p.movement.previous.period} → ${p.run.period}）` : ''}`,
    style: 'h2',
  });
  if (!p.movement) content.push({ text: t('noMovement', lang) });
  else {
    const moved = p.movement.units
      .filter((u) => u.onlyIn === null && u.composite.delta !== null)
      .slice(0, TOP);
    content.push({
      table: {
        headerRows: 1,
        widths: ['*', 70, 90, 50],
        body: [
          [
            th(tx('unit', lang)),
            th(tx('level', lang)),
            th(tx('composite', lang)),
            th(t('change', lang)),
          ],
          ...moved.map((u) => [
            `${u.name} ${u.code}`,
            levelText(u.level as InstitutionLevel, lang),
            `${pts(u.composite.a)} → ${pts(u.composite.b)}`,
            {
              text: `${(u.composite.delta ?? 0) > 0 ? '+' : ''}${pts(u.composite.delta)}`,
              alignment: 'right',
              color: (u.composite.delta ?? 0) >= 0 ? '#1f7a3a' : '#c0392b',
            },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    });
  }
  return {
    ...REPORT_BASE,
    info: { title: `${t('title', lang)} ${p.run.period}` },
    content,
    footerText: footerLine(p.run, generatedAt, lang),
  };
}
