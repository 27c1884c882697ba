import { RESULT_COLUMNS, type ResultColumn } from '@sci/shared';
import type { Lang } from '../../core/i18n/i18n.store';

/**
 * The ranking board's columns. Identity (level rank, movement, unit) is pinned left and the
 * flags pinned right, so a vetoed unit's reason is on screen whatever is scrolled; the columns in
 * between can be chosen. Widths are per language: English labels ("City commercial",
 * "Level rank" plus its sort arrows) need more room than Chinese ones. The optional keys are
 * one list with the readable export's `columns` parameter (@sci/shared).
 */
export const OPTIONAL_COLUMNS = RESULT_COLUMNS;
export type RankingColumn = ResultColumn;

/** What a board shows first: level is the filter already, quant./qual. add up to the composite. */
export const DEFAULT_COLUMNS: readonly RankingColumn[] = [
  'bank',
  'peer',
  'city',
  'grade',
  'composite',
  'classes',
  'rankPeer',
  'rankBank',
];

export type PinnedColumn = 'rankLevel' | 'change' | 'unit' | 'flags';
type Width = Record<Lang, number>;

const W: Record<RankingColumn | PinnedColumn, Width> = {
  rankLevel: { 'zh-CN': 92, en: 104 },
  change: { 'zh-CN': 60, en: 76 },
  unit: { 'zh-CN': 240, en: 240 },
  bank: { 'zh-CN': 72, en: 72 },
  level: { 'zh-CN': 92, en: 104 },
  peer: { 'zh-CN': 104, en: 140 },
  city: { 'zh-CN': 64, en: 96 },
  grade: { 'zh-CN': 84, en: 96 },
  composite: { 'zh-CN': 96, en: 112 },
  quantitative: { 'zh-CN': 80, en: 84 },
  qualitative: { 'zh-CN': 80, en: 84 },
  // one K column; ×10
  classes: { 'zh-CN': 72, en: 72 },
  rankPeer: { 'zh-CN': 92, en: 104 },
  rankBank: { 'zh-CN': 92, en: 104 },
  flags: { 'zh-CN': 180, en: 200 },
};

/** A K column in values mode holds "+12.66 个百分点" or "1,234.57 亿元". */
const CLASS_VALUE_WIDTH: Width = { 'zh-CN': 124, en: 112 };

/** Width in px of a column, as `nzWidth` wants it. */
export function columnWidth(
  col: RankingColumn | PinnedColumn,
  lang: Lang,
  show: 'score' | 'value' = 'score',
): string {
  const w =
    col === 'classes' && show === 'value'
      ? CLASS_VALUE_WIDTH[lang]
      : W[col][lang];
  return `${w}px`;
}

/** The table's scroll width: every shown column, the ten K columns counted ten times. */
export function tableWidth(
  shown: readonly RankingColumn[],
  lang: Lang,
  show: 'score' | 'value',
): number {
  const pinned: PinnedColumn[] = ['rankLevel', 'change', 'unit', 'flags'];
  const px = (c: RankingColumn | PinnedColumn): number =>
    parseInt(columnWidth(c, lang, show), 10);
  return (
    pinned.reduce((s, c) => s + px(c), 0) +
    shown.reduce((s, c) => s + px(c) * (c === 'classes' ? 10 : 1), 0)
  );
}

const STORAGE_KEY = 'sci.ranking.columns';

/** The user's last choice of columns (unknown names dropped), else the defaults. */
export function readColumns(
  storage: Pick<Storage, 'getItem'> | null,
): RankingColumn[] {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return [...DEFAULT_COLUMNS];
    const list = JSON.parse(raw) as unknown;
    if (!Array.isArray(list)) return [...DEFAULT_COLUMNS];
    return OPTIONAL_COLUMNS.filter((c) => list.includes(c));
  } catch {
    return [...DEFAULT_COLUMNS];
  }
}

export function writeColumns(
  storage: Pick<Storage, 'setItem'> | null,
  cols: readonly RankingColumn[],
): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(cols));
  } catch {
    // private mode: the choice lasts for this page only
  }
}
