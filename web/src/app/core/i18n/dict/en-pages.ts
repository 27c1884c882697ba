import type { ZH_CN_PAGES } from './zh-cn-pages';

export const EN_PAGES: Record<keyof typeof ZH_CN_PAGES, string> = {
  'runs.draft': 'draft',
};
