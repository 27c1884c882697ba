import type { Routes } from '@angular/router';

export const RUNS_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () =>
      import('./runs-page.component').then((m) => m.RunsPageComponent),
  },
];
