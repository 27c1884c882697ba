import type { Routes } from '@angular/router';

export const UNIT_ROUTES: Routes = [
  {
    path: ':code',
    loadComponent: () =>
      import('./unit-page.component').then((m) => m.UnitPageComponent),
  },
  { path: '', pathMatch: 'full', redirectTo: '/ranking' },
];
