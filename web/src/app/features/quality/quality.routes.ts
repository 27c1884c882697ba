import type { Routes } from '@angular/router';

export const QUALITY_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () =>
      import('./quality-page.component').then((m) => m.QualityPageComponent),
  },
];
