import type { Routes } from '@angular/router';

export const UNIT_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./unit-page.component').then((m) => m.UnitPageComponent) },
];
