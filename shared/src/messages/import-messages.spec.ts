import { IMPORT_MESSAGES, importMessage, ImportMessageCode, isImportMessageCode, renderImportMessage } from './import-messages';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const codes = Object.keys(IMPORT_MESSAGES) as ImportMessageCode[];

describe('IMPORT_MESSAGES', () => {
  it.each(codes)('should give %s in both languages with the same placeholders', (code) => {
    const { en, zh } = IMPORT_MESSAGES[code] as { en: string; zh: string };
    expect(en.trim()).not.toBe('');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(placeholders(zh)).toEqual(placeholders(en));
  });
});

describe(renderImportMessage.name, () => {
  it('should fill the placeholders in the language asked for', () => {
    expect(renderImportMessage('UNKNOWN_UNIT_CODE', { code: 'ICBC-1' }, 'zh-CN')).toBe('未知机构 ICBC-1（本次导入的 institutions 和数据库中都没有）');
    expect(renderImportMessage('UNKNOWN_UNIT_CODE', { code: 'ICBC-1' }, 'en')).toBe('unknown unit ICBC-1 (not in institutions of this import or the database)');
  });

  it('should keep the English text as the message of a coded error', () => {
    expect(importMessage('ZIP_BOMB', { ratio: 1000, limit: 100 })).toEqual({
      code: 'ZIP_BOMB',
      params: { ratio: 1000, limit: 100 },
      message: 'the entry unpacks 1000 times its packed size (limit 100×): refused as a zip bomb',
    });
    expect(isImportMessageCode('ZIP_BOMB')).toBe(true);
    expect(isImportMessageCode('toString')).toBe(false);
  });
});
