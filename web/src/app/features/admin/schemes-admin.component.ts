import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { type SchemeSummary, validateScheme } from '@sci/shared';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { forkJoin, of } from 'rxjs';
import { errorMessage } from '../../core/api/http-error';
import { AuthStore } from '../../core/auth/auth.store';
import { DateTimePipe } from '../../core/format/format.pipes';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';
import { StateComponent } from '../../ui/state.component';
import { AdminApiService } from './admin-api.service';
import { compareParams } from './scheme-compare';
import { schemeChanges } from '@sci/shared';

const MAX_COMPARED = 3;
const key = (s: Pick<SchemeSummary, 'schemeId' | 'version'>): string =>
  `${s.schemeId}@${s.version}`;

/** Scheme versions: list, parameters side by side (differences marked), new version from a copy. */
@Component({
  selector: 'app-schemes-admin',
  imports: [
    FormsModule,
    NzButtonModule,
    NzCheckboxModule,
    NzInputModule,
    NzSwitchModule,
    NzTableModule,
    DateTimePipe,
    TPipe,
    StateComponent,
  ],
  templateUrl: './schemes-admin.component.html',
  styleUrl: './schemes-admin.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SchemesAdminComponent {
  private readonly api = inject(AdminApiService);
  private readonly msg = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly auth = inject(AuthStore);
  protected readonly i18n = inject(I18nStore);

  protected readonly list = rxResource({ stream: () => this.api.schemes() });
  protected readonly rows = computed(() =>
    this.list.hasValue() ? (this.list.value() ?? []) : [],
  );
  protected readonly picked = signal<string[]>([]);
  /** the picked versions, or the two newest by default */
  protected readonly compared = computed(() => {
    const p = this.picked();
    return p.length ? p : this.rows().slice(0, 2).map(key);
  });
  protected readonly details = rxResource({
    params: () => (this.compared().length ? this.compared() : undefined),
    stream: ({ params }) =>
      params.length
        ? forkJoin(
            params.map((k) => {
              const [id, v] = k.split('@');
              return this.api.scheme(id, Number(v));
            }),
          )
        : of([]),
  });
  protected readonly onlyDiff = signal(false);
  protected readonly table = computed(() => {
    const ds = this.details.hasValue() ? (this.details.value() ?? []) : [];
    const rows = compareParams(ds.map((d) => d.params));
    return {
      heads: ds.map((d) => `${d.schemeId} v${d.version}`),
      rows: this.onlyDiff() ? rows.filter((r) => r.differs) : rows,
    };
  });

  /**
   * What changed from the older to the newer of the two versions compared, in words (never raw
   * JSON keys): the scheme page's account of each version.
   */
  protected readonly words = computed(() => {
    const ds = this.details.hasValue() ? (this.details.value() ?? []) : [];
    if (ds.length !== 2) return null;
    const [newer, older] =
      ds[0].version >= ds[1].version ? [ds[0], ds[1]] : [ds[1], ds[0]];
    const zh = this.i18n.isZh();
    return {
      title: `${this.i18n.t('lab.changesOf')}：${older.schemeId} v${older.version} → ${newer.schemeId} v${newer.version}`,
      items: schemeChanges(older.params, newer.params).map((c) => {
        const label = zh ? c.label.zh : c.label.en;
        const subject = c.subject
          ? `${c.subject} ${this.i18n.t('class.' + c.subject)} · `
          : '';
        return {
          path: c.path,
          text: `${subject}${label}：${zh ? c.from.zh : c.from.en} → ${zh ? c.to.zh : c.to.en}`,
        };
      }),
    };
  });

  protected readonly draftId = signal('');
  protected readonly draftZh = signal('');
  protected readonly draftEn = signal('');
  protected readonly draftJson = signal('');
  protected readonly saving = signal(false);
  protected readonly draftProblems = computed<string[]>(() => {
    const text = this.draftJson().trim();
    if (!text) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return [`JSON: ${(e as Error).message}`];
    }
    const id = this.draftId().trim() || 'draft';
    return validateScheme({
      ...(parsed as object),
      id,
      version: 1,
      title: { zh: this.draftZh() || id, en: this.draftEn() || id },
    });
  });

  protected toggle(k: string, on: boolean): void {
    this.picked.update((p) => {
      const base = p.length ? p : this.compared();
      const next = on
        ? [...base.filter((x) => x !== k), k]
        : base.filter((x) => x !== k);
      return next.slice(-MAX_COMPARED);
    });
  }

  /** Starts a new version from a copy of an existing one. */
  protected copy(s: SchemeSummary): void {
    this.api
      .scheme(s.schemeId, s.version)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (d) => {
          // id and version are set by the server; the title is edited in its own fields
          const params: Partial<typeof d.params> = { ...d.params };
          delete params.id;
          delete params.version;
          delete params.title;
          const title = d.params.title;
          this.draftId.set(d.schemeId);
          this.draftZh.set(title.zh);
          this.draftEn.set(title.en);
          this.draftJson.set(JSON.stringify(params, null, 2));
        },
        error: (e: unknown) => this.msg.error(errorMessage(e, this.i18n)),
      });
  }

  protected save(): void {
    if (this.draftProblems().length || !this.draftJson().trim()) return;
    const schemeId = this.draftId().trim();
    this.saving.set(true);
    this.api
      .createScheme({
        schemeId,
        title: {
          zh: this.draftZh().trim() || schemeId,
          en: this.draftEn().trim() || schemeId,
        },
        params: JSON.parse(this.draftJson()),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (s) => {
          this.saving.set(false);
          this.msg.success(
            this.i18n.t('admin.schemeCreated', {
              id: s.schemeId,
              v: s.version,
            }),
          );
          this.draftJson.set('');
          this.list.reload();
        },
        error: (e: unknown) => {
          this.saving.set(false);
          this.msg.error(errorMessage(e, this.i18n), { nzDuration: 8000 });
        },
      });
  }

  protected k(s: SchemeSummary): string {
    return key(s);
  }
}
