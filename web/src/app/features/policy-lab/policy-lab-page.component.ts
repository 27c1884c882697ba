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
  parameterLabel,
  type Scheme,
  type SchemeDraftResponse,
  type SimulationResponse,
  schemeChanges,
  validateScheme,
  type Words,
} from '@sci/shared';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { errorMessage } from '../../core/api/http-error';
import { ContextStore } from '../../core/context/context.store';
import { cityName } from '../../core/domain';
import { formatNumber } from '../../core/format/format';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';
import { SchemeStore } from '../../core/scheme/scheme.store';
import { GradeTagComponent } from '../../ui/grade-tag.component';
import { PageHeadComponent } from '../../ui/page-head.component';
import {
  type DraftField,
  draftFields,
  placeProblems,
  setParameter,
} from './draft-editor';
import { PolicyLabApiService } from './policy-lab-api.service';

const GROUPS: DraftField['group'][] = [
  'general',
  'classes',
  'peer_trend',
  'qualitative',
  'grades',
  'certification',
];

/**
 * The policy lab (issue 12): drafts of a scheme, edited with scheme-validate's rules next to each
 * field as the user types, simulated on the current data against the scheme in force, downloaded
 * as XLSX and published as the next version effective from a period.
 */
@Component({
  selector: 'app-policy-lab-page',
  imports: [
    FormsModule,
    NzButtonModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    NzSwitchModule,
    NzTableModule,
    NzTagModule,
    TPipe,
    GradeTagComponent,
    PageHeadComponent,
  ],
  templateUrl: './policy-lab-page.component.html',
  styleUrl: './policy-lab-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PolicyLabPageComponent {
  private readonly api = inject(PolicyLabApiService);
  private readonly schemeStore = inject(SchemeStore);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nStore);
  protected readonly ctx = inject(ContextStore);
  protected readonly groups = GROUPS;

  private readonly reload = signal(0);
  protected readonly drafts = rxResource({
    params: () => this.reload(),
    stream: () => this.api.drafts(),
  });
  protected readonly schemes = rxResource({
    params: () => this.reload(),
    stream: () => this.api.schemes(),
  });

  protected newName = '';
  protected newBase: string | null = null;

  /** the draft being edited: its saved state and the parameters as edited */
  protected readonly draft = signal<SchemeDraftResponse | null>(null);
  protected readonly params = signal<Scheme | null>(null);
  protected readonly name = signal('');

  private readonly base = rxResource({
    params: () => this.draft()?.base,
    stream: ({ params }) => this.schemeStore.get(params),
  });

  protected readonly fields = computed(() => {
    const p = this.params();
    return p ? draftFields(p) : [];
  });
  protected readonly problems = computed(() => {
    const p = this.params();
    return p
      ? placeProblems(validateScheme(p), p)
      : { byPath: new Map<string, string[]>(), general: [] };
  });
  protected readonly valid = computed(() => {
    const p = this.problems();
    return p.general.length === 0 && p.byPath.size === 0;
  });
  /** the draft's changes from the version it started from, in words */
  protected readonly changes = computed(() => {
    const p = this.params();
    const b = this.base.hasValue() ? this.base.value() : null;
    return p && b ? schemeChanges(b, p) : [];
  });
  private readonly changedPaths = computed(
    () => new Set(this.changes().map((c) => c.path)),
  );
  protected readonly dirty = computed(() => {
    const d = this.draft();
    return (
      !!d &&
      (JSON.stringify(d.params) !== JSON.stringify(this.params()) ||
        d.name !== this.name())
    );
  });

  protected simPeriod: string | null = null;
  protected readonly sim = signal<SimulationResponse | null>(null);
  protected readonly simulating = signal(false);
  protected reason = '';
  protected effectiveFrom = '';

  protected words(w: Words): string {
    return this.i18n.lang() === 'en' ? w.en : w.zh;
  }

  protected label(f: { path: string; subject: string | null }): string {
    const w = this.words(parameterLabel(f.path, this.params() ?? undefined));
    return f.subject
      ? `${f.subject} ${this.i18n.t('class.' + f.subject)} · ${w}`
      : w;
  }

  protected fieldsOf(group: DraftField['group']): DraftField[] {
    return this.fields().filter((f) => f.group === group);
  }

  protected fieldProblems(path: string): string[] {
    return this.problems().byPath.get(path) ?? [];
  }

  protected isChanged(path: string): boolean {
    return this.changedPaths().has(path);
  }

  protected edit(path: string, value: unknown): void {
    const p = this.params();
    if (p) this.params.set(setParameter(p, path, value));
  }

  protected open(id: number): void {
    this.api.draft(id).subscribe({
      next: (d) => this.show(d),
      error: (e) => this.message.error(errorMessage(e, this.i18n)),
    });
  }

  private show(d: SchemeDraftResponse): void {
    this.draft.set(d);
    this.params.set(d.params);
    this.name.set(d.name);
    this.sim.set(null);
    this.simPeriod ??= this.ctx.period();
  }

  protected create(): void {
    const [schemeId, version] = (this.newBase ?? '').split('|');
    if (!this.newName.trim() || !schemeId) return;
    this.api
      .create({ name: this.newName.trim(), schemeId, version: Number(version) })
      .subscribe({
        next: (d) => {
          this.newName = '';
          this.reload.update((n) => n + 1);
          this.show(d);
        },
        error: (e) => this.message.error(errorMessage(e, this.i18n)),
      });
  }

  protected save(): void {
    const d = this.draft();
    const params = this.params();
    if (!d || !params) return;
    this.api.update(d.id, { name: this.name(), params }).subscribe({
      next: (saved) => {
        this.draft.set(saved);
        this.reload.update((n) => n + 1);
        this.message.success(this.i18n.t('lab.saved'));
      },
      error: (e) => this.message.error(errorMessage(e, this.i18n)),
    });
  }

  protected simulate(): void {
    const d = this.draft();
    if (!d || !this.simPeriod) return;
    this.simulating.set(true);
    this.api.simulate(d.id, this.simPeriod).subscribe({
      next: (s) => {
        this.sim.set(s);
        this.simulating.set(false);
      },
      error: (e) => {
        this.simulating.set(false);
        this.message.error(errorMessage(e, this.i18n));
      },
    });
  }

  protected download(): void {
    const d = this.draft();
    const s = this.sim();
    if (d && s)
      this.api.download(d.id, s.period).subscribe({
        error: (e) => this.message.error(errorMessage(e, this.i18n)),
      });
  }

  protected publish(): void {
    const d = this.draft();
    if (!d) return;
    this.api
      .publish(d.id, {
        reason: this.reason.trim(),
        effectiveFrom: this.effectiveFrom.trim(),
      })
      .subscribe({
        next: (v) => {
          this.message.success(
            this.i18n.t('lab.published', {
              id: v.schemeId,
              version: v.version,
              period: v.effectiveFrom,
            }),
          );
          this.reload.update((n) => n + 1);
          this.open(d.id);
        },
        error: (e) => this.message.error(errorMessage(e, this.i18n)),
      });
  }

  /** a mechanism, flag or penalty kind in words when the dictionary has it, else its code */
  protected optionLabel(o: string): string {
    for (const k of [`mechanism.${o}`, `flag.${o}`, `penaltyKind.${o}`])
      if (this.i18n.has(k)) return this.i18n.t(k);
    return o;
  }

  protected city(code: string): string {
    return cityName(code, this.i18n.lang());
  }

  protected num(v: number | null): string {
    return formatNumber(v, 2);
  }

  protected partName(p: string | null): string {
    return p === null
      ? '—'
      : p === 'qualitative'
        ? this.i18n.t('lab.qualitative')
        : `${p} ${this.i18n.t('class.' + p)}`;
  }
}
