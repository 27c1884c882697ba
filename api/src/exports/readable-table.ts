import {
  CLASS_CODES,
  CLASS_NAMES,
  CLASS_UNITS,
  FLAG_NAMES,
  GRADE_NAMES,
  LEVEL_NAMES,
  PEER_GROUP_NAMES,
  cityTerm,
  type ClassCode,
  type Flag,
  type Grade,
  type InstitutionLevel,
  type PeerGroup,
} from '@sci/shared';
import type { StoredResult } from '../results/results.repository';
import { flagsOf } from '../runs/run-result-row';

/**
 * The ranking board as a person reads it (issue 14): the rows and columns on screen, names and
 * words instead of codes, values rounded in display units, headers in the reader's language.
 * Not the exchange format (results-export.ts), which is a contract and stays byte-identical.
 */
export type ReadableLang = 'zh' | 'en';
export type ReadableShow = 'score' | 'value';
export type ReadableCell = string | number | null;

export interface ReadableColumn {
  header: string;
  /** XLSX column width in characters */
  width: number;
  /** XLSX number format for numeric cells */
  numFmt?: string;
}

export interface ReadableTable {
  name: string;
  /** the title row: period, run and scheme version */
  title: string;
  columns: ReadableColumn[];
  rows: ReadableCell[][];
}

export interface ReadableMeta {
  period: string;
  runId: number;
  schemeId: string;
  schemeVersion: number;
  published: boolean;
  lang: ReadableLang;
  show: ReadableShow;
  /** bank_code -> the bank's (head unit's) name */
  bankNames: Map<string, string>;
}

const H = {
  rank: { zh: '层级排名', en: 'Rank' },
  name: { zh: '机构名称', en: 'Unit' },
  code: { zh: '机构代码', en: 'Code' },
  bank: { zh: '所属银行', en: 'Bank' },
  level: { zh: '层级', en: 'Level' },
  peer: { zh: '同业组', en: 'Peer group' },
  city: { zh: '城市', en: 'City' },
  grade: { zh: '等级', en: 'Grade' },
  composite: { zh: '综合得分', en: 'Composite' },
  quantitative: { zh: '定量得分', en: 'Quantitative' },
  qualitative: { zh: '定性得分', en: 'Qualitative' },
  rankPeer: { zh: '同组排名', en: 'Peer rank' },
  rankBank: { zh: '行内排名', en: 'Bank rank' },
  flags: { zh: '提示', en: 'Flags' },
  points: { zh: '分', en: 'points' },
} as const;

/** The display unit of a class value in a spreadsheet: K1 in 万元 (a fixed unit, so a column adds up). */
const VALUE_UNIT: Record<
  ReturnType<typeof unitOf>,
  { zh: string; en: string; div: number; numFmt: string }
> = {
  yuan: { zh: '万元', en: 'CNY 10k', div: 1e4, numFmt: '#,##0.00' },
  count: { zh: '户', en: 'borrowers', div: 1, numFmt: '#,##0' },
  '%': { zh: '%', en: '%', div: 1, numFmt: '0.00' },
  pp: { zh: '个百分点', en: 'pp', div: 1, numFmt: '0.00' },
  bp: { zh: '基点', en: 'bp', div: 1, numFmt: '0.00' },
};

function unitOf(c: ClassCode): (typeof CLASS_UNITS)[ClassCode] {
  return CLASS_UNITS[c];
}

function paren(head: string, unit: string, lang: ReadableLang): string {
  return lang === 'zh' ? `${head}（${unit}）` : `${head} (${unit})`;
}

/** Rounded as the board shows it (2 decimals; counts whole), so the file and the screen agree. */
function round(x: number | null, decimals: number): number | null {
  return x === null ? null : Number(x.toFixed(decimals));
}

export function readableTable(
  rows: StoredResult[],
  m: ReadableMeta,
): ReadableTable {
  const L = m.lang;
  const classCols: ReadableColumn[] = CLASS_CODES.map((c) => {
    const u = VALUE_UNIT[unitOf(c)];
    return m.show === 'score'
      ? {
          header: paren(`${c} ${CLASS_NAMES[c][L]}`, H.points[L], L),
          width: 14,
          numFmt: '0.00',
        }
      : {
          header: paren(`${c} ${CLASS_NAMES[c][L]}`, u[L], L),
          width: 16,
          numFmt: u.numFmt,
        };
  });
  const columns: ReadableColumn[] = [
    { header: H.rank[L], width: 8, numFmt: '0' },
    { header: H.name[L], width: 28 },
    { header: H.code[L], width: 14 },
    { header: H.bank[L], width: 18 },
    { header: H.level[L], width: 10 },
    { header: H.peer[L], width: 14 },
    { header: H.city[L], width: 8 },
    { header: H.grade[L], width: 8 },
    { header: H.composite[L], width: 10, numFmt: '0.00' },
    { header: H.quantitative[L], width: 10, numFmt: '0.00' },
    { header: H.qualitative[L], width: 10, numFmt: '0.00' },
    ...classCols,
    { header: H.rankPeer[L], width: 8, numFmt: '0' },
    { header: H.rankBank[L], width: 8, numFmt: '0' },
    { header: H.flags[L], width: 30 },
  ];
  const out = rows.map((r): ReadableCell[] => {
    const scored = r.scored === 1;
    const rec = r as unknown as Record<string, number | null>;
    const classCells = CLASS_CODES.map((c, i) => {
      if (!scored) return null;
      if (m.show === 'score') return round(rec[`s${i + 1}`], 2);
      const v = rec[`k${i + 1}`];
      const u = VALUE_UNIT[unitOf(c)];
      return v === null
        ? null
        : round(v / u.div, unitOf(c) === 'count' ? 0 : 2);
    });
    return [
      r.rank_level,
      r.name,
      r.code,
      m.bankNames.get(r.bank_code) ?? r.bank_code,
      LEVEL_NAMES[r.level as InstitutionLevel]?.[L] ?? r.level,
      PEER_GROUP_NAMES[r.peer_group as PeerGroup]?.[L] ?? r.peer_group,
      cityTerm(r.region_code)[L],
      r.grade ? (GRADE_NAMES[r.grade as Grade]?.[L] ?? r.grade) : null,
      scored ? round(r.composite, 2) : null,
      scored ? round(r.quantitative, 2) : null,
      scored ? round(r.qualitative, 2) : null,
      ...classCells,
      r.rank_peer,
      r.rank_bank,
      flagsOf(r.flags)
        .map((f: Flag) => FLAG_NAMES[f]?.[L] ?? f)
        .join(L === 'zh' ? '；' : '; '),
    ];
  });
  const status = m.published
    ? { zh: '已发布', en: 'published' }
    : { zh: '草稿', en: 'draft' };
  const title =
    L === 'zh'
      ? `科技金融服务效果评估结果 · ${m.period} · 运行 #${m.runId}（${status.zh}）· 方案 ${m.schemeId} 第 ${m.schemeVersion} 版`
      : `Sci-tech finance evaluation results · ${m.period} · run #${m.runId} (${status.en}) · scheme ${m.schemeId} v${m.schemeVersion}`;
  return {
    name: L === 'zh' ? `评估结果-${m.period}` : `results-${m.period}`,
    title,
    columns,
    rows: out,
  };
}
