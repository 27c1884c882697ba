import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AuthUserResponse } from '@sci/shared';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { ShellComponent } from './shell.component';

function signInAs(user: Partial<AuthUserResponse>): void {
  const u = {
    id: 1,
    username: 'u',
    displayName: '演示用户',
    bankCode: null,
    unitCode: null,
    role: 'regulator',
    ...user,
  };
  localStorage.setItem(
    'sci.session',
    JSON.stringify({ token: 't', expiresAt: Date.now() + 3600_000, user: u }),
  );
}

describe(ShellComponent.name, () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzIconsTesting(),
      ],
    });
  });

  async function render(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(ShellComponent);
    TestBed.tick();
    await new Promise((r) => setTimeout(r, 0));
    TestBed.inject(HttpTestingController).match(() => true); // periods, runs: not needed here
    TestBed.tick();
    return fixture.nativeElement as HTMLElement;
  }

  const nav = (el: HTMLElement): (string | null)[] =>
    Array.from(el.querySelectorAll('[data-nav]')).map((e) =>
      e.getAttribute('data-nav'),
    );

  it('should give a bank HQ its bank, the ranking and certification, and nothing of the regulator', async () => {
    signInAs({ role: 'bank_hq', bankCode: 'ICBC' });
    const el = await render();
    expect(nav(el)).toEqual([
      'nav.ranking',
      'compare.title',
      'nav.bank',
      'nav.certification',
      'nav.signals',
      'nav.quality',
    ]);
    expect(el.querySelector('a[href="/banks/ICBC"]')).not.toBeNull();
    expect(el.querySelector('[data-testid=who]')?.textContent).toContain(
      'ICBC',
    );
  });

  it('should give the admin the console, runs, imports and the policy lab only', async () => {
    signInAs({ role: 'admin' });
    expect(nav(await render())).toEqual([
      'nav.runs',
      'nav.imports',
      'nav.policyLab',
      'nav.admin',
    ]);
  });

  it('should switch the menu to English in place', async () => {
    signInAs({ role: 'regulator' });
    const el = await render();
    expect(el.querySelector('[data-testid=nav]')?.textContent).toContain(
      '总览',
    );
    (
      el.querySelector('[data-testid=lang-switch]') as HTMLButtonElement
    ).click();
    TestBed.tick();
    expect(el.querySelector('[data-testid=nav]')?.textContent).toContain(
      'Overview',
    );
  });
});
