import { InstitutionRow, renderImportMessage } from '@sci/shared';
import { checkUnitTree } from './unit-tree';

const unit = (code: string, level: InstitutionRow['level'], parentCode: string | null, bankCode: string): InstitutionRow =>
  ({ code, name: code, parentCode, level, bankCode, peerGroup: 'state', regionCode: '370100', techSpecialist: false, openedOn: '2020-01-01' }) as InstitutionRow;

describe(checkUnitTree.name, () => {
  it('should report a unit of the database broken by a batch unit with its own code, in both languages', () => {
    const existing = new Map([['B', unit('B', 'head', null, 'B')], ['C1', unit('C1', 'city', 'B', 'B')], ['O1', unit('O1', 'outlet', 'C1', 'B')]]);
    // C1 becomes an outlet: the database's outlet O1 is now under an outlet
    const [p] = checkUnitTree(existing, [unit('C1', 'outlet', 'B', 'B')]);
    expect(p).toEqual({
      code: 'C1',
      column: 'code',
      message: {
        code: 'DB_LEVEL_UNDER',
        params: { unit: 'O1', level: 'outlet', parentLevel: 'outlet', parent: 'C1' },
        message: 'unit O1 in the database: a outlet unit cannot be under the outlet unit C1 (levels go head > city > outlet)',
      },
    });
    expect(renderImportMessage(p.message.code, p.message.params, 'zh-CN')).toContain('数据库中的机构 O1');
  });

  it('should give a cycle its code', () => {
    const existing = new Map([['B', unit('B', 'head', null, 'B')]]);
    const problems = checkUnitTree(existing, [unit('X', 'city', 'Y', 'B'), unit('Y', 'city', 'X', 'B')]);
    expect(problems.find((p) => p.message.code === 'UNIT_TREE_CYCLE')?.message.message).toBe(
      'the unit tree has a cycle (each unit followed by its parent): X -> Y -> X',
    );
  });
});
