import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-runs-page',
  template: '<p>runs</p>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RunsPageComponent {}
