import type { Routes } from '@angular/router';

export const BANK_ROUTES: Routes = [
  {
    path: ':bankCode',
    loadComponent: () =>
      import('./bank-page.component').then((m) => m.BankPageComponent),
  },
  {
    path: '',
    pathMatch: 'full',
    loadComponent: () =>
      import('./bank-list.component').then((m) => m.BankListComponent),
  },
];
