import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-certification-page',
  template: '<p>certification</p>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CertificationPageComponent {}
