import { SHANDONG_CITIES, type PeerGroup } from '@sci/shared';

/** How many units each city gets in the synthetic province, by GB/T 2260 code. */
const CITY_WEIGHTS: Record<string, number> = {
  '370100': 14,
  '370200': 16,
  '370300': 6,
  '370400': 3,
  '370500': 4,
  '370600': 9,
  '370700': 9,
  '370800': 6,
  '370900': 4,
  '371000': 4,
  '371100': 3,
  '371300': 7,
  '371400': 4,
  '371500': 4,
  '371600': 3,
  '371700': 4,
};

export const CITIES: readonly { code: string; name: string; weight: number }[] = SHANDONG_CITIES.map((c) => ({
  code: c.code,
  name: c.zh,
  weight: CITY_WEIGHTS[c.code],
}));

export const cityName = (code: string): string => CITIES.find((c) => c.code === code)?.name ?? code;

/**
 * The banks of the demo province. `cities` are where the bank has a city branch (all 16 for the
 * large state banks); `home` is where its head unit sits; `size` scales its lending.
 */
export interface BankSpec {
  code: string;
  name: string;
  peer: PeerGroup;
  home: string;
  cities: string[];
  size: number;
  /** a local legal-person bank: its head unit is the bank itself (总行), not a provincial branch */
  local?: boolean;
}

const ALL = CITIES.map((c) => c.code);
const pickCities = (...codes: string[]): string[] => codes;

export const BANKS: readonly BankSpec[] = [
  { code: 'ICBC', name: '工商银行', peer: 'state', home: '370100', cities: ALL, size: 10 },
  { code: 'ABC', name: '农业银行', peer: 'state', home: '370100', cities: ALL, size: 9 },
  { code: 'BOC', name: '中国银行', peer: 'state', home: '370100', cities: ALL, size: 7 },
  { code: 'CCB', name: '建设银行', peer: 'state', home: '370100', cities: ALL, size: 9 },
  { code: 'BOCOM', name: '交通银行', peer: 'state', home: '370100', cities: ALL.slice(0, 11), size: 4 },
  { code: 'PSBC', name: '邮储银行', peer: 'state', home: '370100', cities: ALL, size: 4 },
  { code: 'CMB', name: '招商银行', peer: 'joint', home: '370100', cities: pickCities('370100', '370200', '370300', '370600', '370700', '370800', '371000', '371300'), size: 4 },
  { code: 'CIB', name: '兴业银行', peer: 'joint', home: '370100', cities: pickCities('370100', '370200', '370300', '370600', '370700', '370800', '371300'), size: 3 },
  { code: 'CITIC', name: '中信银行', peer: 'joint', home: '370100', cities: pickCities('370100', '370200', '370300', '370600', '370700', '370800', '371700'), size: 3 },
  { code: 'HXB', name: '华夏银行', peer: 'joint', home: '370100', cities: pickCities('370100', '370200', '370600', '370700', '370800', '371400'), size: 2 },
  { code: 'CMBC', name: '民生银行', peer: 'joint', home: '370100', cities: pickCities('370100', '370200', '370300', '370600', '370700', '371300'), size: 2 },
  { code: 'CEB', name: '光大银行', peer: 'joint', home: '370100', cities: pickCities('370100', '370200', '370600', '370800', '371000'), size: 2 },
  { code: 'QLB', name: '齐鲁银行', peer: 'citycom', home: '370100', cities: pickCities('370100', '370200', '370300', '370500', '370600', '370800', '370900', '371400', '371500'), size: 3, local: true },
  { code: 'QDB', name: '青岛银行', peer: 'citycom', home: '370200', cities: pickCities('370100', '370200', '370300', '370600', '370700', '371000', '371100', '371300'), size: 3, local: true },
  { code: 'WFB', name: '潍坊银行', peer: 'citycom', home: '370700', cities: pickCities('370700', '370100', '370200'), size: 1.5, local: true },
  { code: 'WHB', name: '威海银行', peer: 'citycom', home: '371000', cities: pickCities('371000', '370100', '370200', '370600', '371100', '370700'), size: 1.5, local: true },
  { code: 'RZB', name: '日照银行', peer: 'citycom', home: '371100', cities: pickCities('371100', '370100', '370200', '371400'), size: 1.2, local: true },
  { code: 'QSB', name: '齐商银行', peer: 'citycom', home: '370300', cities: pickCities('370300', '370100', '370500', '370900'), size: 1, local: true },
  { code: 'JNRC', name: '济南农商银行', peer: 'rural', home: '370100', cities: pickCities('370100'), size: 1.5, local: true },
  { code: 'QDRC', name: '青岛农商银行', peer: 'rural', home: '370200', cities: pickCities('370200'), size: 2, local: true },
  { code: 'LQRC', name: '临朐农商银行', peer: 'rural', home: '370700', cities: pickCities('370700'), size: 0.6, local: true },
  { code: 'CYRC', name: '昌邑农商银行', peer: 'rural', home: '370700', cities: pickCities('370700'), size: 0.6, local: true },
  { code: 'SGRC', name: '寿光农商银行', peer: 'rural', home: '370700', cities: pickCities('370700'), size: 0.8, local: true },
  { code: 'HSBC', name: '汇丰银行', peer: 'foreign', home: '370200', cities: pickCities('370200'), size: 0.4, local: true },
];

/** GB/T 4754 classes of tech-related industries and of the rest, for enterprises. */
export const TECH_INDUSTRIES = ['C3562', 'C3911', 'C3981', 'C2710', 'C3473', 'C4011', 'I6510', 'I6520', 'M7320', 'M7520', 'C3832', 'C2661', 'C3841'];
export const OTHER_INDUSTRIES = ['C2614', 'C1331', 'C3130', 'C3311', 'F5137', 'F5212', 'G5437', 'E4700', 'K7010', 'H6210', 'C1713', 'C2438'];
export const NAME_WORDS = ['智能', '精密', '新材料', '生物', '光电', '数控', '软件', '能源', '海洋', '医药', '信息', '装备', '化工', '食品', '纺织', '机械', '电子', '环保', '物流', '建材'];
