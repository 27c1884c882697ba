import type { Routes } from '@angular/router';

export const POLICY_LAB_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () =>
      import('./policy-lab-page.component').then(
        (m) => m.PolicyLabPageComponent,
      ),
  },
];
