import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-unit-page',
  template: '<p>unit</p>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnitPageComponent {}
