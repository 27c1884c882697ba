import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-imports-page',
  template: '<p>imports</p>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportsPageComponent {}
