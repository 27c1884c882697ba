import { decodeUtf8, findInvalidUtf8 } from './utf8';

describe('findInvalidUtf8', () => {
  it('should accept ASCII, Chinese, 4-byte characters and a BOM', () => {
    expect(findInvalidUtf8(Buffer.from('\uFEFFcode,name\nICBC,工商银行 😀\n'))).toBeNull();
  });

  it.each([
    ['a stray continuation byte', Buffer.from([0x61, 0x0a, 0x62, 0x80]), { line: 2, offset: 3 }],
    ['a GBK pair', Buffer.from([0x0a, 0x0a, 0xc2, 0xb3, 0xbd, 0xf0]), { line: 3, offset: 4 }],
    ['a truncated sequence at the end', Buffer.from([0xe5, 0xb7]), { line: 1, offset: 0 }],
    ['an overlong encoding', Buffer.from([0xe0, 0x80, 0xaf]), { line: 1, offset: 0 }],
    ['a surrogate', Buffer.from([0xed, 0xa0, 0x80]), { line: 1, offset: 0 }],
  ])('should find %s', (_what, buf, where) => {
    expect(findInvalidUtf8(buf)).toEqual(where);
  });
});

describe('decodeUtf8', () => {
  it('should drop a BOM and report where decoding fails', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFabc'))).toEqual({ text: 'abc' });
    expect(decodeUtf8(Buffer.from([0x61, 0xff]))).toEqual({ line: 1, offset: 1 });
  });
});
