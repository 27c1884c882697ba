import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-overview-page',
  template: '<p>overview</p>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverviewPageComponent {}
