import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  CLASS_CODES,
  type ClassCode,
  type PeriodInfo,
  type ResultsPageResponse,
  type RunResponse,
  type UnitResultItem,
} from '@sci/shared';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';
import { ContextStore } from '../../core/context/context.store';
import { RankingPageComponent } from './ranking-page.component';

const per = <T>(f: (k: ClassCode) => T): Record<ClassCode, T> =>
  Object.fromEntries(CLASS_CODES.map((k) => [k, f(k)])) as Record<ClassCode, T>;
const run = {
  id: 7,
  period: '2025Q4',
  published: true,
  status: 'succeeded',
} as RunResponse;
const unit = (
  code: string,
  rank: number,
  change: number | null,
): UnitResultItem =>
  ({
    runId: 7,
    period: '2025Q4',
    code,
    name: `${code} 支行`,
    level: 'head',
    peerGroup: 'state',
    bankCode: 'ICBC',
    regionCode: '370100',
    scored: true,
    values: per(() => 10),
    scores: per(() => 5),
    quantitative: 60,
    qualitative: 15,
    composite: 75,
    grade: 'good',
    rankLevel: rank,
    rankPeer: rank,
    rankBank: 1,
    flags: ['QUAL_INHERITED'],
    previousRankLevel: null,
    rankLevelChange: change,
  }) as UnitResultItem;

describe(RankingPageComponent.name, () => {
  let http: HttpTestingController;

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
    http = TestBed.inject(HttpTestingController);
  });

  async function open(): Promise<{
    el: HTMLElement;
    stable: () => Promise<void>;
    exportReadable: (format: 'csv' | 'xlsx') => void;
  }> {
    TestBed.inject(ContextStore).activate();
    const fixture = TestBed.createComponent(RankingPageComponent);
    // not whenStable(): a resource waiting on an unflushed request keeps the app unstable
    const stable = async (): Promise<void> => {
      for (let i = 0; i < 6; i++) {
        TestBed.tick();
        await new Promise((r) => setTimeout(r, 0));
      }
    };
    await stable();
    http.expectOne('/api/periods').flush({
      items: [
        {
          period: '2025Q4',
          date: '2025-12-31',
          latestPublishedRun: run,
          latestRun: run,
        } as PeriodInfo,
      ],
    });
    await stable();
    http.expectOne((r) => r.url === '/api/runs').flush({ items: [run] });
    const board = fixture.componentInstance as unknown as {
      exportReadable(format: 'csv' | 'xlsx'): void;
    };
    return {
      el: fixture.nativeElement as HTMLElement,
      stable,
      exportReadable: (f) => board.exportReadable(f),
    };
  }

  function page(
    items: UnitResultItem[],
    total = items.length,
  ): ResultsPageResponse {
    return {
      run,
      items,
      total,
      page: 1,
      pageSize: 50,
      sort: 'rankLevel',
      order: 'asc',
    };
  }

  it('should ask the server for one page of the period and show its rows with rank arrows', async () => {
    const { el, stable } = await open();
    const req = http.expectOne((r) => r.url === '/api/results');
    expect(req.request.params.get('period')).toBe('2025Q4');
    expect(req.request.params.get('page')).toBe('1');
    expect(req.request.params.get('pageSize')).toBe('50');
    req.flush(page([unit('A1', 1, 2), unit('B2', 2, -1)], 3000));
    await stable();
    const rows = el.querySelectorAll('tr[data-unit]');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('▲2');
    expect(rows[1].textContent).toContain('▼1');
    expect(el.querySelector('[data-testid=total]')?.textContent).toContain(
      '3000',
    );
    // a full board (pinned columns, ten K columns) takes jsdom several seconds on a busy machine
  }, 30_000);

  it('should sort on the server by a class score when its header is clicked', async () => {
    const { el, stable } = await open();
    http
      .expectOne((r) => r.url === '/api/results')
      .flush(page([unit('A1', 1, null)]));
    await stable();
    (el.querySelector('th[data-sort=s3]') as HTMLElement).click();
    await stable();
    const req = http.expectOne((r) => r.url === '/api/results');
    expect(req.request.params.get('sort')).toBe('s3');
    expect(req.request.params.get('order')).toBe('asc');
    req.flush(page([]));
  }, 30_000);

  it('should say so when no unit matches', async () => {
    const { el, stable } = await open();
    http.expectOne((r) => r.url === '/api/results').flush(page([]));
    await stable();
    expect(el.querySelector('[data-state=empty]')?.textContent).toContain(
      '没有符合条件的机构',
    );
  });

  it('should export the columns the board shows, and none but the pinned ones when none is chosen', async () => {
    localStorage.setItem(
      'sci.ranking.columns',
      JSON.stringify(['composite', 'grade', 'classes']),
    );
    const { stable, exportReadable } = await open();
    http
      .expectOne((r) => r.url === '/api/results')
      .flush(page([unit('A1', 1, null)]));
    await stable();
    exportReadable('csv');
    const req = http.expectOne((r) => r.url === '/api/results/export/readable');
    // board order, the stored choice's order notwithstanding
    expect(req.request.params.get('columns')).toBe('grade,composite,classes');
    expect(req.request.params.get('format')).toBe('csv');
    expect(req.request.params.has('page')).toBe(false);
  }, 30_000);

  it('should send an empty column list, not leave it out, when no optional column is shown', async () => {
    localStorage.setItem('sci.ranking.columns', JSON.stringify([]));
    const { stable, exportReadable } = await open();
    http
      .expectOne((r) => r.url === '/api/results')
      .flush(page([unit('A1', 1, null)]));
    await stable();
    exportReadable('xlsx');
    const req = http.expectOne((r) => r.url === '/api/results/export/readable');
    expect(req.request.params.get('columns')).toBe('');
    expect(req.request.urlWithParams).toMatch(/[?&]columns=(&|$)/);
  }, 30_000);
});
