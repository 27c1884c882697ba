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
import {
  ROLES,
  type CreateUserRequest,
  type Role,
  type UserResponse,
  passwordProblem,
} from '@sci/shared';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { errorMessage } from '../../core/api/http-error';
import { AuthStore } from '../../core/auth/auth.store';
import { DateTimePipe } from '../../core/format/format.pipes';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';
import { StateComponent } from '../../ui/state.component';
import { AdminApiService } from './admin-api.service';

/** Accounts: list, create, disable/enable, reset password (admin only; the API enforces it). */
@Component({
  selector: 'app-users-admin',
  imports: [
    FormsModule,
    NzButtonModule,
    NzInputModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzTableModule,
    DateTimePipe,
    TPipe,
    StateComponent,
  ],
  templateUrl: './users-admin.component.html',
  styles: `
    .create {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      align-items: center;
      margin-bottom: 12px;
      padding: 8px;
      background: #fafafa;
      border: 1px solid #f0f0f0;
      border-radius: 4px;
    }
    .create input {
      width: 150px;
    }
    .w-role {
      width: 130px;
    }
    .problem {
      color: #a8071a;
      font-size: 12px;
    }
    .off {
      color: #a8071a;
    }
    .lock {
      color: #ad6800;
    }
    .reset {
      display: inline-flex;
      gap: 4px;
    }
    .reset input {
      width: 150px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersAdminComponent {
  private readonly api = inject(AdminApiService);
  private readonly msg = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly i18n = inject(I18nStore);
  private readonly auth = inject(AuthStore);
  protected readonly roles = ROLES;

  protected readonly users = rxResource({ stream: () => this.api.users() });
  protected readonly rows = computed<UserResponse[]>(() =>
    this.users.hasValue() ? (this.users.value() ?? []) : [],
  );

  protected readonly form = signal<CreateUserRequest>({
    username: '',
    password: '',
    role: 'bank_hq',
    displayName: '',
    bankCode: '',
    unitCode: '',
  });
  protected readonly problem = computed(() => {
    const f = this.form();
    if (!f.username.trim()) return this.i18n.t('admin.needUsername');
    if (f.role === 'bank_hq' && !f.bankCode?.trim())
      return this.i18n.t('admin.needBank');
    if (f.role === 'branch' && !f.unitCode?.trim())
      return this.i18n.t('admin.needUnit');
    return f.password
      ? passwordProblem(f.password, f.username)
        ? this.i18n.t('error.WEAK_PASSWORD')
        : null
      : this.i18n.t('admin.needPassword');
  });
  /** the form says what is missing only once someone has typed in it or tried to create */
  protected readonly touched = signal(false);
  protected readonly shownProblem = computed(() =>
    this.touched() ? this.problem() : null,
  );
  protected readonly busy = signal(false);
  protected readonly resetFor = signal<number | null>(null);
  protected readonly resetPassword = signal('');

  protected patch(p: Partial<CreateUserRequest>): void {
    this.touched.set(true);
    this.form.update((f) => ({ ...f, ...p }));
  }

  /** An administrator never disables its own account (the API refuses it too). */
  protected isSelf(u: UserResponse): boolean {
    return this.auth.user()?.id === u.id;
  }

  protected create(): void {
    this.touched.set(true);
    if (this.problem()) return;
    const f = this.form();
    const req: CreateUserRequest = {
      username: f.username.trim(),
      password: f.password,
      role: f.role,
      ...(f.displayName?.trim() ? { displayName: f.displayName.trim() } : {}),
      ...(f.role === 'bank_hq' ? { bankCode: f.bankCode?.trim() } : {}),
      ...(f.role === 'branch' ? { unitCode: f.unitCode?.trim() } : {}),
    };
    this.run(this.api.createUser(req), 'admin.created', () => {
      this.form.set({
        ...this.form(),
        username: '',
        password: '',
        displayName: '',
      });
      this.touched.set(false);
    });
  }

  protected toggle(u: UserResponse): void {
    this.run(
      this.api.setDisabled(u.id, !u.disabled),
      u.disabled ? 'admin.enabled' : 'admin.disabled',
    );
  }

  protected doReset(u: UserResponse): void {
    const pw = this.resetPassword();
    if (passwordProblem(pw, u.username)) {
      this.msg.error(this.i18n.t('error.WEAK_PASSWORD'));
      return;
    }
    this.run(this.api.resetPassword(u.id, pw), 'admin.resetDone', () => {
      this.resetFor.set(null);
      this.resetPassword.set('');
    });
  }

  private run(
    obs: ReturnType<AdminApiService['createUser']>,
    okKey: string,
    after?: () => void,
  ): void {
    this.busy.set(true);
    obs.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (u) => {
        this.busy.set(false);
        this.msg.success(this.i18n.t(okKey, { name: u.username }));
        after?.();
        this.users.reload();
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.msg.error(errorMessage(e, this.i18n));
      },
    });
  }

  protected roleLabel(r: Role): string {
    return this.i18n.t(`role.${r}`);
  }
}
