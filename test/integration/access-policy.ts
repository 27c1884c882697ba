import type { INestApplication } from '@nestjs/common';
import type { Role } from '@sci/shared';
import type { DataSource } from 'typeorm';
import { RunsService } from '../../api/src/runs/runs.service';
import { systemScope } from '../../api/src/core/auth/scope';
import { CertificationEvaluationService } from '../../api/src/certification/certification-evaluation.service';
import { CertificationExerciseService } from '../../api/src/certification/certification-exercise.service';

/**
 * The access policy of every API route, checked by access-matrix.spec.ts against the routes the
 * real app serves: a route without an entry here FAILS the matrix. When you add a route, add
 * its line (keep the table sorted by path).
 *
 * Key: `METHOD /api/path/:param` exactly as Express registers it.
 *   allow   'public' (no token), 'any' (every signed-in role) or the roles allowed.
 *   scoped  the request names a unit ('unit') or a bank ('bank') through `params`/`query`/`body`:
 *           the matrix then also sends, for bank_hq and branch callers, out-of-scope targets
 *           (another bank's unit; for a branch also a sibling unit of its own bank), which must
 *           answer 403 or 404. For every bank_hq/branch response the matrix also checks that
 *           no code or name of an out-of-scope unit appears in the body.
 *   params  path parameters; `t` is the target (own or out-of-scope unit/bank), `ids` holds the
 *           ids the seeders created (see MATRIX_SEEDERS).
 *   query, body  request query / JSON body (default none / `{}`: a 400 from validation still
 *           proves the guard let the caller through; a real body makes the check stronger).
 *   ownStatus  the exact status an allowed caller gets for its own target, when known.
 *   endsSession  the call ends the caller's session (the matrix signs it in again).
 */
export type Actor = 'anonymous' | Role;

export interface MatrixTarget {
  unit: string;
  bank: string;
  own: boolean;
}

export interface MatrixRequestContext {
  actor: Actor;
  t: MatrixTarget;
  ids: Record<string, string>;
}

export interface RoutePolicy {
  allow: 'public' | 'any' | Role[];
  scoped?: 'unit' | 'bank';
  params?: (c: MatrixRequestContext) => Record<string, string>;
  query?: (c: MatrixRequestContext) => Record<string, string>;
  body?: (c: MatrixRequestContext) => unknown;
  ownStatus?: number;
  endsSession?: boolean;
}

/**
 * Seed steps run once per database before the matrix, after the sd-small fixture is imported and
 * the matrix users exist (ids.userId = a spare user). Append a step that creates what your routes
 * need (a run, an application, ...) and records its id in `ids`.
 */
export type MatrixSeeder = (app: INestApplication, dataSource: DataSource, ids: Record<string, string>) => Promise<void>;
export const MATRIX_SEEDERS: MatrixSeeder[] = [
  // runs: 2025Q3 and 2025Q4 scored and published (ids.runId = Q4, ids.runId2 = Q3) for results, explain, export, diff
  async (app, _ds, ids) => {
    const runs = app.get(RunsService, { strict: false });
    for (const [period, key] of [['2025Q4', 'runId'], ['2025Q3', 'runId2']] as const) {
      const run = await runs.runNow({ period, trigger: 'user', triggeredBy: 'matrix' });
      if (run.status !== 'succeeded') throw new Error(`matrix run of ${period}: ${run.error}`);
      await runs.publishAs(run.id, 'matrix');
      ids[key] = String(run.id);
    }
  },
  // certification: 2025 evaluated on the published 2025Q4 run (2024 = the imported register), 2026 window open
  async (app) => {
    const scope = systemScope('matrix');
    const runs = app.get(RunsService, { strict: false });
    if (!(await runs.latestPublished()).has('2025Q4')) await runs.publishAs((await runs.runNow({ period: '2025Q4', trigger: 'user', triggeredBy: 'matrix' })).id, 'matrix');
    const exercises = app.get(CertificationExerciseService, { strict: false });
    await exercises.open(scope, 2025);
    await exercises.close(scope, 2025);
    await app.get(CertificationEvaluationService, { strict: false }).evaluate(scope, 2025);
    await exercises.open(scope, 2026);
  },
];

/** Certification: an own target evaluated in 2025 (an ICBC outlet under ICBC-370100 that applied), else the out-of-scope unit. */
const certUnit = (t: MatrixTarget): string => (t.own ? 'ICBC-370100-01' : t.unit);
const certApplication = (unit: string): Record<string, unknown> => ({
  institutionCode: unit,
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
  approvalLimit: 20000000,
});

const SWAGGER: RoutePolicy = { allow: 'public' };

/** ids.userId is a spare bank_hq account (an admin's to manage), ids.privilegedUserId a spare admin (a regulator's). */
const spareUser = ({ actor, ids }: MatrixRequestContext): Record<string, string> => ({
  id: actor === 'regulator' ? ids['privilegedUserId'] : ids['userId'],
});

export const ACCESS_POLICY: Record<string, RoutePolicy> = {
  'GET /api/audit': { allow: ['regulator', 'admin'], ownStatus: 200 },
  'POST /api/auth/login': { allow: 'public', body: () => ({ username: 'nobody', password: 'not-a-password-1' }) },
  'POST /api/auth/logout': { allow: 'any', ownStatus: 204, endsSession: true },
  'GET /api/auth/me': { allow: 'any', ownStatus: 200 },
  'POST /api/auth/password': { allow: 'any', ownStatus: 400 },
  'GET /api/banks/:bankCode/summary': { allow: 'any', scoped: 'bank', params: ({ t }) => ({ bankCode: t.bank }), query: () => ({ period: '2025Q4' }) },
  'GET /api/certification': { allow: 'any', ownStatus: 200 },
  'GET /api/certification/units/:code': { allow: 'any', scoped: 'unit', ownStatus: 200, params: ({ t }) => ({ code: certUnit(t) }) },
  'GET /api/certification/:year': { allow: 'any', ownStatus: 200, params: () => ({ year: '2025' }) },
  'POST /api/certification/:year': { allow: ['regulator'], params: () => ({ year: '2025' }) },
  'GET /api/certification/:year/applications': { allow: 'any', ownStatus: 200, params: () => ({ year: '2025' }) },
  'POST /api/certification/:year/applications': { allow: ['bank_hq'], scoped: 'unit', ownStatus: 201, params: () => ({ year: '2026' }), body: ({ t }) => certApplication(t.unit) },
  'DELETE /api/certification/:year/applications/:code': { allow: ['bank_hq'], scoped: 'unit', ownStatus: 200, params: ({ t }) => ({ year: '2026', code: t.unit }) },
  'POST /api/certification/:year/close': { allow: ['regulator'], params: () => ({ year: '2025' }) },
  'POST /api/certification/:year/decisions/:code': { allow: ['regulator'], params: ({ t }) => ({ year: '2025', code: t.unit }), body: () => ({ decision: 'reject', reason: 'matrix' }) },
  'POST /api/certification/:year/evaluate': { allow: ['regulator'], params: () => ({ year: '2025' }) },
  'GET /api/certification/:year/evaluation': { allow: 'any', ownStatus: 200, params: () => ({ year: '2025' }) },
  'GET /api/certification/:year/evaluation/:code': { allow: 'any', scoped: 'unit', ownStatus: 200, params: ({ t }) => ({ year: '2025', code: certUnit(t) }) },
  'GET /api/certification/:year/export': { allow: 'any', ownStatus: 200, params: () => ({ year: '2025' }), query: () => ({ format: 'csv' }) },
  'GET /api/certification/:year/list': { allow: 'any', ownStatus: 200, params: () => ({ year: '2024' }) },
  'POST /api/certification/:year/open': { allow: ['regulator'], params: () => ({ year: '2025' }) },
  'POST /api/certification/:year/publish': { allow: ['regulator'], params: () => ({ year: '2025' }) },
  'GET /api/docs': SWAGGER,
  'GET /api/docs-json': SWAGGER,
  'GET /api/docs-yaml': SWAGGER,
  'GET /api/docs/': SWAGGER,
  'GET /api/docs/docs/swagger-ui-init.js': SWAGGER,
  'GET /api/docs/swagger-ui-init.js': SWAGGER,
  'GET /api/docs/index.html': SWAGGER,
  'GET /api/docs/LICENSE': SWAGGER,
  'GET /api/health': { allow: 'public', ownStatus: 200 },
  'GET /api/health/live': { allow: 'public', ownStatus: 200 },
  'GET /api/health/ready': { allow: 'public', ownStatus: 200 },
  'GET /api/imports': { allow: ['regulator', 'admin'], ownStatus: 200 },
  'POST /api/imports': { allow: ['regulator', 'admin'], ownStatus: 400 },
  'GET /api/imports/:id': { allow: ['regulator', 'admin'], ownStatus: 200, params: () => ({ id: '1' }) },
  'GET /api/imports/:id/errors.csv': { allow: ['regulator', 'admin'], ownStatus: 200, params: () => ({ id: '1' }) },
  'GET /api/periods': { allow: 'any' },
  'GET /api/quality': { allow: ['regulator', 'admin', 'bank_hq'], ownStatus: 200 },
  'GET /api/reports/banks/:bankCode': { allow: 'any', scoped: 'bank', params: ({ t }) => ({ bankCode: t.bank }), query: () => ({ period: '2025Q4' }) },
  'GET /api/reports/banks/:bankCode/batch': { allow: 'any', scoped: 'bank', params: ({ t }) => ({ bankCode: t.bank }), query: () => ({ period: '2025Q4' }) },
  'GET /api/reports/certification/:year': { allow: 'any', params: () => ({ year: '2025' }) },
  'GET /api/reports/province': { allow: ['regulator', 'admin'], ownStatus: 200, query: () => ({ period: '2025Q4' }) },
  'GET /api/reports/units/:code': { allow: 'any', scoped: 'unit', params: ({ t }) => ({ code: t.unit }), query: () => ({ period: '2025Q4' }) },
  'GET /api/results': { allow: 'any', ownStatus: 200, query: () => ({ period: '2025Q4', pageSize: '500' }) },
  'GET /api/results/:code': { allow: 'any', scoped: 'unit', params: ({ t }) => ({ code: t.unit }), query: () => ({ period: '2025Q4' }) },
  'GET /api/results/:code/explain': { allow: 'any', scoped: 'unit', params: ({ t }) => ({ code: t.unit }), query: () => ({ period: '2025Q4' }) },
  'GET /api/results/export': { allow: 'any', ownStatus: 200, query: () => ({ period: '2025Q4' }) },
  'GET /api/results/export/readable': { allow: 'any', ownStatus: 200, query: () => ({ period: '2025Q4', format: 'csv' }) },
  'GET /api/runs': { allow: 'any' },
  'POST /api/runs': { allow: ['regulator', 'admin'] },
  'GET /api/runs/:id': { allow: 'any', params: ({ ids }) => ({ id: ids['runId'] ?? '1' }) },
  'GET /api/runs/:a/diff/:b': { allow: 'any', ownStatus: 200, params: ({ ids }) => ({ a: ids['runId2'] ?? '1', b: ids['runId'] ?? '1' }) },
  'POST /api/runs/:id/publish': { allow: ['regulator'], params: () => ({ id: '999999' }) },
  'POST /api/runs/:id/signals': { allow: ['regulator', 'admin'], ownStatus: 200, params: ({ ids }) => ({ id: ids['runId'] ?? '1' }) },
  // scheme drafts (policy lab): regulator and admin only; bank users never see a draft
  'GET /api/scheme-drafts': { allow: ['regulator', 'admin'], ownStatus: 200 },
  'POST /api/scheme-drafts': { allow: ['regulator', 'admin'], ownStatus: 400 },
  'GET /api/scheme-drafts/:id': { allow: ['regulator', 'admin'], ownStatus: 404, params: () => ({ id: '999999' }) },
  'PUT /api/scheme-drafts/:id': { allow: ['regulator', 'admin'], params: () => ({ id: '999999' }) },
  'POST /api/scheme-drafts/:id/publish': { allow: ['regulator', 'admin'], params: () => ({ id: '999999' }) },
  'POST /api/scheme-drafts/:id/simulate': { allow: ['regulator', 'admin'], params: () => ({ id: '999999' }) },
  'GET /api/scheme-drafts/:id/simulation.xlsx': { allow: ['regulator', 'admin'], params: () => ({ id: '999999' }) },
  'GET /api/schemes': { allow: 'any' },
  'GET /api/signals': { allow: 'any', ownStatus: 200, query: () => ({ period: '2025Q4', pageSize: '500' }) },
  'GET /api/signals/export': { allow: 'any', ownStatus: 200, query: () => ({ period: '2025Q4' }) },
  'POST /api/schemes': { allow: ['admin'] },
  'GET /api/schemes/:schemeId/:version': { allow: 'any', params: () => ({ schemeId: 'sdtf-2025', version: '1' }) },
  'GET /api/units/:code/signals': { allow: 'any', scoped: 'unit', ownStatus: 200, params: ({ t }) => ({ code: t.unit }), query: () => ({ period: '2025Q4' }) },
  // admin manages bank accounts, regulator the privileged ones (docs/access.md "Accounts"): each acts
  // on a spare account of its own kind here; access-matrix.spec.ts checks every actor x target role
  'GET /api/users': { allow: ['admin', 'regulator'], ownStatus: 200 },
  'POST /api/users': { allow: ['admin', 'regulator'], ownStatus: 400 },
  'POST /api/users/:id/disable': { allow: ['admin', 'regulator'], ownStatus: 200, params: spareUser },
  'POST /api/users/:id/enable': { allow: ['admin', 'regulator'], ownStatus: 200, params: spareUser },
  'POST /api/users/:id/reset-password': { allow: ['admin', 'regulator'], ownStatus: 400, params: spareUser },
};
