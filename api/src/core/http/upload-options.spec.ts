import { isSafeFileName, safeUploadName } from './upload-options';

describe('isSafeFileName', () => {
  it.each([
    ['loans.csv', true],
    ['机构.xlsx', true],
    ['../etc/passwd', false],
    ['..\\win.ini', false],
    ['a/b.csv', false],
    ['bad\u0000.csv', false],
    ['', false],
    ['..', false],
  ])('should judge %j as %s', (name, expected) => {
    expect(isSafeFileName(name)).toBe(expected);
  });
});

describe('safeUploadName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\data\\loans.csv', 'loans.csv'],
    ['..', 'upload'],
    ['.hidden', 'hidden'],
  ])('should reduce %j to %j', (name, expected) => {
    expect(safeUploadName(name)).toBe(expected);
  });
});
