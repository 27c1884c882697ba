import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  isImportMessageCode,
  renderImportMessage,
  type ImportBatchSummary,
  type ImportError,
  type ImportStatus,
} from '@sci/shared';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzTableModule } from 'ng-zorro-antd/table';
import { errorMessage } from '../../core/api/http-error';
import { ContextStore } from '../../core/context/context.store';
import { DateTimePipe, NumberPipe } from '../../core/format/format.pipes';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';
import { PageHeadComponent } from '../../ui/page-head.component';
import { StateComponent } from '../../ui/state.component';
import { ImportsApiService } from './imports-api.service';

const POLL_MS = 1000;
const ACCEPT = ['.csv', '.xlsx', '.zip'];

/** Upload of exchange-format files with progress, the errors of a batch, and the batch history. */
@Component({
  selector: 'app-imports-page',
  imports: [
    NzButtonModule,
    NzIconModule,
    NzProgressModule,
    NzTableModule,
    DateTimePipe,
    NumberPipe,
    TPipe,
    PageHeadComponent,
    StateComponent,
  ],
  templateUrl: './imports-page.component.html',
  styleUrl: './imports-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportsPageComponent {
  private readonly api = inject(ImportsApiService);
  private readonly msg = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly ctx = inject(ContextStore);
  protected readonly i18n = inject(I18nStore);
  protected readonly accept = ACCEPT.join(',');

  protected readonly files = signal<File[]>([]);
  protected readonly uploadPercent = signal<number | null>(null);
  protected readonly uploadError = signal<string | null>(null);
  protected readonly dragging = signal(false);
  /** the batch shown in detail: the one just uploaded, or one picked from the history */
  protected readonly batchId = signal<number | null>(null);

  protected readonly history = rxResource({ stream: () => this.api.list() });
  protected readonly batches = computed<ImportBatchSummary[]>(() =>
    this.history.hasValue() ? (this.history.value() ?? []) : [],
  );
  protected readonly batch = rxResource({
    params: () => this.batchId() ?? undefined,
    stream: ({ params }) => this.api.get(params),
  });
  protected readonly b = computed(() =>
    this.batch.hasValue() ? (this.batch.value() ?? null) : null,
  );
  /**
   * An error in the UI language: from its code and parameters when the API sent one (shared
   * IMPORT_MESSAGES), else the server's English text.
   */
  protected errorText(e: ImportError): string {
    return isImportMessageCode(e.code) ? renderImportMessage(e.code, e.params ?? {}, this.i18n.lang()) : e.message;
  }

  protected readonly processedPercent = computed(() => {
    const b = this.b();
    return b && b.totalRows
      ? Math.min(100, Math.round((100 * b.processedRows) / b.totalRows))
      : 0;
  });

  constructor() {
    // Poll the batch while it runs; when it ends, refresh the history (and periods: new data).
    effect((onCleanup) => {
      const b = this.b();
      if (!b) return;
      if (b.status !== 'running') {
        untracked(() => {
          this.history.reload();
          if (b.status === 'succeeded') this.ctx.reload();
        });
        return;
      }
      const t = setTimeout(() => this.batch.reload(), POLL_MS);
      onCleanup(() => clearTimeout(t));
    });
  }

  protected pick(list: FileList | null): void {
    const files = Array.from(list ?? []);
    const bad = files.filter(
      (f) => !ACCEPT.some((ext) => f.name.toLowerCase().endsWith(ext)),
    );
    this.uploadError.set(
      bad.length
        ? this.i18n.t('imports.badType', {
            names: bad.map((f) => f.name).join(', '),
          })
        : null,
    );
    this.files.set(files.filter((f) => !bad.includes(f)));
  }

  protected onDrop(e: DragEvent): void {
    e.preventDefault();
    this.dragging.set(false);
    this.pick(e.dataTransfer?.files ?? null);
  }

  protected upload(): void {
    const files = this.files();
    if (!files.length) return;
    this.uploadPercent.set(0);
    this.uploadError.set(null);
    this.api
      .upload(files)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (e) => {
          if (e.kind === 'progress') this.uploadPercent.set(e.percent);
          else {
            this.uploadPercent.set(null);
            this.files.set([]);
            this.batchId.set(e.batchId);
            this.history.reload();
          }
        },
        error: (err: unknown) => {
          this.uploadPercent.set(null);
          this.uploadError.set(errorMessage(err, this.i18n));
        },
      });
  }

  protected downloadErrors(id: number): void {
    this.api
      .downloadErrors(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (e: unknown) => this.msg.error(errorMessage(e, this.i18n)),
      });
  }

  protected statusClass(s: ImportStatus): string {
    return s === 'succeeded'
      ? 'ok'
      : s === 'failed'
        ? 'bad'
        : s === 'running'
          ? 'busy'
          : 'same';
  }

  protected fileNames(b: ImportBatchSummary): string {
    return b.files.map((f) => `${f.file} (${f.rows})`).join('，');
  }
}
