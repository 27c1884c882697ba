/**
 * Names people search by, in one place for the web (labels) and the API (search): the 16 cities
 * of Shandong (GB/T 2260 codes; 莱芜 merged into 济南 in 2019, so there is no 371200) in both
 * languages, and the short names banks go by ("工行", "Bank of China").
 */
export const SHANDONG_CITIES: readonly {
  code: string;
  zh: string;
  en: string;
}[] = [
  { code: '370100', zh: '济南', en: 'Jinan' },
  { code: '370200', zh: '青岛', en: 'Qingdao' },
  { code: '370300', zh: '淄博', en: 'Zibo' },
  { code: '370400', zh: '枣庄', en: 'Zaozhuang' },
  { code: '370500', zh: '东营', en: 'Dongying' },
  { code: '370600', zh: '烟台', en: 'Yantai' },
  { code: '370700', zh: '潍坊', en: 'Weifang' },
  { code: '370800', zh: '济宁', en: 'Jining' },
  { code: '370900', zh: '泰安', en: "Tai'an" },
  { code: '371000', zh: '威海', en: 'Weihai' },
  { code: '371100', zh: '日照', en: 'Rizhao' },
  { code: '371300', zh: '临沂', en: 'Linyi' },
  { code: '371400', zh: '德州', en: 'Dezhou' },
  { code: '371500', zh: '聊城', en: 'Liaocheng' },
  { code: '371600', zh: '滨州', en: 'Binzhou' },
  { code: '371700', zh: '菏泽', en: 'Heze' },
];

/** Short and English names of banks, by bank code (the code itself always matches). */
export const BANK_ALIASES: Readonly<Record<string, readonly string[]>> = {
  ICBC: ['工行', '工商银行', 'Industrial and Commercial Bank of China'],
  ABC: ['农行', '农业银行', 'Agricultural Bank of China'],
  BOC: ['中行', '中国银行', 'Bank of China'],
  CCB: ['建行', '建设银行', 'China Construction Bank'],
  BOCOM: ['交行', '交通银行', 'Bank of Communications'],
  PSBC: ['邮储', '邮储银行', 'Postal Savings Bank of China'],
  CMB: ['招行', '招商银行', 'China Merchants Bank'],
  CITIC: ['中信', '中信银行', 'China CITIC Bank'],
  CEB: ['光大', '光大银行', 'China Everbright Bank'],
  HXB: ['华夏', '华夏银行', 'Hua Xia Bank'],
  CMBC: ['民生', '民生银行', 'China Minsheng Bank'],
  CIB: ['兴业', '兴业银行', 'Industrial Bank'],
  HSBC: ['汇丰', '汇丰银行', 'HSBC'],
  QDB: ['青岛银行', '青银', 'Bank of Qingdao'],
  QLB: ['齐鲁银行', 'Qilu Bank'],
  WFB: ['潍坊银行', 'Bank of Weifang'],
  RZB: ['日照银行', 'Bank of Rizhao'],
  WHB: ['威海银行', 'Weihai City Commercial Bank'],
  QSB: ['齐商银行', 'Qishang Bank'],
};

export interface SearchExpansion {
  regionCodes: string[];
  bankCodes: string[];
}

/**
 * What a search text also means beyond unit codes and names: the cities whose Chinese or English
 * name contains it ("Jinan", "jin", "济南") and the banks one of whose short names contains it
 * ("工行", "Bank of China"). Case-insensitive; blank text means nothing.
 */
export function searchExpansion(q: string): SearchExpansion {
  const t = q.trim().toLowerCase();
  if (!t) return { regionCodes: [], bankCodes: [] };
  const has = (name: string): boolean => name.toLowerCase().includes(t);
  return {
    regionCodes: SHANDONG_CITIES.filter((c) => has(c.zh) || has(c.en)).map(
      (c) => c.code,
    ),
    bankCodes: Object.entries(BANK_ALIASES)
      .filter(([, names]) => names.some(has))
      .map(([code]) => code),
  };
}
