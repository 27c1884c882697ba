import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type ResourceStatus,
  TemplateRef,
  computed,
  contentChild,
  inject,
  input,
  output,
} from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { errorCode, errorMessage, errorStatus } from '../core/api/http-error';
import { I18nStore } from '../core/i18n/i18n.store';
import { TPipe } from '../core/i18n/t.pipe';

/** Answers that are a normal state of the data, not a failure: shown as information, no retry. */
const INFO_CODES: ReadonlySet<string> = new Set([
  'NO_PUBLISHED_RUN',
  'PERIOD_NO_DATA',
]);

/**
 * The loading / empty / error / content states of one block of a page, the same everywhere.
 * The content is an <ng-template> so it is only instantiated when there is data to bind to:
 *
 *   <app-state [loading]="r.isLoading()" [error]="r.error()" [empty]="!rows().length" (retry)="r.reload()">
 *     <ng-template> ...table... </ng-template>
 *   </app-state>
 */
@Component({
  selector: 'app-state',
  imports: [
    NgTemplateOutlet,
    NzSpinModule,
    NzEmptyModule,
    NzButtonModule,
    NzIconModule,
    TPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (view()) {
      @case ('info') {
        <div class="state state-info" role="status" data-state="info">
          <span nz-icon nzType="info-circle" nzTheme="outline"></span>
          <div class="msg">{{ message() }}</div>
        </div>
      }
      @case ('error') {
        <div class="state state-error" role="alert" data-state="error">
          <span nz-icon nzType="warning" nzTheme="outline"></span>
          <div class="msg">
            <div class="title">
              {{ (forbidden() ? 'common.forbidden' : 'common.error') | t }}
            </div>
            <div class="detail">{{ message() }}</div>
          </div>
          @if (!forbidden()) {
            <button nz-button nzSize="small" (click)="retry.emit()">
              {{ 'common.retry' | t }}
            </button>
          }
        </div>
      }
      @case ('loading') {
        <div
          class="state state-loading"
          data-state="loading"
          [style.min-height.px]="minHeight()"
        >
          <nz-spin nzSimple [nzTip]="'common.loading' | t"></nz-spin>
        </div>
      }
      @case ('empty') {
        <div
          class="state state-empty"
          data-state="empty"
          [style.min-height.px]="minHeight()"
        >
          <nz-empty
            nzNotFoundImage="simple"
            [nzNotFoundContent]="emptyText() || ('common.empty' | t)"
          ></nz-empty>
        </div>
      }
      @default {
        <nz-spin [nzSpinning]="busy()" [nzDelay]="150">
          <ng-container [ngTemplateOutlet]="content() ?? null"></ng-container>
        </nz-spin>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .state {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 12px;
      padding: 16px;
    }
    .state-error {
      justify-content: flex-start;
      color: #a8071a;
      background: #fff2f0;
      border: 1px solid #ffccc7;
      border-radius: 4px;
    }
    .state-error .msg {
      flex: 1;
      min-width: 0;
    }
    .state-error .title {
      font-weight: 600;
    }
    .state-error .detail {
      color: #5c0011;
      word-break: break-word;
    }
    .state-info {
      justify-content: flex-start;
      color: #434343;
      background: #f5f8fc;
      border: 1px solid #d6e4f0;
      border-radius: 4px;
    }
  `,
})
export class StateComponent {
  private readonly i18n = inject(I18nStore);
  readonly loading = input(false);
  readonly error = input<unknown>(undefined);
  /**
   * A resource to follow instead of loading/error: it counts as loading until its first answer
   * (a resource is 'idle' for a tick before its request starts), so no "empty" flashes first.
   */
  readonly resource = input<{
    isLoading(): boolean;
    status(): ResourceStatus;
    error(): unknown;
  } | null>(null);
  readonly empty = input(false);
  readonly emptyText = input<string | null>(null);
  readonly minHeight = input(120);
  readonly retry = output<void>();

  protected readonly content = contentChild(TemplateRef);

  private readonly err = computed(
    () => this.error() ?? this.resource()?.error(),
  );
  protected readonly busy = computed(() => {
    const r = this.resource();
    return this.loading() || (!!r && (r.isLoading() || r.status() === 'idle'));
  });
  protected readonly view = computed<
    'info' | 'error' | 'loading' | 'empty' | 'content'
  >(() => {
    const err = this.err();
    if (err) return INFO_CODES.has(errorCode(err) ?? '') ? 'info' : 'error';
    if (this.empty()) return this.busy() ? 'loading' : 'empty';
    return 'content';
  });
  protected readonly forbidden = computed(
    () => errorStatus(this.err()) === 403,
  );
  protected readonly message = computed(() =>
    errorMessage(this.err(), this.i18n),
  );
}
