import type { AccessScope } from '../core/auth/access-scope';
import { scopeOf } from '../core/auth/scope';
import { coarsen, PEER_DISCLOSURE, peerStatisticsFor } from './peer-disclosure';

const bank: AccessScope = scopeOf({ id: 1, username: 'qdb_hq', role: 'bank_hq', bankCode: 'QDB', unitCode: null }, '::1');
const branch: AccessScope = scopeOf({ id: 2, username: 'b', role: 'branch', bankCode: 'ICBC', unitCode: 'ICBC-370100' }, '::1');
const regulator: AccessScope = scopeOf({ id: 3, username: 'r', role: 'regulator', bankCode: null, unitCode: null }, '::1');

describe('peerStatisticsFor', () => {
  // the 6-bank city-commercial group: min and max were RZB's and QLB's exact composites
  const six = [59.37, 61.02, 66.4, 70.13, 77.91, 85.21];

  it('should give a regulator the exact five-number summary', () => {
    expect(peerStatisticsFor(regulator).distribution(six)).toEqual({ count: 6, min: 59.37, q1: 62.365, median: 68.265, q3: 75.965, max: 85.21 });
  });

  it('should withhold every statistic but the count from a bank user under the minimum group size', () => {
    const four = six.slice(0, PEER_DISCLOSURE.minUnits - 1);
    for (const s of [bank, branch]) {
      expect(peerStatisticsFor(s).distribution(four)).toEqual({ count: 4, min: null, q1: null, median: null, q3: null, max: null });
      expect(peerStatisticsFor(s).median(four)).toBeNull();
    }
  });

  it('should give a bank user quartiles on the coarse grid and never the extremes', () => {
    expect(peerStatisticsFor(bank).distribution(six)).toEqual({ count: 6, min: null, q1: 62, median: 68, q3: 76, max: null });
  });

  it("should not let an odd group's median or an integral quartile position reveal a unit's value", () => {
    const five = [59.37, 61.02, 66.4, 70.13, 77.91];
    const d = peerStatisticsFor(bank).distribution(five);
    for (const v of [d.q1, d.median, d.q3]) expect(five).not.toContain(v);
    expect(d).toMatchObject({ q1: 61, median: 66, q3: 70 });
  });

  it('should leave nulls out of the count', () => {
    expect(peerStatisticsFor(bank).distribution([null, 1, 2, 3, 4, null]).count).toBe(4);
  });
});

describe(coarsen.name, () => {
  it('should keep two significant digits for any sign and magnitude', () => {
    expect([59.37, 0.04351, -12.5, 1604.05, 9916123.58, 0, 10].map(coarsen)).toEqual([59, 0.044, -13, 1600, 9900000, 0, 10]);
  });
});
