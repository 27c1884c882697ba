import { SHANDONG_CITY_CODES } from './cities';

/**
 * A synthetic bank with many outlets, for the "3,000 units" check of the ranking board: one head,
 * a city branch in each of the 16 cities and `outlets` outlets spread over them, each with one
 * loan in `period` to an existing borrower (so every outlet is scored). Deterministic.
 */
export function bulkBank(
  outlets: number,
  period: string,
  uscc: string,
): { name: string; text: string }[] {
  const inst = [
    'code,name,parent_code,level,bank_code,peer_group,region_code,tech_specialist,opened_on',
    'BULK,批量测试银行,,head,BULK,other,370100,N,2020-01-01',
  ];
  for (const c of SHANDONG_CITY_CODES)
    inst.push(
      `BULK-${c},批量测试银行${c}分行,BULK,city,BULK,other,${c},N,2020-01-01`,
    );
  const loans = [
    'period,loan_no,institution_code,uscc,issue_date,maturity_date,amount,balance,rate,guarantee,risk_class,first_loan',
  ];
  const year = period.slice(0, 4);
  for (let i = 0; i < outlets; i++) {
    const c = SHANDONG_CITY_CODES[i % SHANDONG_CITY_CODES.length];
    const code = `BULK-${c}-${String(i).padStart(4, '0')}`;
    inst.push(
      `${code},批量测试银行支行${i},BULK-${c},outlet,BULK,other,${c},N,2020-01-01`,
    );
    const amount = 1_000_000 + ((i * 7919) % 900) * 10_000;
    const balance = Math.round(amount * (0.5 + ((i * 31) % 50) / 100));
    const rate = (3 + ((i * 13) % 200) / 100).toFixed(4);
    loans.push(
      `${period},L${i},${code},${uscc},${year}-01-15,${Number(year) + 3}-01-15,${amount}.00,${balance}.00,${rate},credit,normal,${i % 3 === 0 ? 'Y' : 'N'}`,
    );
  }
  return [
    { name: 'institutions.csv', text: inst.join('\n') + '\n' },
    { name: 'loans.csv', text: loans.join('\n') + '\n' },
  ];
}
