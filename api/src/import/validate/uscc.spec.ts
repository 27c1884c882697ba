import { usccCheckChar, usccProblem } from './uscc';

describe('usccProblem', () => {
  it.each(['91371400060404218E', '91370100782765285X', '913707005354696065', '91350100M000100Y43'])('should accept %s', (code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it.each([
    ['91371400060404218F', /wrong check character "F" \(GB 32100-2015 gives "E"\)/],
    ['9137140006040421', /18 characters expected, got 16/],
    ['91371400060404218e', /character 18 "e" is not allowed/],
    ['9137140006040I218E', /character 14 "I" is not allowed/],
    ['', /got 0/],
  ])('should reject %s', (code, message) => {
    expect(usccProblem(code)?.message).toMatch(message);
  });
});

describe('usccCheckChar', () => {
  it('should map a remainder of 0 to "0" and refuse characters outside the alphabet', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('91350100M000100YO')).toBeNull();
    expect(usccCheckChar('short')).toBeNull();
  });
});
