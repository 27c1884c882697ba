import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { AUDIT_ACTIONS, type AuditEntryResponse } from '@sci/shared';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { DateTimePipe } from '../../core/format/format.pipes';
import { TPipe } from '../../core/i18n/t.pipe';
import { StateComponent } from '../../ui/state.component';
import { AdminApiService, type AuditQuery } from './admin-api.service';

/** The append-only audit log, filtered and paged by the server (newest first). */
@Component({
  selector: 'app-audit-log',
  imports: [
    FormsModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    DateTimePipe,
    TPipe,
    StateComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="filters">
      <input
        nz-input
        nzSize="small"
        [placeholder]="'admin.actor' | t"
        [ngModel]="q().actor ?? ''"
        (change)="
          patch({ actor: $any($event.target).value.trim() || undefined })
        "
      />
      <nz-select
        class="w-action"
        [ngModel]="q().action"
        (ngModelChange)="patch({ action: $event ?? undefined })"
        [nzPlaceHolder]="'admin.action' | t"
        nzAllowClear
        nzShowSearch
      >
        @for (a of actions; track a) {
          <nz-option [nzValue]="a" [nzLabel]="a"></nz-option>
        }
      </nz-select>
      <nz-select
        class="w-outcome"
        [ngModel]="q().outcome"
        (ngModelChange)="patch({ outcome: $event ?? undefined })"
        [nzPlaceHolder]="'admin.outcome' | t"
        nzAllowClear
      >
        @for (o of outcomes; track o) {
          <nz-option
            [nzValue]="o"
            [nzLabel]="'auditOutcome.' + o | t"
          ></nz-option>
        }
      </nz-select>
      <input
        nz-input
        nzSize="small"
        type="date"
        class="w-date"
        [ngModel]="q().from ?? ''"
        (ngModelChange)="patch({ from: $event || undefined })"
      />
      <span>–</span>
      <input
        nz-input
        nzSize="small"
        type="date"
        class="w-date"
        [ngModel]="q().to ?? ''"
        (ngModelChange)="patch({ to: $event || undefined })"
      />
    </div>
    <app-state
      [resource]="page"
      [empty]="!rows().length"
      (retry)="page.reload()"
    >
      <ng-template>
        <nz-table
          #t
          [nzData]="rows()"
          nzSize="small"
          [nzFrontPagination]="false"
          [nzTotal]="total()"
          [nzPageIndex]="q().page"
          [nzPageSize]="q().pageSize"
          (nzPageIndexChange)="patch({ page: $event })"
          data-testid="audit-table"
        >
          <thead>
            <tr>
              <th>{{ 'admin.at' | t }}</th>
              <th>{{ 'admin.actor' | t }}</th>
              <th>{{ 'admin.role' | t }}</th>
              <th>{{ 'admin.action' | t }}</th>
              <th>{{ 'admin.target' | t }}</th>
              <th>{{ 'admin.outcome' | t }}</th>
              <th>IP</th>
              <th>{{ 'admin.detail' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (e of t.data; track e.id) {
              <tr>
                <td class="nowrap">{{ e.at | dt }}</td>
                <td>{{ e.actor }}</td>
                <td>{{ e.role ? ('role.' + e.role | t) : '—' }}</td>
                <td>
                  <code>{{ e.action }}</code>
                </td>
                <td>{{ e.target ?? '—' }}</td>
                <td [class]="e.outcome">
                  {{ 'auditOutcome.' + e.outcome | t }}
                </td>
                <td>{{ e.ip ?? '—' }}</td>
                <td class="detail" [title]="detail(e)">{{ detail(e) }}</td>
              </tr>
            }
          </tbody>
        </nz-table>
      </ng-template>
    </app-state>
  `,
  styles: `
    .filters {
      display: flex;
      gap: 6px;
      align-items: center;
      margin-bottom: 8px;
      flex-wrap: wrap;
    }
    .filters input {
      width: 140px;
    }
    .w-action {
      width: 200px;
    }
    .w-outcome {
      width: 110px;
    }
    .filters .w-date {
      width: 140px;
    }
    .nowrap {
      white-space: nowrap;
    }
    .detail {
      max-width: 320px;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      font-size: 12px;
      color: #595959;
    }
    .failure,
    .denied {
      color: #a8071a;
    }
    code {
      font-size: 12px;
    }
  `,
})
export class AuditLogComponent {
  private readonly api = inject(AdminApiService);
  protected readonly actions = AUDIT_ACTIONS;
  protected readonly outcomes = ['success', 'failure', 'denied'] as const;
  protected readonly q = signal<AuditQuery>({ page: 1, pageSize: 20 });
  protected readonly page = rxResource({
    params: () => this.q(),
    stream: ({ params }) => this.api.audit(params),
  });
  protected readonly rows = computed<AuditEntryResponse[]>(() =>
    this.page.hasValue() ? (this.page.value()?.items ?? []) : [],
  );
  protected readonly total = computed(() =>
    this.page.hasValue() ? (this.page.value()?.total ?? 0) : 0,
  );

  protected patch(p: Partial<AuditQuery>): void {
    this.q.update((q) => ({ ...q, ...p, ...('page' in p ? {} : { page: 1 }) }));
  }

  protected detail(e: AuditEntryResponse): string {
    return e.detail ? JSON.stringify(e.detail) : '';
  }
}
