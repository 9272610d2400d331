/** GB/T 2260 administrative divisions of Heilongjiang (黑龙江省, 23): its 12 cities and one prefecture. */
export interface City {
  code: string;
  zh: string;
  en: string;
}

export const HEILONGJIANG_PROVINCE_CODE = "23";

export const HEILONGJIANG_CITIES: readonly City[] = [
  { code: "2301", zh: "哈尔滨", en: "Harbin" },
  { code: "2302", zh: "齐齐哈尔", en: "Qiqihar" },
  { code: "2303", zh: "鸡西", en: "Jixi" },
  { code: "2304", zh: "鹤岗", en: "Hegang" },
  { code: "2305", zh: "双鸭山", en: "Shuangyashan" },
  { code: "2306", zh: "大庆", en: "Daqing" },
  { code: "2307", zh: "伊春", en: "Yichun" },
  { code: "2308", zh: "佳木斯", en: "Jiamusi" },
  { code: "2309", zh: "七台河", en: "Qitaihe" },
  { code: "2310", zh: "牡丹江", en: "Mudanjiang" },
  { code: "2311", zh: "黑河", en: "Heihe" },
  { code: "2312", zh: "绥化", en: "Suihua" },
  { code: "2327", zh: "大兴安岭地区", en: "Da Hinggan Ling Prefecture" },
];
