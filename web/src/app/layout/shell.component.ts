import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { AuthStore } from '../core/auth/auth.store';
import { ContextStore } from '../core/context/context.store';
import { ContextUrlSync } from '../core/context/context-url';
import { I18nStore } from '../core/i18n/i18n.store';
import { TPipe } from '../core/i18n/t.pipe';
import { navFor } from './nav';

const LATEST_PUBLISHED = 0;

/** The frame of every signed-in page: menu by role, period and run picker, language, user. */
@Component({
  selector: 'app-shell',
  imports: [
    FormsModule,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    NzLayoutModule,
    NzMenuModule,
    NzIconModule,
    NzSelectModule,
    NzButtonModule,
    NzTooltipModule,
    TPipe,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  protected readonly auth = inject(AuthStore);
  protected readonly ctx = inject(ContextStore);
  protected readonly i18n = inject(I18nStore);

  /** nz-select shows a null value as empty, so "latest published" is a sentinel run id */
  protected readonly LATEST = LATEST_PUBLISHED;
  protected readonly nav = computed(() => navFor(this.auth.user()));
  /** Drafts are only worth previewing for those who publish (regulator) or run (admin). */
  protected readonly canPickDraft = computed(() =>
    this.auth.hasRole('regulator', 'admin'),
  );
  protected readonly runOptions = computed(() =>
    this.ctx
      .runs()
      .filter(
        (r) => r.status === 'succeeded' && (r.published || this.canPickDraft()),
      )
      .sort((a, b) => b.id - a.id),
  );
  protected readonly scopeLabel = computed(() => {
    const u = this.auth.user();
    if (!u) return '';
    if (u.role === 'bank_hq') return u.bankCode ?? '';
    if (u.role === 'branch') return u.unitCode ?? '';
    return this.i18n.t('shell.scopeAll');
  });

  constructor() {
    this.ctx.activate();
    inject(ContextUrlSync).start(inject(DestroyRef));
  }

  protected onPeriod(p: string): void {
    this.ctx.selectPeriod(p);
  }

  protected onRun(id: number): void {
    this.ctx.selectRun(id === LATEST_PUBLISHED ? null : id);
  }

  protected logout(): void {
    this.ctx.reset();
    this.auth.logout();
  }
}
