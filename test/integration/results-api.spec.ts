import type { INestApplication } from '@nestjs/common';
import { RESULT_COLUMNS, type BankSummaryResponse, type ExplainResponse, type ResultsPageResponse, type UnitResultDetailResponse } from '@sci/shared';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { ImportService } from '../../api/src/import/import.service';
import { RunsService } from '../../api/src/runs/runs.service';
import { startTestApp } from '../support/app';
import { signInAs } from '../support/auth';
import { testDatabases } from '../support/databases';
import { diffResults, expectedResults, FIXTURE_DIR, readCsvRows } from './results-compare';

type Who = 'regulator' | 'bank_hq' | 'branch';

describe.each(testDatabases().map((d) => [d.name, d] as const))('results API on %s', (_name, db) => {
  let app: INestApplication;
  let baseUrl: string;
  let dataSource: DataSource;
  const tokens = {} as Record<Who, string>;
  const runIds: Record<string, number> = {};
  let icbcUnits: string[];
  let branchUnits: string[];

  async function get<T>(path: string, who: Who): Promise<{ status: number; body: T }> {
    const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
    return { status: res.status, body: (await res.json()) as T };
  }

  beforeAll(async () => {
    const fresh = await db.fresh();
    dataSource = fresh.dataSource;
    ({ app, baseUrl } = await startTestApp(fresh.config, dataSource));
    expect((await app.get(ImportService).importDirectory(FIXTURE_DIR, 'test')).status).toBe('succeeded');
    const runs = app.get(RunsService);
    for (const period of ['2025Q3', '2025Q4']) {
      const run = await runs.runNow({ period, trigger: 'user', triggeredBy: 'test' });
      await runs.publishAs(run.id, 'test');
      runIds[period] = run.id;
    }
    runIds['draft'] = (await runs.runNow({ period: '2025Q2', trigger: 'user', triggeredBy: 'test' })).id;
    tokens.regulator = (await signInAs(baseUrl, dataSource, { role: 'regulator' })).token;
    tokens.bank_hq = (await signInAs(baseUrl, dataSource, { role: 'bank_hq', bankCode: 'ICBC' })).token;
    tokens.branch = (await signInAs(baseUrl, dataSource, { role: 'branch', unitCode: 'ICBC-370100' })).token;
    icbcUnits = (await dataSource.query("SELECT code FROM institution WHERE bank_code = 'ICBC'")).map((r: { code: string }) => r.code).sort();
    branchUnits = (await dataSource.query("SELECT descendant_code AS c FROM institution_closure WHERE ancestor_code = 'ICBC-370100'"))
      .map((r: { c: string }) => r.c)
      .sort();
  });

  afterAll(async () => {
    await app.close();
  });

  describe('GET /api/results', () => {
    it('should page the latest published run, ranked by default', async () => {
      const r = await get<ResultsPageResponse>('/results?period=2025Q4&pageSize=20', 'regulator');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ total: 346, page: 1, pageSize: 20, sort: 'rankLevel', order: 'asc', run: { id: runIds['2025Q4'] } });
      expect(r.body.items).toHaveLength(20);
      const ranks = r.body.items.map((i) => i.rankLevel as number);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      const page2 = await get<ResultsPageResponse>('/results?period=2025Q4&pageSize=20&page=2', 'regulator');
      expect(page2.body.items.map((i) => i.code)).not.toContain(r.body.items[0].code);
    });

    it.each([
      ['s3', 'desc'],
      ['k9', 'asc'],
      ['composite', 'desc'],
      ['name', 'asc'],
    ])('should sort every match by %s %s on the server, nulls last', async (sort, order) => {
      const r = await get<ResultsPageResponse>(`/results?period=2025Q4&pageSize=500&sort=${sort}&order=${order}`, 'regulator');
      expect(r.body.items).toHaveLength(346);
      const key = (i: ResultsPageResponse['items'][number]): number | string | null =>
        sort === 'name' ? i.name : sort === 'composite' ? i.composite : sort.startsWith('s') ? i.scores[`K${sort.slice(1)}` as 'K3'] : i.values[`K${sort.slice(1)}` as 'K9'];
      const keys = r.body.items.map(key);
      const nonNull = keys.filter((k) => k !== null);
      expect(keys.slice(nonNull.length).every((k) => k === null)).toBe(true);
      // names: the collation decides the order, and differs between databases
      const nums = nonNull.filter((k): k is number => typeof k === 'number');
      for (let i = 1; i < nums.length; i++) expect(order === 'asc' ? nums[i - 1] <= nums[i] : nums[i - 1] >= nums[i]).toBe(true);
    });

    it.each([
      ['level=head', (i: ResultsPageResponse['items'][number]) => i.level === 'head'],
      ['bank=ICBC', (i: ResultsPageResponse['items'][number]) => i.bankCode === 'ICBC'],
      ['city=370200', (i: ResultsPageResponse['items'][number]) => i.regionCode === '370200'],
      ['flag=VETO', (i: ResultsPageResponse['items'][number]) => i.flags.includes('VETO')],
      ['grade=good', (i: ResultsPageResponse['items'][number]) => i.grade === 'good'],
      ['peerGroup=rural', (i: ResultsPageResponse['items'][number]) => i.peerGroup === 'rural'],
      ['q=ICBC-3701', (i: ResultsPageResponse['items'][number]) => i.code.includes('ICBC-3701')],
      // English city names and bank short names match too (names are stored in Chinese only)
      ['q=Jinan', (i: ResultsPageResponse['items'][number]) => i.regionCode === '370100' || i.name.includes('Jinan')],
      [`q=${encodeURIComponent('工行')}`, (i: ResultsPageResponse['items'][number]) => i.bankCode === 'ICBC'],
    ])('should filter with %s', async (qs, pred) => {
      const r = await get<ResultsPageResponse>(`/results?period=2025Q4&pageSize=500&${qs}`, 'regulator');
      expect(r.body.total).toBeGreaterThan(0);
      expect(r.body.total).toBeLessThan(346);
      expect(r.body.items).toHaveLength(r.body.total);
      expect(r.body.items.every(pred)).toBe(true);
    });

    it('should give each unit its previous-quarter rank for the arrows', async () => {
      const q4 = await get<ResultsPageResponse>('/results?period=2025Q4&pageSize=500', 'regulator');
      const q3 = await get<ResultsPageResponse>('/results?period=2025Q3&pageSize=500', 'regulator');
      const before = new Map(q3.body.items.map((i) => [i.code, i.rankLevel]));
      for (const i of q4.body.items) {
        expect(i.previousRankLevel).toBe(before.get(i.code) ?? null);
        expect(i.rankLevelChange).toBe(i.previousRankLevel === null ? null : (i.previousRankLevel as number) - (i.rankLevel as number));
      }
    });

    it('should show a bank its own units and a branch its subtree only', async () => {
      const bank = await get<ResultsPageResponse>('/results?period=2025Q4&pageSize=500', 'bank_hq');
      expect(bank.body.items.map((i) => i.code).sort()).toEqual(icbcUnits);
      const branch = await get<ResultsPageResponse>('/results?period=2025Q4&pageSize=500&bank=QDB', 'branch');
      expect(branch.body.total).toBe(0);
      const sub = await get<ResultsPageResponse>('/results?period=2025Q4&pageSize=500', 'branch');
      expect(sub.body.items.map((i) => i.code).sort()).toEqual(branchUnits);
    });

    it('should keep drafts from bank users and reject bad queries with 400', async () => {
      await expect(get(`/results?runId=${runIds['draft']}`, 'bank_hq')).resolves.toMatchObject({ status: 404 });
      await expect(get(`/results?runId=${runIds['draft']}`, 'regulator')).resolves.toMatchObject({ status: 200 });
      await expect(get('/results?period=2025Q4&sort=drop', 'regulator')).resolves.toMatchObject({ status: 400 });
      await expect(get('/results?period=2025Q4&pageSize=100000', 'regulator')).resolves.toMatchObject({ status: 400 });
      await expect(get("/results?period=2025Q4&q=%27%20OR%201%3D1--", 'regulator')).resolves.toMatchObject({ status: 200, body: { total: 0 } });
    });
  });

  describe('GET /api/results/:code', () => {
    it('should give the history and the peer distributions of a unit', async () => {
      const r = await get<UnitResultDetailResponse>('/results/ICBC-370100?period=2025Q4', 'bank_hq');
      expect(r.status).toBe(200);
      expect(r.body.history.map((h) => h.period)).toEqual(['2025Q3', '2025Q4']);
      expect(r.body.peerSetSize).toBeGreaterThanOrEqual(5);
      // a bank user: quartiles only, never the extremes (docs/access.md, disclosure rule)
      for (const c of Object.values(r.body.peers)) {
        expect(c.values.count).toBeLessThanOrEqual(r.body.peerSetSize);
        expect([c.values.min, c.values.max]).toEqual([null, null]);
        if (c.values.count >= 5) expect(c.values.q1 as number).toBeLessThanOrEqual(c.values.median as number);
        if (c.values.count >= 5) expect(c.values.median as number).toBeLessThanOrEqual(c.values.q3 as number);
      }
      // the regulator sees every unit anyway: the exact five-number summary
      const reg = await get<UnitResultDetailResponse>('/results/ICBC-370100?period=2025Q4', 'regulator');
      for (const c of Object.values(reg.body.peers)) {
        if (c.values.count) expect(c.values.min as number).toBeLessThanOrEqual(c.values.median as number);
        if (c.values.count) expect(c.values.median as number).toBeLessThanOrEqual(c.values.max as number);
      }
    });

    it('should answer 404 for a unit outside the scope', async () => {
      await expect(get('/results/QDB-370300?period=2025Q4', 'bank_hq')).resolves.toMatchObject({ status: 404, body: { code: 'UNIT_NOT_FOUND' } });
      await expect(get('/results/ICBC-370200?period=2025Q4', 'branch')).resolves.toMatchObject({ status: 404 });
    });
  });

  describe('GET /api/results/:code/explain', () => {
    it('should explain every class, the flags in words and the borrowers behind K1', async () => {
      const r = await get<ExplainResponse>('/results/ICBC-370100/explain?period=2025Q4', 'branch');
      expect(r.status).toBe(200);
      const e = r.body;
      expect(e.classes.map((c) => c.code)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9', 'K10']);
      const sum = e.classes.reduce((s, c) => s + c.points, 0);
      expect(Math.abs(sum - e.quantitative)).toBeLessThan(1e-9);
      const k2 = e.classes[1];
      expect(k2.value).toBeCloseTo((100 * (k2.numerator as number)) / (k2.denominator as number), 9);
      expect(e.classes[0].peerSize).toBeGreaterThan(0);
      expect(e.flags.every((f) => f.zh.length > 0 && f.en.length > 0)).toBe(true);
      expect(e.topBorrowers.length).toBeGreaterThan(0);
      expect(e.topBorrowers.length).toBeLessThanOrEqual(10);
      const balances = e.topBorrowers.map((b) => b.balance);
      expect(balances).toEqual([...balances].sort((a, b) => b - a));
      expect(balances.reduce((s, b) => s + b, 0)).toBeLessThanOrEqual((e.classes[0].value as number) + 1e-6);
      expect(e.qualitativeBlocks.map((b) => b.block)).toEqual(['Q1', 'Q2', 'Q3']);
    });

    it('should say every class in words, without formula symbols, and what would gain the most points', async () => {
      const e = (await get<ExplainResponse>('/results/ICBC-370100/explain?period=2025Q4', 'branch')).body;
      for (const c of e.classes) {
        if (c.method === 'peer_trend') expect(c.why.zh).toContain(c.name.zh);
        expect(c.why.zh).toContain(`${c.points.toFixed(1)} / ${c.weight} 分`);
        expect(c.why.en.length).toBeGreaterThan(10);
        for (const text of [c.why.zh, c.why.en]) expect(text).not.toMatch(/\b(H|P|m|V|f|NA)\s*=|S₀|A₀|rT|rA/);
      }
      const lost = e.classes.map((c) => c.weight - c.points).sort((a, b) => b - a);
      expect(e.summary.improvements.length).toBeLessThanOrEqual(3);
      expect(e.summary.improvements.map((i) => i.lostPoints)).toEqual(lost.slice(0, e.summary.improvements.length).map((x) => expect.closeTo(x, 9)));
      for (const i of e.summary.improvements) expect(i.text.zh).toContain(`失 ${i.lostPoints.toFixed(1)} 分`);
      if (e.summary.nextGrade) expect(e.summary.nextGrade.pointsNeeded).toBeGreaterThan(0);
      expect(e.composite + (e.summary.nextGrade?.pointsNeeded ?? 0)).toBeGreaterThanOrEqual(e.grade === 'excellent' ? 90 : 0);
    });

    it('should name a qualitative source only when the caller may see it', async () => {
      const reg = await get<ExplainResponse>('/results/ICBC-370100/explain?period=2025Q4', 'regulator');
      expect(reg.body.qualitativeBlocks.map((b) => [b.inherited, b.sourceCode, b.sourceYear])).toEqual([
        [true, 'ICBC', 2025],
        [true, 'ICBC', 2025],
        [true, 'ICBC', 2025],
      ]);
      const branch = await get<ExplainResponse>('/results/ICBC-370100/explain?period=2025Q4', 'branch');
      expect(branch.body.qualitativeBlocks.map((b) => [b.inherited, b.sourceCode, b.sourceName])).toEqual([
        [true, null, null],
        [true, null, null],
        [true, null, null],
      ]);
      expect(branch.body.qualitative).toBe(reg.body.qualitative);
    });
  });

  describe('GET /api/banks/:bankCode/summary', () => {
    it('should give a bank its units with ranks and its head position among its peers', async () => {
      const r = await get<BankSummaryResponse>('/banks/ICBC/summary?period=2025Q4', 'bank_hq');
      expect(r.status).toBe(200);
      expect(r.body.units.map((u) => u.code).sort()).toEqual(icbcUnits);
      expect(r.body.units[0].level).toBe('head');
      expect(r.body.head).toMatchObject({ code: 'ICBC', peerGroup: 'state' });
      expect(r.body.head?.peerGroupSize).toBeGreaterThanOrEqual(1);
      expect(r.body.peerComposite.count).toBe(r.body.head?.peerGroupSize);
    });

    it('should withhold peer statistics from a small group and the extremes from a larger one (disclosure rule)', async () => {
      const read = async (bank: string, role: 'bank_hq' | 'regulator'): Promise<BankSummaryResponse> => {
        const token = (await signInAs(baseUrl, dataSource, role === 'bank_hq' ? { role, bankCode: bank } : { role })).token;
        const res = await fetch(`${baseUrl}/banks/${bank}/summary?period=2025Q4`, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status).toBe(200);
        return (await res.json()) as BankSummaryResponse;
      };
      // rural group: 4 scored heads in sd-small — min, max and quartiles were 3 competitors' composites
      const rural = await read('LQRC', 'bank_hq');
      expect(rural.head?.peerGroupSize).toBe(4);
      expect(rural.peerComposite).toEqual({ count: 4, min: null, q1: null, median: null, q3: null, max: null });
      expect(Object.values(rural.peerScoreMedians).every((m) => m === null)).toBe(true);
      // city-commercial group: 6 heads — quartiles on the 2-significant-digit grid, no min/max
      const city = await read('QDB', 'bank_hq');
      expect(city.peerComposite).toMatchObject({ count: 6, min: null, max: null });
      const exact = await read('QDB', 'regulator');
      const { q1, median, q3 } = city.peerComposite;
      expect([q1, median, q3].map((v) => Number((v as number).toPrecision(2)))).toEqual([q1, median, q3]);
      expect(Math.abs((median as number) - (exact.peerComposite.median as number))).toBeLessThan(1);
      // the regulator's view is exact, extremes included
      expect(exact.peerComposite.min).toEqual(expect.any(Number));
      expect(exact.peerComposite.max).toEqual(expect.any(Number));
    });

    it('should answer 404 for another bank, and for a branch', async () => {
      await expect(get('/banks/QDB/summary?period=2025Q4', 'bank_hq')).resolves.toMatchObject({ status: 404 });
      await expect(get('/banks/ICBC/summary?period=2025Q4', 'branch')).resolves.toMatchObject({ status: 404 });
      await expect(get('/banks/QDB/summary?period=2025Q4', 'regulator')).resolves.toMatchObject({ status: 200 });
    });
  });

  describe('GET /api/results/export/readable', () => {
    const auth = (who: Who): RequestInit => ({ headers: { authorization: `Bearer ${tokens[who]}` } });

    it('should export exactly the filtered, sorted board, in words and in the reader\'s language', async () => {
      const query = 'period=2025Q4&grade=good&level=city&sort=composite&order=desc';
      const board = (await get<ResultsPageResponse>(`/results?${query}&pageSize=500`, 'regulator')).body;
      const res = await fetch(`${baseUrl}/results/export/readable?${query}&format=csv&lang=en`, auth('regulator'));
      expect(res.status).toBe(200);
      const text = (await res.text()).replace(/^\uFEFF/, '');
      const [title, header, ...rows] = text.trim().split('\r\n');
      expect(title).toContain(`2025Q4 · run #${runIds['2025Q4']} (published) · scheme sdtf-2025 v1`);
      expect(header.split(',').slice(0, 8)).toEqual(['Rank', 'Unit', 'Code', 'Bank', 'Level', 'Peer group', 'City', 'Grade']);
      expect(header).toContain('K2 Tech loan share (points)');
      expect(rows).toHaveLength(board.total);
      const cells = rows.map((r) => r.split(','));
      expect(cells.map((c) => c[2])).toEqual(board.items.map((i) => i.code));
      expect(cells.map((c) => Number(c[8]))).toEqual(board.items.map((i) => Number(i.composite.toFixed(2))));
      expect(new Set(cells.map((c) => c[7]))).toEqual(new Set(['Good']));
      expect(new Set(cells.map((c) => c[4]))).toEqual(new Set(['City branch']));
      expect(text).not.toMatch(/,good,|QUAL_INHERITED|SMALL_PEER_GROUP/);
    });

    it('should write an XLSX with a title row, a frozen header, widths, number formats and values in display units', async () => {
      const res = await fetch(`${baseUrl}/results/export/readable?period=2025Q4&show=value&bank=ICBC`, auth('bank_hq'));
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
      const ws = wb.worksheets[0];
      expect(String(ws.getCell(1, 1).value)).toContain('科技金融服务效果评估结果 · 2025Q4');
      expect(ws.getCell(2, 2).value).toBe('机构名称');
      const k1Header = String(ws.getCell(2, 12).value);
      expect(k1Header).toMatch(/^K1 科技贷款规模（(亿元|万元)）$/);
      const k1Div = k1Header.includes('亿元') ? 1e8 : 1e4;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(ws.getColumn(2).width).toBeGreaterThan(20);
      expect(ws.getColumn(12).numFmt).toBe('#,##0.00');
      const codes: string[] = [];
      ws.eachRow((row, n) => {
        if (n > 2) codes.push(String(row.getCell(3).value));
      });
      expect(codes.sort()).toEqual(icbcUnits);
      const detail = (await get<UnitResultDetailResponse>(`/results/${codes[0]}?period=2025Q4`, 'bank_hq')).body.result;
      let k1: unknown = null;
      ws.eachRow((row) => {
        if (row.getCell(3).value === codes[0]) k1 = row.getCell(12).value;
      });
      expect(k1).toBe(detail.values.K1 === null ? null : Number((detail.values.K1 / k1Div).toFixed(2)));
    });
    it('should write only the columns the board shows, identity and flags always, every column without `columns`', async () => {
      const header = async (extra: string): Promise<string[]> => {
        const res = await fetch(`${baseUrl}/results/export/readable?period=2025Q4&format=csv&lang=en${extra}`, auth('regulator'));
        expect(res.status).toBe(200);
        const [, head, first] = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
        expect(first.split(',').length).toBeGreaterThanOrEqual(head.split(',').length);
        return head.split(',');
      };
      const all = await header('');
      expect(all).toHaveLength(24);
      expect(all.slice(0, 11)).toEqual(['Rank', 'Unit', 'Code', 'Bank', 'Level', 'Peer group', 'City', 'Grade', 'Composite', 'Quantitative', 'Qualitative']);
      expect(all.slice(21)).toEqual(['Peer rank', 'Bank rank', 'Flags']);
      // the board's column choice, in any order: written in board order
      expect(await header('&columns=composite,grade,city')).toEqual(['Rank', 'Unit', 'Code', 'City', 'Grade', 'Composite', 'Flags']);
      const withClasses = await header('&columns=classes&columns=rankBank');
      expect(withClasses).toHaveLength(15);
      expect(withClasses.slice(0, 3)).toEqual(['Rank', 'Unit', 'Code']);
      expect(withClasses.slice(3, 13).map((h) => h.split(' ')[0])).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9', 'K10']);
      expect(withClasses.slice(13)).toEqual(['Bank rank', 'Flags']);
      // `columns=`: no optional column shown, not "all of them"
      expect(await header('&columns=')).toEqual(['Rank', 'Unit', 'Code', 'Flags']);
    });

    it('should take every known column key and refuse an unknown, an empty or a repeated one with 400', async () => {
      const known = await fetch(`${baseUrl}/results/export/readable?period=2025Q4&format=csv&columns=${RESULT_COLUMNS.join(',')}`, auth('regulator'));
      expect(known.status).toBe(200);
      for (const bad of ['columns=bank,colour', 'columns=bank,,city', 'columns=bank,bank', 'columns=flags']) {
        const res = await fetch(`${baseUrl}/results/export/readable?period=2025Q4&format=csv&${bad}`, auth('regulator'));
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED', params: { fields: 'columns' } });
      }
    });
  });

  describe('GET /api/results/export', () => {
    it('should export the published run as the expected CSV', async () => {
      const res = await fetch(`${baseUrl}/results/export?period=2025Q4`, { headers: { authorization: `Bearer ${tokens.regulator}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(/results-2025Q4\.csv/);
      expect(diffResults(await res.text(), expectedResults('2025Q4'))).toEqual([]);
    });

    it('should export only the caller scope, as XLSX too', async () => {
      const res = await fetch(`${baseUrl}/results/export?period=2025Q4&format=xlsx`, { headers: { authorization: `Bearer ${tokens.bank_hq}` } });
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const codes: string[] = [];
      wb.worksheets[0].eachRow((row, n) => n > 1 && codes.push(String(row.getCell(2).value)));
      expect(codes.sort()).toEqual(icbcUnits);
      const csv = await fetch(`${baseUrl}/results/export?period=2025Q4`, { headers: { authorization: `Bearer ${tokens.branch}` } });
      const [header, ...rows] = readCsvRows(await csv.text());
      expect(header[1]).toBe('institution_code');
      expect(rows.map((r) => r[1]).sort()).toEqual(branchUnits);
    });
  });
});
