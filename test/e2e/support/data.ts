/**
 * An institutions.csv with one good row and one bad row (an impossible date on line 3), for the
 * import page: the batch must fail as a whole and name file, line and column.
 */
export const BAD_INSTITUTIONS_CSV = [
  'code,name,parent_code,level,bank_code,peer_group,region_code,tech_specialist,opened_on',
  'E2E,端到端测试银行,,head,E2E,other,370100,N,2020-01-01',
  'E2E-370100,端到端测试银行济南分行,E2E,city,E2E,other,370100,N,2025-13-45',
  '',
].join('\n');
