import type { Routes } from '@angular/router';

export const SIGNALS_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () =>
      import('./signals-page.component').then((m) => m.SignalsPageComponent),
  },
];
