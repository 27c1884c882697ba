import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});

// jsdom has no ResizeObserver; ngx-echarts and ng-zorro observe element sizes with it.
class NoopResizeObserver {
  observe(): void {
    /* nothing to observe in jsdom */
  }
  unobserve(): void {
    /* nothing to observe in jsdom */
  }
  disconnect(): void {
    /* nothing to observe in jsdom */
  }
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??=
  NoopResizeObserver;

// ng-zorro reads matchMedia for responsive components; jsdom lacks it.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}
