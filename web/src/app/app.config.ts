import {
  provideHttpClient,
  withFetch,
  withInterceptors,
} from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideNzConfig } from 'ng-zorro-antd/core/config';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { provideEchartsCore } from 'ngx-echarts';
import { appRoutes } from './app.routes';
import { APP_ICONS } from './app.icons';
import { authInterceptor } from './core/auth/auth.interceptor';
import { I18nStore } from './core/i18n/i18n.store';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
    provideNzI18n(zh_CN),
    provideNzIcons(APP_ICONS),
    provideNzConfig({ table: { nzSize: 'small' } }),
    // ECharts (about 1 MB) is fetched only when the first chart is drawn.
    provideEchartsCore({
      echarts: () => import('./charts/echarts-setup').then((m) => m.default),
    }),
    // Apply the stored language (document lang, ng-zorro locale) before the first render.
    provideAppInitializer(() => {
      inject(I18nStore);
    }),
  ],
};
