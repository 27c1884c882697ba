import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app.module';
import { loadConfig } from '../../api/src/core/config/app-config';
import { configureApp } from '../../api/src/core/http/configure-app';
import { authHeaders, signInAs } from '../support/auth';
import { tempDir, testDatabases } from '../support/databases';

/**
 * HTTP answers a client can provoke, on the app as production runs it: with the web app served
 * from the same port (ServeStatic), whose error middleware used to turn body errors into
 * "404 Cannot POST".
 */
describe.each(testDatabases().map((d) => [d.name, d] as const))('HTTP hardening on %s', (_name, db) => {
  let app: INestApplication;
  let baseUrl: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    process.env['AUTH_LOGIN_LIMIT'] = '3';
    const fresh = await db.fresh();
    dataSource = fresh.dataSource;
    const web = join(tempDir('sci-web-'), 'browser');
    mkdirSync(web);
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title>');
    const config = { ...loadConfig({ RUN_CRON: '', SEED_DEMO: 'false', WEB_DIST: web }), database: fresh.config };
    app = await NestFactory.create(AppModule.register({ config, dataSource, server: true }), { logger: false, bodyParser: false });
    configureApp(app, config);
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/api`;
  });

  afterAll(async () => {
    delete process.env['AUTH_LOGIN_LIMIT'];
    await app.close();
    await dataSource.destroy().catch(() => undefined);
  });

  const postRaw = (path: string, body: string): Promise<Response> =>
    fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('should answer malformed JSON with 400 INVALID_JSON', async () => {
    const res = await postRaw('/auth/login', '{"username": "a", ');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ statusCode: 400, code: 'INVALID_JSON', message: 'request body is not valid JSON' });
  });

  it('should answer a body over 1 MB with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await postRaw('/auth/login', JSON.stringify({ username: 'x'.repeat(1_100_000), password: 'y' }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('should still serve the web app for non-API paths', async () => {
    const res = await fetch(baseUrl.replace(/\/api$/, '/ranking'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>app</title>');
  });

  it('should send the standard Retry-After header with a 429', async () => {
    let res: Response | null = null;
    for (let i = 0; i < 4; i++) res = await postRaw('/auth/login', JSON.stringify({ username: 'throttled', password: 'whatever-1' }));
    expect(res?.status).toBe(429);
    expect(Number(res?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res?.headers.get('retry-after-login')).toBeNull();
  });

  it('should answer GET /api/results without a period or run with 400 PERIOD_REQUIRED', async () => {
    const reg = await signInAs(baseUrl, dataSource, { role: 'regulator' });
    const res = await fetch(`${baseUrl}/results`, { headers: authHeaders(reg.token) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'PERIOD_REQUIRED' });
  });

  it('should mark every API answer, success or error, Cache-Control: no-store', async () => {
    const reg = await signInAs(baseUrl, dataSource, { role: 'regulator' });
    for (const res of [
      await fetch(`${baseUrl}/health`),
      await fetch(`${baseUrl}/auth/me`, { headers: authHeaders(reg.token) }),
      await fetch(`${baseUrl}/auth/me`),
      await postRaw('/auth/login', '{'),
    ]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});
