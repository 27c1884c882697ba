import { HttpErrorResponse } from '@angular/common/http';
import { Component, type ResourceStatus, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { StateComponent } from './state.component';

@Component({
  imports: [StateComponent],
  template: `<app-state
    [loading]="loading()"
    [error]="error()"
    [empty]="empty()"
    (retry)="retries = retries + 1"
  >
    <ng-template><p class="content">rows</p></ng-template>
  </app-state>`,
})
class HostComponent {
  readonly loading = signal(false);
  readonly error = signal<unknown>(undefined);
  readonly empty = signal(false);
  retries = 0;
}

@Component({
  imports: [StateComponent],
  template: `<app-state [resource]="res" [empty]="true"
    ><ng-template><p>rows</p></ng-template></app-state
  >`,
})
class ResourceHostComponent {
  readonly status = signal<ResourceStatus>('idle');
  readonly res = {
    isLoading: () => false,
    status: () => this.status(),
    error: () => undefined,
  };
}

describe(StateComponent.name, () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideNzIconsTesting()] });
  });

  async function render(): Promise<{
    host: HostComponent;
    el: HTMLElement;
    update: () => Promise<void>;
  }> {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    return {
      host: fixture.componentInstance,
      el: fixture.nativeElement as HTMLElement,
      update: () => fixture.whenStable(),
    };
  }

  it('should show a spinner, not the content, while the first load runs', async () => {
    const { host, el, update } = await render();
    host.loading.set(true);
    host.empty.set(true);
    await update();
    expect(el.querySelector('[data-state=loading]')).not.toBeNull();
    expect(el.querySelector('.content')).toBeNull();
  });

  it('should say so when there is nothing to show', async () => {
    const { host, el, update } = await render();
    host.empty.set(true);
    await update();
    expect(el.querySelector('[data-state=empty]')?.textContent).toContain(
      '暂无数据',
    );
  });

  it('should show the API error in the reader's language and retry on request', async () => {
    const { host, el, update } = await render();
    host.error.set(
      new HttpErrorResponse({
        status: 404,
        error: {
          statusCode: 404,
          code: 'WINDOW_CLOSED',
          params: { year: 2025 },
          message: 'the application window of 2025 is not open',
        },
      }),
    );
    await update();
    expect(el.querySelector('[data-state=error]')?.textContent).toContain(
      '2025 年度申报窗口未开放',
    );
    (
      el.querySelector('[data-state=error] button') as HTMLButtonElement
    ).click();
    expect(host.retries).toBe(1);
  });

  it('should show a period without a published run as information, not as a failure', async () => {
    const { host, el, update } = await render();
    host.error.set(
      new HttpErrorResponse({
        status: 404,
        error: {
          statusCode: 404,
          code: 'NO_PUBLISHED_RUN',
          params: { period: '2025Q4' },
          message: 'period 2025Q4 has no published run yet',
        },
      }),
    );
    await update();
    expect(el.querySelector('[data-state=info]')?.textContent).toContain(
      '报告期 2025Q4 尚无已发布的评估批次',
    );
    expect(el.querySelector('[data-state=error]')).toBeNull();
  });

  it('should count a resource that has not started yet as loading, not as empty', async () => {
    const fixture = TestBed.createComponent(ResourceHostComponent);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-state=loading]')).not.toBeNull();
    fixture.componentInstance.status.set('resolved');
    await fixture.whenStable();
    expect(el.querySelector('[data-state=empty]')).not.toBeNull();
  });

  it('should render the content when there is data', async () => {
    const { el } = await render();
    expect(el.querySelector('.content')?.textContent).toBe('rows');
  });
});
