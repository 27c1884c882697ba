import type { Routes } from '@angular/router';

export const COMPARE_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () =>
      import('./compare-page.component').then((m) => m.ComparePageComponent),
  },
];
