import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TPipe } from '../../core/i18n/t.pipe';
import { CertificationApiService } from '../certification/certification-api.service';

/**
 * Certification counts of the latest evaluated year: certified means a confirm decision in the
 * register (0 until decided); the engine's recommendations are counted apart and say so.
 */
@Component({
  selector: 'app-cert-counts',
  imports: [RouterLink, TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (latest(); as e) {
      <!-- certified = confirmed decisions in the register; recommendations are not certifications -->
      <a class="kpi" routerLink="/certification">
        <span class="label">{{ 'overview.certified' | t }} · {{ e.year }}</span>
        <span class="value" data-testid="kpi-certified">{{
          e.counts.confirmed
        }}</span>
        <span class="sub">{{
          (e.status === 'published'
            ? 'exStatus.published'
            : 'dash.listNotPublished'
          ) | t
        }}</span>
      </a>
      <a class="kpi" routerLink="/certification">
        <span class="label">{{ 'dash.recommended' | t }} · {{ e.year }}</span>
        <span class="value" data-testid="kpi-recommended">{{
          e.counts.byOutcome.certify + e.counts.byOutcome.retain
        }}</span>
        <span class="sub">{{ 'dash.recommendationNote' | t }}</span>
      </a>
      <a class="kpi" routerLink="/certification">
        <span class="label">{{ 'overview.reserve' | t }} · {{ e.year }}</span>
        <span class="value" data-testid="kpi-reserve">{{
          e.counts.byOutcome.reserve
        }}</span>
        <span class="sub"
          >{{ 'outcome.upgrade' | t }} {{ e.counts.byOutcome.upgrade }}</span
        >
      </a>
    } @else {
      <span class="kpi"
        ><span class="label">{{ 'overview.certified' | t }}</span
        ><span class="value muted" data-testid="kpi-certified">—</span></span
      >
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    a.kpi {
      color: inherit;
    }
  `,
})
export class CertCountsComponent {
  private readonly api = inject(CertificationApiService);
  private readonly exercises = rxResource({
    stream: () => this.api.exercises(),
  });
  /** newest year that has been evaluated (its counts mean something) */
  protected readonly latest = computed(() => {
    const list = this.exercises.hasValue()
      ? (this.exercises.value() ?? [])
      : [];
    return (
      list.find((e) =>
        ['evaluated', 'decided', 'published'].includes(e.status),
      ) ?? null
    );
  });
}
