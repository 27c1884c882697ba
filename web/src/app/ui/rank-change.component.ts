import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';

/**
 * Movement of a rank since the previous period: ▲3 when the unit climbed three places (rank
 * number went down), ▼2 when it fell, – when unchanged, blank when there is no earlier rank.
 */
@Component({
  selector: 'app-rank-change',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@switch (dir()) {
    @case ('up') {
      <span class="up" [attr.aria-label]="'+' + abs()">▲{{ abs() }}</span>
    }
    @case ('down') {
      <span class="down" [attr.aria-label]="'-' + abs()">▼{{ abs() }}</span>
    }
    @case ('same') {
      <span class="same">–</span>
    }
    @default {
      <span class="none"></span>
    }
  }`,
  styles: `
    :host {
      font-variant-numeric: tabular-nums;
      font-size: 12px;
    }
    .up {
      color: #1f7a3a;
    }
    .down {
      color: #c0392b;
    }
    .same {
      color: #8c8c8c;
    }
  `,
})
export class RankChangeComponent {
  /** positive = climbed (previous rank − current rank) */
  readonly change = input<number | null | undefined>(null);
  protected readonly abs = computed(() => Math.abs(this.change() ?? 0));
  protected readonly dir = computed(() => {
    const c = this.change();
    if (c === null || c === undefined || !Number.isFinite(c)) return 'none';
    return c > 0 ? 'up' : c < 0 ? 'down' : 'same';
  });
}
