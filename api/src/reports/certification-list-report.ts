import {
  cityTerm,
  OUTCOME_NAMES,
  type CertifiedListResponse,
} from '@sci/shared';
import type { PdfDoc } from './pdf-renderer';
import { footerLineText, tx, type ReportLang } from './report-text';
import { REPORT_BASE } from './unit-report';

const th = (text: string): Record<string, unknown> => ({ text, style: 'th' });

const T = {
  title: { zh: '年度科技金融特色机构认定名单', en: 'sci-tech units certified' },
  intro: {
    zh: '经申报、评价和审定，下列机构认定（保留）为科技金融特色机构。',
    en: 'After application, evaluation and decision, the units below are certified (or retained) as sci-tech units.',
  },
  no: { zh: '序号', en: 'No.' },
  city: { zh: '城市', en: 'City' },
  status: { zh: '类别', en: 'Status' },
  newly: { zh: '新认定', en: 'newly certified' },
  kept: { zh: '保留', en: 'retained' },
  byCity: { zh: '按城市', en: 'By city' },
  byBank: { zh: '按银行', en: 'By bank' },
  total: { zh: '共 {n} 家', en: '{n} units' },
  published: { zh: '发布日期', en: 'Published' },
} as const;
const t = (k: keyof typeof T, lang: ReportLang): string => T[k][lang];

/** The certification list of a year (认定名单) as a formal document. */
export function certificationListDoc(
  l: CertifiedListResponse,
  lang: ReportLang,
  generatedAt: Date,
): PdfDoc {
  const title =
    lang === 'zh'
      ? `${l.year} ${t('title', 'zh')}`
      : `${l.year}: ${t('title', 'en')}`;
  const content: unknown[] = [
    { text: title, style: 'title', alignment: 'center' },
    {
      text: `${t('total', lang).replace('{n}', String(l.items.length))}${l.publishedAt ? ` · ${t('published', lang)} ${l.publishedAt.slice(0, 10)}` : ''}`,
      style: 'subtitle',
      alignment: 'center',
    },
    { text: t('intro', lang), margin: [0, 0, 0, 8] },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [28, '*', 80, '*', 40, 56],
        body: [
          [
            th(t('no', lang)),
            th(tx('unit', lang)),
            th(tx('code', lang)),
            th(tx('bank', lang)),
            th(t('city', lang)),
            th(t('status', lang)),
          ],
          ...l.items.map((u, i) => [
            String(i + 1),
            u.name,
            u.institutionCode,
            u.bankName,
            cityTerm(u.regionCode)[lang],
            u.newlyCertified
              ? t('newly', lang)
              : u.recommendation
                ? OUTCOME_NAMES[u.recommendation][lang]
                : t('kept', lang),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    { text: t('byCity', lang), style: 'h2' },
    {
      text:
        l.byRegion
          .map((r) => `${cityTerm(r.regionCode)[lang]} ${r.count}`)
          .join(lang === 'zh' ? '，' : ', ') || '—',
    },
    { text: t('byBank', lang), style: 'h2' },
    {
      text:
        l.byBank
          .map((b) => `${b.bankName} ${b.count}`)
          .join(lang === 'zh' ? '，' : ', ') || '—',
    },
  ];
  return {
    ...REPORT_BASE,
    info: { title },
    content,
    footerText: footerLineText(generatedAt, lang),
  };
}
