import type { INestApplication } from '@nestjs/common';
import type {
  AuditPageResponse,
  CertificationApplicationListResponse,
  CertificationApplicationRequest,
  CertifiedListResponse,
  EvaluationDetailResponse,
  EvaluationItem,
  EvaluationListResponse,
  ExerciseResponse,
  UnitCertificationHistoryResponse,
} from '@sci/shared';
import { readFileSync, rmSync } from 'fs';
import { join } from 'path';
import type { DataSource } from 'typeorm';
import { ImportService } from '../../api/src/import/import.service';
import { RunsService } from '../../api/src/runs/runs.service';
import { startTestApp } from '../support/app';
import { authHeaders, signInAs } from '../support/auth';
import { testDatabases } from '../support/databases';
import { copyFixture, FIXTURES, readLines } from '../support/fixtures';

/**
 * One exercise end to end through the API, as the people involved do it: the regulator opens the
 * 2024 window, a bank HQ applies, the window closes, the evaluation runs on the published
 * 2024Q4 run, the regulator decides every unit (confirming one override and rejecting one, with
 * reasons) and publishes the list. The register the web wrote is then what "certified the year
 * before" means for 2025: with the same decisions as the fixture's imported decisions.csv, the
 * 2025 evaluation equals certification-2025.csv, plus the unit the bank applied for, now
 * certified and judged retain/delist only.
 *
 * The fixture is imported without decisions.csv (the register is written through the API here).
 */
const X = 'ICBC-370200-01'; // an ICBC outlet without an application in the fixture
const REJECTED = 'ICBC-370700-01'; // an ICBC applicant of 2024 that the register did not confirm
const EXPECTED_2025 = join(
  FIXTURES,
  'sd-small-expected',
  'certification-2025.csv',
);

/** The 2024 confirm decisions of the fixture's register. */
function registerConfirms(): Set<string> {
  const lines = readLines(join(FIXTURES, 'sd-small'), 'decisions.csv').slice(1);
  return new Set(
    lines
      .map((l) => l.split(','))
      .filter((c) => c[0] === '2024' && c[2] === 'confirm')
      .map((c) => c[1]),
  );
}

function application(
  code: string,
  over: Partial<CertificationApplicationRequest> = {},
): CertificationApplicationRequest {
  return {
    institutionCode: code,
    designated: true,
    techRmCount: 6,
    separateCreditPlan: true,
    dedicatedPricing: true,
    independentAccounting: true,
    riskTolerance: true,
    approvalChannel: true,
    performanceAssessment: true,
    dueDiligenceExemption: true,
    ftpDiscountBp: 30,
    approvalLimit: 20000000.5,
    ...over,
  };
}

describe.each(testDatabases().map((d) => [d.name, d] as const))(
  'certification exercise on %s',
  (_name, db) => {
    let app: INestApplication;
    let baseUrl: string;
    let dataSource: DataSource;
    const tokens: Record<'regulator' | 'icbc' | 'qdb' | 'branch', string> = {
      regulator: '',
      icbc: '',
      qdb: '',
      branch: '',
    };

    async function call<T>(
      who: keyof typeof tokens,
      method: string,
      path: string,
      body?: unknown,
    ): Promise<{ status: number; body: T; text: string }> {
      const headers = authHeaders(
        tokens[who],
        body === undefined ? {} : { 'content-type': 'application/json' },
      );
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // CSV and other non-JSON bodies stay text
      }
      return { status: res.status, body: parsed as T, text };
    }

    beforeAll(async () => {
      process.env['API_RATE_LIMIT'] = '0';
      const fresh = await db.fresh();
      dataSource = fresh.dataSource;
      ({ app, baseUrl } = await startTestApp(fresh.config, dataSource));
      const dir = copyFixture();
      rmSync(join(dir, 'decisions.csv'));
      const imported = await app
        .get(ImportService)
        .importDirectory(dir, 'test');
      if (imported.status !== 'succeeded')
        throw new Error(`import ${imported.status}`);
      tokens.regulator = (
        await signInAs(baseUrl, dataSource, { role: 'regulator' })
      ).token;
      tokens.icbc = (
        await signInAs(baseUrl, dataSource, {
          role: 'bank_hq',
          bankCode: 'ICBC',
        })
      ).token;
      tokens.qdb = (
        await signInAs(baseUrl, dataSource, {
          role: 'bank_hq',
          bankCode: 'QDB',
        })
      ).token;
      tokens.branch = (
        await signInAs(baseUrl, dataSource, {
          role: 'branch',
          unitCode: 'ICBC-370100',
        })
      ).token;
    });

    afterAll(async () => {
      delete process.env['API_RATE_LIMIT'];
      await app.close();
      await dataSource.destroy().catch(() => undefined);
    });

    it('should open the 2024 window for the regulator only', async () => {
      await expect(
        call('icbc', 'POST', '/certification/2024/open'),
      ).resolves.toMatchObject({ status: 403 });
      const r = await call<ExerciseResponse>(
        'regulator',
        'POST',
        '/certification/2024/open',
      );
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        year: 2024,
        status: 'applications_open',
        openedBy: expect.any(String),
      });
      expect(r.body.counts.applications).toBe(55);
    });

    it('should let the bank HQ apply for its own unit, once, with valid figures', async () => {
      const r = await call<{
        institutionCode: string;
        source: string;
        status: string;
        approvalLimit: number;
      }>('icbc', 'POST', '/certification/2024/applications', application(X));
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({
        institutionCode: X,
        source: 'web',
        status: 'submitted',
        approvalLimit: 20000000.5,
      });
      await expect(
        call(
          'icbc',
          'POST',
          '/certification/2024/applications',
          application(X),
        ),
      ).resolves.toMatchObject({
        status: 409,
        body: { code: 'APPLICATION_EXISTS' },
      });
      // an imported application counts the same
      await expect(
        call(
          'icbc',
          'POST',
          '/certification/2024/applications',
          application('ICBC-370100-01'),
        ),
      ).resolves.toMatchObject({
        status: 409,
        body: { code: 'APPLICATION_EXISTS' },
      });
      await expect(
        call(
          'icbc',
          'POST',
          '/certification/2024/applications',
          application('ICBC'),
        ),
      ).resolves.toMatchObject({
        status: 400,
        body: { code: 'APPLICATION_LEVEL' },
      });
      const bad = await call<{ message: string }>(
        'icbc',
        'POST',
        '/certification/2024/applications',
        application('ICBC-370400-01', {
          techRmCount: -1,
          ftpDiscountBp: 2.5,
          approvalLimit: 1.234,
        }),
      );
      expect(bad.status).toBe(400);
      expect(bad.text).toMatch(/techRmCount must not be less than 0/);
      expect(bad.text).toMatch(/ftpDiscountBp must be a whole number/);
      expect(bad.text).toMatch(
        /approvalLimit must be an amount in yuan with at most 2 decimals/,
      );
    });

    it('should keep another bank HQ away from the unit: no apply, no withdraw, not in its list', async () => {
      await expect(
        call(
          'qdb',
          'POST',
          '/certification/2024/applications',
          application('ICBC-370400-01'),
        ),
      ).resolves.toMatchObject({
        status: 404,
        body: { code: 'UNIT_NOT_FOUND' },
      });
      await expect(
        call('qdb', 'DELETE', `/certification/2024/applications/${X}`),
      ).resolves.toMatchObject({ status: 404 });
      const qdb = await call<CertificationApplicationListResponse>(
        'qdb',
        'GET',
        '/certification/2024/applications',
      );
      expect(qdb.status).toBe(200);
      expect(qdb.body.items.length).toBeGreaterThan(0);
      expect(qdb.body.items.every((a) => a.bankCode === 'QDB')).toBe(true);
      expect(qdb.text).not.toContain('ICBC');
      const icbc = await call<CertificationApplicationListResponse>(
        'icbc',
        'GET',
        '/certification/2024/applications',
      );
      expect(icbc.body.items.every((a) => a.bankCode === 'ICBC')).toBe(true);
      expect(icbc.body.items.map((a) => a.institutionCode)).toContain(X);
      const branch = await call<CertificationApplicationListResponse>(
        'branch',
        'GET',
        '/certification/2024/applications',
      );
      expect(branch.body.items.map((a) => a.institutionCode).sort()).toEqual([
        'ICBC-370100-01',
        'ICBC-370100-STAR',
      ]);
      const all = await call<CertificationApplicationListResponse>(
        'regulator',
        'GET',
        '/certification/2024/applications',
      );
      expect(all.body.items).toHaveLength(56);
    });

    it('should withdraw and accept a new application while the window is open', async () => {
      const w = await call<{ status: string }>(
        'icbc',
        'DELETE',
        `/certification/2024/applications/${X}`,
      );
      expect(w).toMatchObject({ status: 200, body: { status: 'withdrawn' } });
      await expect(
        call('icbc', 'DELETE', `/certification/2024/applications/${X}`),
      ).resolves.toMatchObject({
        status: 404,
        body: { code: 'APPLICATION_NOT_FOUND' },
      });
      await expect(
        call(
          'icbc',
          'POST',
          '/certification/2024/applications',
          application(X),
        ),
      ).resolves.toMatchObject({ status: 201, body: { status: 'submitted' } });
    });

    it('should close the window and refuse applications afterwards', async () => {
      await expect(
        call('regulator', 'POST', '/certification/2024/close'),
      ).resolves.toMatchObject({
        status: 200,
        body: { status: 'applications_closed' },
      });
      await expect(
        call(
          'icbc',
          'POST',
          '/certification/2024/applications',
          application('ICBC-370400-01'),
        ),
      ).resolves.toMatchObject({
        status: 409,
        body: { code: 'WINDOW_CLOSED' },
      });
      await expect(
        call('icbc', 'DELETE', `/certification/2024/applications/${X}`),
      ).resolves.toMatchObject({
        status: 409,
        body: { code: 'WINDOW_CLOSED' },
      });
    });

    it('should refuse to evaluate without a published fourth-quarter run, then evaluate on it', async () => {
      const refused = await call<{ code: string; message: string }>(
        'regulator',
        'POST',
        '/certification/2024/evaluate',
      );
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'NO_PUBLISHED_RUN',
        message: expect.stringContaining('2024Q4 has no published run'),
      });
      const runs = app.get(RunsService);
      for (const period of ['2024Q4', '2025Q4']) {
        const run = await runs.runNow({
          period,
          trigger: 'user',
          triggeredBy: 'test',
        });
        await runs.publishAs(run.id, 'test');
      }
      const r = await call<ExerciseResponse>(
        'regulator',
        'POST',
        '/certification/2024/evaluate',
      );
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        status: 'evaluated',
        runId: expect.any(Number),
        previousRunId: null,
        schemeId: 'sdtf-2025',
      });
      expect(r.body.counts).toMatchObject({
        evaluated: 56,
        pending: 56,
        decided: 0,
      });
    });

    it('should show each check with value, threshold and shortfall in words, and scope the list', async () => {
      const d = await call<EvaluationDetailResponse>(
        'icbc',
        'GET',
        `/certification/2024/evaluation/${X}`,
      );
      expect(d.status).toBe(200);
      expect(d.body).toMatchObject({
        institutionCode: X,
        kind: 'applicant',
        decision: null,
      });
      expect(d.body.checks.map((c) => c.code)).toEqual([
        'C1',
        'C2',
        'C3',
        'C4',
        'C5',
        'C6',
        'C7',
        'C8',
      ]);
      const k2 = d.body.checks
        .flatMap((c) => c.measures)
        .find((m) => m.name === 'K2');
      if (!k2) throw new Error('C3 has no K2 measure');
      expect(k2).toMatchObject({
        threshold: 50,
        label: { zh: '科技贷款占比', en: 'Tech loan share' },
      });
      expect(k2.text.zh).toMatch(
        k2.pass
          ? /^科技贷款占比 \d+\.\d%，不低于 50%$/
          : /^科技贷款占比 \d+\.\d%，低于 50%，差(不足 0\.1| \d+\.\d) 个百分点$/,
      );
      expect(d.body.explanation.zh.length).toBeGreaterThan(5);
      await expect(
        call('qdb', 'GET', `/certification/2024/evaluation/${X}`),
      ).resolves.toMatchObject({ status: 404 });
      const icbc = await call<EvaluationListResponse>(
        'icbc',
        'GET',
        '/certification/2024/evaluation',
      );
      expect(icbc.body.items.length).toBeGreaterThan(1);
      expect(icbc.body.items.every((i) => i.bankCode === 'ICBC')).toBe(true);
    });

    it('should require a reason to override or reject, record both, and audit every decision', async () => {
      const x = (
        await call<EvaluationDetailResponse>(
          'regulator',
          'GET',
          `/certification/2024/evaluation/${X}`,
        )
      ).body;
      expect(x.recommendation).not.toBe('certify'); // so confirming it is an override
      await expect(
        call('regulator', 'POST', `/certification/2024/decisions/${X}`, {
          decision: 'confirm',
        }),
      ).resolves.toMatchObject({
        status: 400,
        body: { code: 'REASON_REQUIRED' },
      });
      await expect(
        call('icbc', 'POST', `/certification/2024/decisions/${X}`, {
          decision: 'confirm',
          reason: 'self',
        }),
      ).resolves.toMatchObject({ status: 403 });
      const c = await call<EvaluationItem>(
        'regulator',
        'POST',
        `/certification/2024/decisions/${X}`,
        { decision: 'confirm', reason: '新设科技支行，机制完备，破格认定' },
      );
      expect(c.status).toBe(200);
      expect(c.body.decision).toMatchObject({
        decision: 'confirm',
        override: true,
        recommendation: x.recommendation,
        source: 'web',
        reason: '新设科技支行，机制完备，破格认定',
      });

      await expect(
        call('regulator', 'POST', `/certification/2024/decisions/${REJECTED}`, {
          decision: 'reject',
          reason: '  ',
        }),
      ).resolves.toMatchObject({
        status: 400,
        body: { code: 'REASON_REQUIRED' },
      });
      const r = await call<EvaluationItem>(
        'regulator',
        'POST',
        `/certification/2024/decisions/${REJECTED}`,
        { decision: 'reject', reason: '科技贷款规模不足' },
      );
      expect(r.body.decision).toMatchObject({
        decision: 'reject',
        override: false,
        reason: '科技贷款规模不足',
      });
      // the bank does not see a decision before the list is published
      const seen = await call<EvaluationDetailResponse>(
        'icbc',
        'GET',
        `/certification/2024/evaluation/${X}`,
      );
      expect(seen.body.decision).toBeNull();

      const audit = await call<AuditPageResponse>(
        'regulator',
        'GET',
        `/audit?action=decision.recorded&target=${encodeURIComponent(`unit:${X}`)}`,
      );
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0].detail).toMatchObject({
        year: 2024,
        decision: 'confirm',
        override: true,
        reason: '新设科技支行，机制完备，破格认定',
      });
    });

    it('should not publish while decisions are pending, then publish once every unit is decided', async () => {
      await expect(
        call('regulator', 'POST', '/certification/2024/publish'),
      ).resolves.toMatchObject({
        status: 409,
        body: { code: 'DECISIONS_PENDING' },
      });
      const confirms = registerConfirms();
      const list = await call<EvaluationListResponse>(
        'regulator',
        'GET',
        '/certification/2024/evaluation',
      );
      for (const item of list.body.items.filter((i) => i.decision === null)) {
        const decision = confirms.has(item.institutionCode)
          ? 'confirm'
          : 'reject';
        const res = await call(
          'regulator',
          'POST',
          `/certification/2024/decisions/${item.institutionCode}`,
          { decision, reason: 'register 2024' },
        );
        expect(res.status).toBe(200);
      }
      await expect(
        call<ExerciseResponse>('regulator', 'GET', '/certification/2024'),
      ).resolves.toMatchObject({
        body: {
          status: 'decided',
          counts: { pending: 0, decided: 56, confirmed: confirms.size + 1 },
        },
      });
      const audit = await call<AuditPageResponse>(
        'regulator',
        'GET',
        '/audit?action=decision.recorded&pageSize=1',
      );
      expect(audit.body.total).toBe(56);
      await expect(
        call('regulator', 'POST', '/certification/2024/publish'),
      ).resolves.toMatchObject({ status: 200, body: { status: 'published' } });
      await expect(
        call('regulator', 'POST', `/certification/2024/decisions/${X}`, {
          decision: 'reject',
          reason: 'late',
        }),
      ).resolves.toMatchObject({
        status: 409,
        body: { code: 'EXERCISE_STATE' },
      });
    });

    it('should publish the list (授牌名单) with counts by city and bank, scoped for a bank', async () => {
      const all = await call<CertifiedListResponse>(
        'regulator',
        'GET',
        '/certification/2024/list',
      );
      expect(all.body.published).toBe(true);
      expect(all.body.items.map((i) => i.institutionCode)).toEqual(
        [...registerConfirms(), X].sort(),
      );
      expect(all.body.byRegion.reduce((s, r) => s + r.count, 0)).toBe(
        all.body.items.length,
      );
      expect(all.body.byBank.reduce((s, b) => s + b.count, 0)).toBe(
        all.body.items.length,
      );
      expect(all.body.byBank.find((b) => b.bankCode === 'ICBC')).toMatchObject({
        bankName: expect.any(String),
        count: 5,
      });
      const icbc = await call<CertifiedListResponse>(
        'icbc',
        'GET',
        '/certification/2024/list',
      );
      expect(icbc.body.items.every((i) => i.bankCode === 'ICBC')).toBe(true);
      expect(icbc.body.byBank.map((b) => b.bankCode)).toEqual(['ICBC']);
      expect(
        icbc.body.items.find((i) => i.institutionCode === X),
      ).toMatchObject({ newlyCertified: true, regionCode: '370200' });
    });

    it('should treat the units confirmed through the web as certified in the next year', async () => {
      await expect(
        call('regulator', 'POST', '/certification/2025/open'),
      ).resolves.toMatchObject({ status: 200 });
      await expect(
        call('regulator', 'POST', '/certification/2025/close'),
      ).resolves.toMatchObject({ status: 200 });
      const ev = await call<ExerciseResponse>(
        'regulator',
        'POST',
        '/certification/2025/evaluate',
      );
      expect(ev.status).toBe(200);
      expect(ev.body.previousRunId).not.toBeNull();
      const x = await call<EvaluationDetailResponse>(
        'regulator',
        'GET',
        `/certification/2025/evaluation/${X}`,
      );
      expect(x.body.kind).toBe('certified');
      expect(['retain', 'delist']).toContain(x.body.recommendation);
      expect(x.body.previousChecks).toHaveLength(8);
      // the web-written register gives exactly the reference evaluation (plus X, certified now)
      const csv = await call<string>(
        'regulator',
        'GET',
        '/certification/2025/export?format=csv',
      );
      expect(csv.status).toBe(200);
      const expected = readFileSync(EXPECTED_2025, 'utf8')
        .trimEnd()
        .split('\n');
      const actual = csv.text.trimEnd().split('\n');
      const xRow = actual.find((l) => l.startsWith(`2025,${X},`));
      expect(xRow).toMatch(
        /^2025,ICBC-370200-01,(retain|delist),N,N(,[YN]){6}$/,
      );
      expect(actual.filter((l) => l !== xRow)).toEqual(expected);
    });

    it('should tell a unit history across years, hiding it from another bank', async () => {
      const h = await call<UnitCertificationHistoryResponse>(
        'icbc',
        'GET',
        `/certification/units/${X}`,
      );
      expect(h.status).toBe(200);
      expect(h.body.years.map((y) => y.year)).toEqual([2024, 2025]);
      expect(h.body.years[0]).toMatchObject({
        application: { source: 'web', status: 'submitted' },
        evaluation: { kind: 'applicant' },
        decision: { decision: 'confirm' },
        published: true,
        listed: true,
      });
      // 2025 is evaluated but not decided: the bank sees the recommendation, not a decision
      expect(h.body.years[1]).toMatchObject({
        application: null,
        evaluation: { kind: 'certified' },
        decision: null,
        published: false,
        listed: false,
      });
      expect(h.body.currentlyCertified).toBe(true);
      await expect(
        call('qdb', 'GET', `/certification/units/${X}`),
      ).resolves.toMatchObject({ status: 404 });
    });
  },
);
