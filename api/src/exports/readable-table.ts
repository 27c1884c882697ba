import {
  CLASS_CODES,
  CLASS_NAMES,
  BP_UNIT,
  CLASS_UNIT,
  moneyScaleFor,
  ppUnit,
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
  type ResultColumn,
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
  /** the board's optional columns shown (undefined: all); rank, unit, code and flags always */
  columns?: readonly ResultColumn[];
}

/** A column of the file: its place on the board (null: pinned, always written) and its cells. */
interface ColumnSpec {
  key: ResultColumn | null;
  cols: ReadableColumn[];
  cells: (r: StoredResult) => ReadableCell[];
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

interface ValueUnit {
  unit: string;
  div: number;
  numFmt: string;
}

/**
 * The display unit of each class column, from the one formatter (format.ts): K1 in ONE money
 * scale for the whole column (moneyScaleFor: 亿元 or 万元, CNY bn or m), K5 borrowers, K3 pp,
 * K9 bp, the rest %.
 */
function valueUnits(
  rows: StoredResult[],
  lang: ReadableLang,
): Record<ClassCode, ValueUnit> {
  const dl = lang === 'zh' ? 'zh-CN' : 'en';
  const money = moneyScaleFor(
    rows.map((r) => r.k1),
    dl,
  );
  const of = (c: ClassCode): ValueUnit => {
    switch (CLASS_UNIT[c]) {
      case 'money':
        return { unit: money.unit, div: money.divisor, numFmt: '#,##0.00' };
      case 'count':
        return {
          unit: lang === 'zh' ? '户' : 'borrowers',
          div: 1,
          numFmt: '#,##0',
        };
      case 'pp':
        return { unit: ppUnit(dl), div: 1, numFmt: '0.00' };
      case 'bp':
        return { unit: BP_UNIT, div: 1, numFmt: '0.00' };
      default:
        return { unit: '%', div: 1, numFmt: '0.00' };
    }
  };
  return Object.fromEntries(CLASS_CODES.map((c) => [c, of(c)])) as Record<
    ClassCode,
    ValueUnit
  >;
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
  const units = valueUnits(rows, L);
  const classCols: ReadableColumn[] = CLASS_CODES.map((c) => {
    const u = units[c];
    return m.show === 'score'
      ? {
          header: paren(`${c} ${CLASS_NAMES[c][L]}`, H.points[L], L),
          width: 14,
          numFmt: '0.00',
        }
      : {
          header: paren(`${c} ${CLASS_NAMES[c][L]}`, u.unit, L),
          width: 16,
          numFmt: u.numFmt,
        };
  });
  const classCells = (r: StoredResult): ReadableCell[] => {
    const scored = r.scored === 1;
    const rec = r as unknown as Record<string, number | null>;
    return CLASS_CODES.map((c, i) => {
      if (!scored) return null;
      if (m.show === 'score') return round(rec[`s${i + 1}`], 2);
      const v = rec[`k${i + 1}`];
      const u = units[c];
      return v === null
        ? null
        : round(v / u.div, CLASS_UNIT[c] === 'count' ? 0 : 2);
    });
  };
  const scoredOr = (r: StoredResult, x: number | null): ReadableCell =>
    r.scored === 1 ? round(x, 2) : null;
  const specs: ColumnSpec[] = [
    {
      key: null,
      cols: [{ header: H.rank[L], width: 8, numFmt: '0' }],
      cells: (r) => [r.rank_level],
    },
    {
      key: null,
      cols: [{ header: H.name[L], width: 28 }],
      cells: (r) => [r.name],
    },
    {
      key: null,
      cols: [{ header: H.code[L], width: 14 }],
      cells: (r) => [r.code],
    },
    {
      key: 'bank',
      cols: [{ header: H.bank[L], width: 18 }],
      cells: (r) => [m.bankNames.get(r.bank_code) ?? r.bank_code],
    },
    {
      key: 'level',
      cols: [{ header: H.level[L], width: 10 }],
      cells: (r) => [LEVEL_NAMES[r.level as InstitutionLevel]?.[L] ?? r.level],
    },
    {
      key: 'peer',
      cols: [{ header: H.peer[L], width: 14 }],
      cells: (r) => [
        PEER_GROUP_NAMES[r.peer_group as PeerGroup]?.[L] ?? r.peer_group,
      ],
    },
    {
      key: 'city',
      cols: [{ header: H.city[L], width: 8 }],
      cells: (r) => [cityTerm(r.region_code)[L]],
    },
    {
      key: 'grade',
      cols: [{ header: H.grade[L], width: 8 }],
      cells: (r) => [
        r.grade ? (GRADE_NAMES[r.grade as Grade]?.[L] ?? r.grade) : null,
      ],
    },
    {
      key: 'composite',
      cols: [{ header: H.composite[L], width: 10, numFmt: '0.00' }],
      cells: (r) => [scoredOr(r, r.composite)],
    },
    {
      key: 'quantitative',
      cols: [{ header: H.quantitative[L], width: 10, numFmt: '0.00' }],
      cells: (r) => [scoredOr(r, r.quantitative)],
    },
    {
      key: 'qualitative',
      cols: [{ header: H.qualitative[L], width: 10, numFmt: '0.00' }],
      cells: (r) => [scoredOr(r, r.qualitative)],
    },
    { key: 'classes', cols: classCols, cells: (r) => classCells(r) },
    {
      key: 'rankPeer',
      cols: [{ header: H.rankPeer[L], width: 8, numFmt: '0' }],
      cells: (r) => [r.rank_peer],
    },
    {
      key: 'rankBank',
      cols: [{ header: H.rankBank[L], width: 8, numFmt: '0' }],
      cells: (r) => [r.rank_bank],
    },
    {
      key: null,
      cols: [{ header: H.flags[L], width: 30 }],
      cells: (r) => [
        flagsOf(r.flags)
          .map((f: Flag) => FLAG_NAMES[f]?.[L] ?? f)
          .join(L === 'zh' ? '；' : '; '),
      ],
    },
  ];
  const shown = specs.filter(
    (s) => s.key === null || !m.columns || m.columns.includes(s.key),
  );
  const columns = shown.flatMap((s) => s.cols);
  const out = rows.map((r): ReadableCell[] => shown.flatMap((s) => s.cells(r)));
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
