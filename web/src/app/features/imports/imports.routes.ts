import type { Routes } from '@angular/router';

export const IMPORTS_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () =>
      import('./imports-page.component').then((m) => m.ImportsPageComponent),
  },
];
