import {
  ChangeDetectionStrategy,
  Component,
  inject,
  signal,
} from '@angular/core';
import { AuthStore } from '../../core/auth/auth.store';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { TPipe } from '../../core/i18n/t.pipe';
import { PageHeadComponent } from '../../ui/page-head.component';
import { AuditLogComponent } from './audit-log.component';
import { SchemesAdminComponent } from './schemes-admin.component';
import { UsersAdminComponent } from './users-admin.component';

/** The administrator's console: accounts, scoring scheme versions (admin), audit log; a regulator sees accounts and the log. */
@Component({
  selector: 'app-admin-page',
  imports: [
    NzTabsModule,
    TPipe,
    PageHeadComponent,
    AuditLogComponent,
    SchemesAdminComponent,
    UsersAdminComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-page-head
      [title]="'nav.admin' | t"
      [showContext]="false"
    ></app-page-head>
    <div class="card">
      <nz-tabs
        nzSize="small"
        [nzSelectedIndex]="tab()"
        (nzSelectedIndexChange)="tab.set($event)"
      >
        <nz-tab [nzTitle]="'admin.users' | t"
          ><ng-template nz-tab><app-users-admin></app-users-admin></ng-template
        ></nz-tab>
        @if (isAdmin) {
          <nz-tab [nzTitle]="'admin.schemes' | t"
            ><ng-template nz-tab
              ><app-schemes-admin></app-schemes-admin></ng-template
          ></nz-tab>
        }
        <nz-tab [nzTitle]="'admin.audit' | t"
          ><ng-template nz-tab><app-audit-log></app-audit-log></ng-template
        ></nz-tab>
      </nz-tabs>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class AdminPageComponent {
  protected readonly tab = signal(0);
  /** scheme versions are the admin's; a regulator comes here for accounts and the audit log */
  protected readonly isAdmin = inject(AuthStore).hasRole('admin');
}
