import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { App } from './app';
import { APP_ICONS } from './app.icons';
import { appRoutes } from './app.routes';

describe(App.name, () => {
  beforeEach(() => localStorage.clear());

  it('should send a visitor who is not signed in to the login page', async () => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter(appRoutes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzIcons(APP_ICONS),
      ],
    });
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl('/ranking');
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Franking');
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('h1')?.textContent,
    ).toContain('科技金融');
  });
});
