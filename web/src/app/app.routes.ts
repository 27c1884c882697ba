import type { Route } from '@angular/router';
import { authGuard, homeRedirect, roleGuard } from './core/auth/auth.guards';

/**
 * Every page is a lazy chunk: the first load carries the router, auth and i18n only. Role guards
 * keep a user out of pages whose API would refuse them anyway (the API is the real gate).
 */
export const appRoutes: Route[] = [
  {
    path: 'login',
    loadChildren: () =>
      import('./features/login/login.routes').then((m) => m.LOGIN_ROUTES),
  },
  {
    path: '',
    canMatch: [authGuard],
    loadComponent: () =>
      import('./layout/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: homeRedirect },
      {
        path: 'overview',
        canMatch: [roleGuard('regulator')],
        loadChildren: () =>
          import('./features/overview/overview.routes').then(
            (m) => m.OVERVIEW_ROUTES,
          ),
      },
      {
        path: 'ranking',
        canMatch: [roleGuard('regulator', 'bank_hq', 'branch')],
        loadChildren: () =>
          import('./features/ranking/ranking.routes').then(
            (m) => m.RANKING_ROUTES,
          ),
      },
      {
        path: 'units',
        canMatch: [roleGuard('regulator', 'bank_hq', 'branch')],
        loadChildren: () =>
          import('./features/unit/unit.routes').then((m) => m.UNIT_ROUTES),
      },
      {
        path: 'compare',
        canMatch: [roleGuard('regulator', 'bank_hq', 'branch')],
        loadChildren: () =>
          import('./features/compare/compare.routes').then(
            (m) => m.COMPARE_ROUTES,
          ),
      },
      {
        path: 'banks',
        canMatch: [roleGuard('regulator', 'bank_hq')],
        loadChildren: () =>
          import('./features/bank/bank.routes').then((m) => m.BANK_ROUTES),
      },
      {
        path: 'certification',
        canMatch: [roleGuard('regulator', 'bank_hq')],
        loadChildren: () =>
          import('./features/certification/certification.routes').then(
            (m) => m.CERTIFICATION_ROUTES,
          ),
      },
      {
        path: 'signals',
        canMatch: [roleGuard('regulator', 'admin', 'bank_hq')],
        loadChildren: () =>
          import('./features/signals/signals.routes').then(
            (m) => m.SIGNALS_ROUTES,
          ),
      },
      {
        path: 'quality',
        canMatch: [roleGuard('regulator', 'admin', 'bank_hq')],
        loadChildren: () =>
          import('./features/quality/quality.routes').then(
            (m) => m.QUALITY_ROUTES,
          ),
      },
      {
        path: 'policy-lab',
        canMatch: [roleGuard('regulator', 'admin')],
        loadChildren: () =>
          import('./features/policy-lab/policy-lab.routes').then(
            (m) => m.POLICY_LAB_ROUTES,
          ),
      },
      {
        path: 'runs',
        canMatch: [roleGuard('regulator', 'admin')],
        loadChildren: () =>
          import('./features/runs/runs.routes').then((m) => m.RUNS_ROUTES),
      },
      {
        path: 'imports',
        canMatch: [roleGuard('regulator', 'admin')],
        loadChildren: () =>
          import('./features/imports/imports.routes').then(
            (m) => m.IMPORTS_ROUTES,
          ),
      },
      {
        path: 'admin',
        canMatch: [roleGuard('admin', 'regulator')],
        loadChildren: () =>
          import('./features/admin/admin.routes').then((m) => m.ADMIN_ROUTES),
      },
      { path: '**', redirectTo: homeRedirect },
    ],
  },
  { path: '**', redirectTo: 'login' },
];
