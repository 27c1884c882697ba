import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import {
  AUDIT_ACTIONS,
  auditActionText,
  auditDetailText,
  type AuditEntryResponse,
} from '@sci/shared';
import { EMPTY, expand, reduce } from 'rxjs';
import { saveBlob } from '../../core/api/download';
import { errorMessage } from '../../core/api/http-error';
import { I18nStore } from '../../core/i18n/i18n.store';
import { auditCsv } from './audit-export';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
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
    NzButtonModule,
    NzDatePickerModule,
    NzIconModule,
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
          <nz-option [nzValue]="a" [nzLabel]="actionText(a)"></nz-option>
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
      <nz-range-picker
        nzSize="small"
        [ngModel]="range()"
        (ngModelChange)="setRange($event)"
        data-testid="audit-dates"
      ></nz-range-picker>
      <button
        nz-button
        nzSize="small"
        [nzLoading]="exporting()"
        (click)="exportCsv()"
        data-testid="audit-export"
      >
        <span nz-icon nzType="download"></span>{{ 'dash.auditExport' | t }}
      </button>
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
                <td [title]="e.action">{{ actionText(e.action) }}</td>
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
    .filters > input {
      width: 140px;
    }
    .w-action {
      width: 200px;
    }
    .w-outcome {
      width: 110px;
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
  private readonly i18n = inject(I18nStore);
  private readonly msg = inject(NzMessageService);
  protected readonly exporting = signal(false);
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

  protected actionText(a: string): string {
    return auditActionText(a, this.i18n.lang());
  }

  /** The detail in words ("报告期 2025Q4；方案版本 3"), not raw JSON. */
  protected detail(e: AuditEntryResponse): string {
    return auditDetailText(e.detail, this.i18n.lang());
  }

  protected readonly range = computed<Date[]>(() => {
    const { from, to } = this.q();
    return from && to
      ? [new Date(`${from}T00:00:00`), new Date(`${to}T00:00:00`)]
      : [];
  });

  protected setRange(r: Date[] | null): void {
    const day = (d: Date): string =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    this.patch(
      r && r.length === 2
        ? { from: day(r[0]), to: day(r[1]) }
        : { from: undefined, to: undefined },
    );
  }

  /** The whole filtered log (every page), as CSV in the screen's words. */
  protected exportCsv(): void {
    const q = { ...this.q(), page: 1, pageSize: 500 };
    const t = this.i18n.t.bind(this.i18n);
    this.exporting.set(true);
    this.api
      .audit(q)
      .pipe(
        expand((p) =>
          p.page * p.pageSize < p.total && p.page < 200
            ? this.api.audit({ ...q, page: p.page + 1 })
            : EMPTY,
        ),
        reduce((all, p) => all.concat(p.items), [] as AuditEntryResponse[]),
      )
      .subscribe({
        next: (items) => {
          const header = [
            'admin.at',
            'admin.actor',
            'admin.role',
            'admin.action',
            'admin.target',
            'admin.outcome',
            'IP',
            'admin.detail',
          ].map((k) => (k === 'IP' ? k : t(k)));
          const csv = auditCsv(
            items,
            this.i18n.lang(),
            header,
            (o) => t(`auditOutcome.${o}`),
            (r) => (r ? t(`role.${r}`) : ''),
          );
          saveBlob(
            new Blob([csv], { type: 'text/csv;charset=utf-8' }),
            'audit-log.csv',
          );
          this.exporting.set(false);
        },
        error: (e: unknown) => {
          this.exporting.set(false);
          this.msg.error(errorMessage(e, this.i18n));
        },
      });
  }
}
