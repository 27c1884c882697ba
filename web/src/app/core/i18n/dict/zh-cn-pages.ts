/** Chinese page texts (the domain vocabulary is in zh-cn.ts). */
export const ZH_CN_PAGES = {
  'runs.draft': '草稿',
};
