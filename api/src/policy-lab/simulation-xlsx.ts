import type { SimulationResponse } from '@sci/shared';
import ExcelJS from 'exceljs';
import type { Cell } from '../exports/tabular-writer';

type Sheet = { name: string; columns: string[]; rows: Cell[][] };

/** Column headers in both languages: the workbook goes round regulators and banks alike. */
const H = (zh: string, en: string): string => `${zh} ${en}`;

/** The comparison of a simulation as a workbook, one sheet per view (issue 12). */
export function simulationSheets(s: SimulationResponse): Sheet[] {
  return [
    {
      name: 'grades',
      columns: [H('层级', 'level'), H('等级', 'grade'), H('现行方案', 'in force'), H('草案', 'draft'), H('变化', 'change')],
      rows: s.grades.map((g) => [g.level, g.grade ?? '', g.before, g.after, g.after - g.before]),
    },
    {
      name: 'grade_changes',
      columns: [
        H('机构代码', 'code'),
        H('机构名称', 'name'),
        H('层级', 'level'),
        H('银行', 'bank'),
        H('地区', 'region'),
        H('现行等级', 'grade in force'),
        H('草案等级', 'grade with draft'),
        H('现行综合得分', 'composite in force'),
        H('草案综合得分', 'composite with draft'),
        H('变动最大的部分', 'part that moved most'),
        H('该部分变动（分）', 'its change (points)'),
      ],
      rows: s.gradeChanges.map((g) => [
        g.code,
        g.name,
        g.level,
        g.bankCode,
        g.regionCode,
        g.before ?? '',
        g.after ?? '',
        g.compositeBefore,
        g.compositeAfter,
        g.mostMoved ?? '',
        g.mostMovedBy,
      ]),
    },
    {
      name: 'rank_moves',
      columns: [H('机构代码', 'code'), H('机构名称', 'name'), H('层级', 'level'), H('现行排名', 'rank in force'), H('草案排名', 'rank with draft'), H('上升名次', 'places up')],
      rows: s.rankMoves.map((r) => [r.code, r.name, r.level, r.before, r.after, r.change]),
    },
    {
      name: 'certification',
      columns: [H('机构代码', 'code'), H('机构名称', 'name'), H('现行结论', 'outcome in force'), H('草案结论', 'outcome with draft')],
      rows: s.outcomeChanges.map((o) => [o.code, o.name, o.before, o.after]),
    },
    {
      name: 'by_bank',
      columns: [H('银行', 'bank'), H('机构数', 'units'), H('等级上升', 'grade up'), H('等级下降', 'grade down'), H('认定结论变化', 'outcome changes')],
      rows: s.byBank.map((g) => [g.key, g.units, g.gradeUp, g.gradeDown, g.outcomeChanges]),
    },
    {
      name: 'by_city',
      columns: [H('地区', 'region'), H('机构数', 'units'), H('等级上升', 'grade up'), H('等级下降', 'grade down'), H('认定结论变化', 'outcome changes')],
      rows: s.byCity.map((g) => [g.key, g.units, g.gradeUp, g.gradeDown, g.outcomeChanges]),
    },
    {
      name: 'sensitivity',
      columns: [H('参数', 'parameter'), H('现行值', 'in force'), H('草案值', 'draft'), H('单独改动引起的等级变化', 'grade changes alone'), H('单独改动引起的认定变化', 'outcome changes alone')],
      rows: s.sensitivity.map((x) => [`${x.label.zh} ${x.label.en}`, x.from.zh === x.from.en ? x.from.en : `${x.from.zh} ${x.from.en}`, x.to.zh === x.to.en ? x.to.en : `${x.to.zh} ${x.to.en}`, x.gradeChanges, x.outcomeChanges]),
    },
  ];
}

export async function simulationWorkbook(s: SimulationResponse): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of simulationSheets(s)) {
    const ws = wb.addWorksheet(sheet.name);
    ws.addRow(sheet.columns);
    ws.getRow(1).font = { bold: true };
    for (const r of sheet.rows) ws.addRow(r.map((v) => (v === undefined ? null : v)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
