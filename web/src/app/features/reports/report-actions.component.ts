import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { downloadFile } from '../../core/api/download';
import { errorMessage } from '../../core/api/http-error';
import { ContextStore } from '../../core/context/context.store';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';

/**
 * Download the page as a document: a unit's evaluation report, or a bank's report and the zip of
 * all its units' reports (rendered by the API in a worker), and print. The run is the one shown.
 */
@Component({
  selector: 'app-report-actions',
  imports: [NzButtonModule, NzIconModule, TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="actions no-print">
      <button
        nz-button
        nzSize="small"
        [nzLoading]="busy() === 'pdf'"
        (click)="pdf()"
        data-testid="report-pdf"
      >
        <span nz-icon nzType="file-pdf"></span>{{ label() | t }}
      </button>
      @if (kind() === 'bank') {
        <button
          nz-button
          nzSize="small"
          [nzLoading]="busy() === 'zip'"
          (click)="batch()"
          data-testid="report-batch"
        >
          <span nz-icon nzType="file-zip"></span>{{ 'words.bankBatch' | t }}
        </button>
      }
      <button nz-button nzSize="small" (click)="print()" data-testid="print">
        <span nz-icon nzType="printer"></span>{{ 'words.print' | t }}
      </button>
    </span>
  `,
  styles: `
    .actions {
      display: inline-flex;
      gap: 8px;
      flex-wrap: wrap;
    }
  `,
})
export class ReportActionsComponent {
  private readonly http = inject(HttpClient);
  private readonly ctx = inject(ContextStore);
  private readonly i18n = inject(I18nStore);
  private readonly msg = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);

  /** province: the regulator's report of the run; certList: the published list of the year `code` */
  readonly kind = input.required<'unit' | 'bank' | 'province' | 'certList'>();
  readonly code = input<string>('');
  protected readonly busy = signal<'pdf' | 'zip' | null>(null);
  protected readonly label = computed(
    () =>
      ({
        unit: 'words.report',
        bank: 'words.bankReport',
        province: 'words.provinceReport',
        certList: 'words.certList',
      })[this.kind()],
  );

  protected pdf(): void {
    const code = encodeURIComponent(this.code());
    const path = {
      unit: `units/${code}`,
      bank: `banks/${code}`,
      province: 'province',
      certList: `certification/${code}`,
    }[this.kind()];
    this.download(
      'pdf',
      `/api/reports/${path}`,
      `report-${this.code() || this.kind()}.pdf`,
    );
  }

  protected batch(): void {
    this.download(
      'zip',
      `/api/reports/banks/${encodeURIComponent(this.code())}/batch`,
      `reports-${this.code()}.zip`,
    );
  }

  protected print(): void {
    window.print();
  }

  private download(what: 'pdf' | 'zip', url: string, fallback: string): void {
    const params = {
      period: this.ctx.period(),
      runId: this.ctx.isLatestPublished() ? null : this.ctx.runId(),
      lang: this.i18n.lang() === 'en' ? 'en' : 'zh',
    };
    this.busy.set(what);
    downloadFile(this.http, url, params, fallback)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => this.busy.set(null),
        error: (e: unknown) => {
          this.busy.set(null);
          this.msg.error(errorMessage(e, this.i18n));
        },
      });
  }
}
