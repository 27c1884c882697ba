import type { Routes } from '@angular/router';

export const CERTIFICATION_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () =>
      import('./certification-page.component').then(
        (m) => m.CertificationPageComponent,
      ),
  },
];
