import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { QualityCell, QualityMark } from '@sci/shared';
import { formatPercent, formatSigned } from '../../core/format/format';
import { MoneyPipe, NumberPipe } from '../../core/format/format.pipes';
import { TPipe } from '../../core/i18n/t.pipe';
import { PageHeadComponent } from '../../ui/page-head.component';
import { StateComponent } from '../../ui/state.component';
import { SignalsApiService } from '../signals/signals-api.service';
import { qualityRows } from './quality-board';

/**
 * Completeness and quality per bank and period (regulator; a bank HQ sees its own bank): rows,
 * balances, tech lending and their change on the previous quarter, marked where they cross the
 * scheme's quality thresholds. A cell opens its figures and the units behind them.
 */
@Component({
  selector: 'app-quality-page',
  imports: [
    RouterLink,
    MoneyPipe,
    NumberPipe,
    TPipe,
    PageHeadComponent,
    StateComponent,
  ],
  templateUrl: './quality-page.component.html',
  styleUrl: './quality-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QualityPageComponent {
  private readonly api = inject(SignalsApiService);

  protected readonly board = rxResource({ stream: () => this.api.quality() });
  protected readonly data = computed(() =>
    this.board.hasValue() ? (this.board.value() ?? null) : null,
  );
  protected readonly rows = computed(() => {
    const d = this.data();
    return d ? qualityRows(d) : [];
  });
  protected readonly selected = signal<QualityCell | null>(null);

  protected marked(c: QualityCell, m: QualityMark): boolean {
    return c.marks.includes(m);
  }

  protected change(v: number | null): string {
    return v === null ? '' : `${formatSigned(v, 1)}%`;
  }

  protected share(v: number | null): string {
    return formatPercent(v, 1);
  }

  protected pick(c: QualityCell | null): void {
    this.selected.set(c);
  }
}
