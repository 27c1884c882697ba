import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-bank-page',
  template: '<p>bank</p>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BankPageComponent {}
