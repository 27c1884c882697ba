import { createHash } from 'crypto';
import {
  canonicalLine,
  canonicalValue,
  DIGEST_TABLES,
  DigestAccumulator,
  LOAN_AMOUNT_INDEX,
  LOAN_BALANCE_INDEX,
} from './digest';

const sha256 = (s: string): Uint8Array =>
  createHash('sha256').update(s).digest();
const loan = (
  no: string,
  amount: number | string,
  balance: number | string,
): (string | number)[] => [
  '2025Q4',
  no,
  'ICBC-370100',
  '91370100MA3C4XYZ12',
  '2024-01-01',
  '2026-01-01',
  amount,
  balance,
  34500,
  'credit',
  'normal',
  1,
];

function digestOf(
  rows: (string | number | null)[][],
  loanSums = true,
): ReturnType<DigestAccumulator['result']> {
  const acc = new DigestAccumulator(sha256, loanSums);
  for (const r of rows) acc.add(r);
  return acc.result();
}

describe(DigestAccumulator.name, () => {
  const rows = [loan('L1', 100, 90), loan('L2', 200, 150), loan('L3', 300, 10)];

  it('should not depend on the order of the rows', () => {
    expect(digestOf([rows[2], rows[0], rows[1]])).toEqual(digestOf(rows));
  });

  it('should sum amount and balance and count the rows', () => {
    expect(digestOf(rows)).toMatchObject({
      rowCount: 3,
      sumAmountFen: 600,
      sumBalanceFen: 250,
    });
    expect(DIGEST_TABLES.loan.columns[LOAN_AMOUNT_INDEX]).toBe('amount_fen');
    expect(DIGEST_TABLES.loan.columns[LOAN_BALANCE_INDEX]).toBe('balance_fen');
  });

  it('should change when one value changes, a row is duplicated or a row is dropped', () => {
    const base = digestOf(rows).contentHash;
    expect(
      digestOf([rows[0], rows[1], loan('L3', 300, 11)]).contentHash,
    ).not.toBe(base);
    expect(digestOf([...rows, rows[0]]).contentHash).not.toBe(base);
    expect(digestOf(rows.slice(1)).contentHash).not.toBe(base);
    // swapping two values between rows keeps the sums but not the hash
    expect(
      digestOf([loan('L1', 100, 150), loan('L2', 200, 90), rows[2]]),
    ).toMatchObject({ sumBalanceFen: 250 });
    expect(
      digestOf([loan('L1', 100, 150), loan('L2', 200, 90), rows[2]])
        .contentHash,
    ).not.toBe(base);
  });

  it('should read a BIGINT the same whether the driver gives a number or a string', () => {
    expect(digestOf([loan('L1', '100', '90')])).toEqual(
      digestOf([loan('L1', 100, 90)]),
    );
  });

  it('should give an empty table a fixed 64-hex digest', () => {
    expect(digestOf([]).contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(digestOf([])).toMatchObject({
      rowCount: 0,
      sumAmountFen: 0,
      sumBalanceFen: 0,
    });
  });
});

describe(canonicalLine.name, () => {
  it('should keep NULL apart from the empty string and write booleans as 1/0', () => {
    expect(canonicalLine(['a', null])).not.toBe(canonicalLine(['a', '']));
    expect(canonicalValue(true)).toBe('1');
    expect(canonicalValue(false)).toBe('0');
    expect(canonicalLine(['a', 'b'])).not.toBe(
      canonicalLine(['a\u001fb']).replace('\u001f', 'x'),
    );
  });
});
