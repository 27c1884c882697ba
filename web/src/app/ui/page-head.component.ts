import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
} from '@angular/core';
import { ContextStore } from '../core/context/context.store';
import { TPipe } from '../core/i18n/t.pipe';

/** A page title with the period and run it shows, and a slot for the page's actions. */
@Component({
  selector: 'app-page-head',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="titles">
      <h1>{{ title() }}</h1>
      @if (subtitle()) {
        <span class="sub">{{ subtitle() }}</span>
      }
      @if (showContext() && ctx.period()) {
        <span class="ctx" data-testid="page-context">
          {{ ctx.period() }}
          @if (ctx.runId(); as id) {
            · {{ 'shell.run' | t }} #{{ id }}
            @if (ctx.isLatestPublished()) {
              ({{ 'shell.latestPublished' | t }})
            }
          } @else {
            · {{ 'shell.noPublished' | t }}
          }
        </span>
      }
    </div>
    <div class="actions"><ng-content></ng-content></div>
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      margin-bottom: 12px;
      flex-wrap: wrap;
    }
    .titles {
      display: flex;
      align-items: baseline;
      gap: 10px;
      flex-wrap: wrap;
      min-width: 0;
    }
    h1 {
      margin: 0;
      font-size: 18px;
      font-weight: 600;
    }
    .sub {
      color: #595959;
    }
    .ctx {
      color: #8c8c8c;
      font-size: 12px;
    }
    .actions {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
  `,
})
export class PageHeadComponent {
  protected readonly ctx = inject(ContextStore);
  readonly title = input.required<string>();
  readonly subtitle = input<string | null>(null);
  readonly showContext = input(true);
}
