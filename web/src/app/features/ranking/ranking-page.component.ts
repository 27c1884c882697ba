import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-ranking-page',
  template: '<p>ranking</p>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RankingPageComponent {}
