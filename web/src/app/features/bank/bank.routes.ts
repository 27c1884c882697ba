import type { Routes } from '@angular/router';

export const BANK_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./bank-page.component').then((m) => m.BankPageComponent) },
];
