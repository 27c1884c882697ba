import ExcelJS from 'exceljs';
import { neutraliseCell, toCsv, toXlsx, type Table } from './tabular-writer';

const hostile: Table = {
  name: 'hostile',
  columns: ['=HYPERLINK("http://evil/","x")', 'value'],
  rows: [
    ['=1+2', -12.5],
    ['+cmd|\' /C calc\'!A0', 0],
    ['-2+3', -0.0435],
    ['@SUM(A1)', null],
    ['\tinjected', 1],
    ['\rinjected', 2],
    ['-12.5', 3],
    ['ICBC-370100', 4],
    ['工商银行 = 好', 5],
  ],
};

describe(neutraliseCell.name, () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['-', "'-"],
    // plain numbers as text are harmless and stay byte for byte (exports carry "-12.5")
    ['-12.5', '-12.5'],
    ['+3', '+3'],
    ['-1e-9', '-1e-9'],
    ['ICBC-370100', 'ICBC-370100'],
    ['', ''],
  ])('should write %j as %j', (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
  });
});

describe('toCsv', () => {
  it('should neutralise text cells and headers, and write numbers as numbers', () => {
    const csv = toCsv(hostile).toString('utf8').split('\n');
    expect(csv[0]).toBe('"\'=HYPERLINK(""http://evil/"",""x"")",value');
    expect(csv[1]).toBe("'=1+2,-12.5");
    expect(csv[3]).toBe("'-2+3,-0.0435");
    expect(csv[4]).toBe("'@SUM(A1),");
    expect(csv[7]).toBe('-12.5,3');
    expect(csv[8]).toBe('ICBC-370100,4');
    expect(csv.every((l) => !/^[=+@]/.test(l))).toBe(true);
  });

  it('should start with a BOM only when asked', () => {
    expect(toCsv(hostile, { bom: true }).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(toCsv(hostile).subarray(0, 1).toString()).toBe('"');
  });
});

describe('toXlsx', () => {
  it('should neutralise text cells and keep numbers numeric', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(hostile)) as never);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('\'=HYPERLINK("http://evil/","x")');
    expect(ws.getCell('A2').value).toBe("'=1+2");
    expect(ws.getCell('B2').value).toBe(-12.5);
    expect(ws.getCell('A5').value).toBe("'@SUM(A1)");
    expect(ws.getCell('A8').value).toBe('-12.5');
    for (let r = 1; r <= ws.rowCount; r++) expect(ws.getCell(`A${r}`).formula).toBeUndefined();
  });
});
