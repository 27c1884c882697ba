import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { map } from 'rxjs';
import { errorMessage } from '../../core/api/http-error';
import { homePath } from '../../core/auth/auth.guards';
import { AuthStore } from '../../core/auth/auth.store';
import { I18nStore } from '../../core/i18n/i18n.store';
import { TPipe } from '../../core/i18n/t.pipe';

@Component({
  selector: 'app-login-page',
  imports: [FormsModule, NzInputModule, NzButtonModule, NzIconModule, TPipe],
  templateUrl: './login-page.component.html',
  styleUrl: './login-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPageComponent {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly i18n = inject(I18nStore);

  private readonly query = toSignal(
    inject(ActivatedRoute).queryParamMap.pipe(map((q) => q)),
  );
  protected readonly expired = computed(
    () => this.query()?.get('expired') === '1',
  );

  protected readonly username = signal('');
  protected readonly password = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submit(): void {
    const username = this.username().trim();
    const password = this.password();
    if (!username || !password) {
      this.error.set(this.i18n.t('login.required'));
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.auth
      .login(username, password)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (user) => {
          this.busy.set(false);
          const returnUrl = this.query()?.get('returnUrl');
          const safe =
            returnUrl &&
            returnUrl.startsWith('/') &&
            !returnUrl.startsWith('//')
              ? returnUrl
              : null;
          void this.router.navigateByUrl(safe ?? homePath(user));
        },
        error: (err: unknown) => {
          this.busy.set(false);
          this.error.set(errorMessage(err, this.i18n));
        },
      });
  }
}
