import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-admin-page',
  template: '<p>admin</p>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminPageComponent {}
