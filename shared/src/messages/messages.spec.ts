import { API_ERRORS } from './api-errors';
import { MESSAGES, MESSAGE_CATALOGS } from './index';
import { fillTemplate, placeholders, renderMessage } from './message';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const entries = Object.entries(MESSAGES);

describe('message catalogs', () => {
  it('should hold the API error codes', () => {
    expect(entries.length).toBeGreaterThanOrEqual(
      Object.keys(API_ERRORS).length,
    );
  });

  it.each(entries)(
    'should give %s a Chinese and an English text',
    (_code, t) => {
      expect(t.zh.trim()).not.toBe('');
      expect(t.en.trim()).not.toBe('');
      expect(t.zh).toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it.each(entries)(
    'should write %s in English without Chinese or full-width punctuation',
    (_c, t) => {
      expect(t.en).not.toMatch(CJK);
    },
  );

  it.each(entries)(
    'should use the same placeholders in both languages for %s',
    (_c, t) => {
      expect(placeholders(t.zh)).toEqual(placeholders(t.en));
    },
  );

  it('should not define a code in two catalogs', () => {
    const seen = new Map<string, string>();
    for (const [name, cat] of Object.entries(MESSAGE_CATALOGS)) {
      for (const code of Object.keys(cat)) {
        expect(seen.get(code)).toBeUndefined();
        seen.set(code, name);
      }
    }
  });
});

describe(renderMessage.name, () => {
  it('should render a code with its params in the asked language', () => {
    const m = { code: 'USERNAME_TAKEN', params: { username: 'li' } };
    expect(renderMessage(MESSAGES, m, 'zh-CN')).toBe('用户名“li”已被使用。');
    expect(renderMessage(MESSAGES, m, 'en')).toBe(
      'The username "li" is taken.',
    );
  });

  it('should answer null for a code the catalog does not have', () => {
    expect(renderMessage(MESSAGES, { code: 'NO_SUCH_CODE' }, 'en')).toBeNull();
  });
});

describe(fillTemplate.name, () => {
  it('should leave a placeholder without a param visible', () => {
    expect(fillTemplate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(placeholders('{b} {a} {b}')).toEqual(['a', 'b']);
  });
});
