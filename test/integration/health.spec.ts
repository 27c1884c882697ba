import { testDatabases } from '../support/databases';
import { startTestApp } from '../support/app';

describe.each(testDatabases().map((d) => [d.name, d] as const))('health on %s', (_name, db) => {
  it('should report the database up', async () => {
    const { config, dataSource } = await db.fresh();
    const { app, baseUrl } = await startTestApp(config, dataSource);
    try {
      const res = await fetch(`${baseUrl}/health`);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ status: 'ok', database: { kind: db.name, up: true } });
    } finally {
      await app.close();
    }
  });

  it('should answer liveness and readiness apart: ready needs the database, live does not', async () => {
    const { config, dataSource } = await db.fresh();
    const { app, baseUrl } = await startTestApp(config, dataSource);
    try {
      const ready = await fetch(`${baseUrl}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ok', database: { kind: db.name, up: true }, migrations: 'done' });
      const live = await fetch(`${baseUrl}/health/live`);
      expect(live.status).toBe(200);
      expect(await live.json()).toMatchObject({ status: 'ok', uptimeSec: expect.any(Number) });
      await dataSource.destroy(); // the database goes away under the running app
      const down = await fetch(`${baseUrl}/health/ready`);
      expect(down.status).toBe(503);
      expect((await down.json()).code).toBe('DATABASE_DOWN');
      expect((await fetch(`${baseUrl}/health`)).status).toBe(503);
      expect((await fetch(`${baseUrl}/health/live`)).status).toBe(200);
    } finally {
      await app.close().catch(() => undefined);
    }
  });

  it('should answer an unknown route with a stable error code, not a stack', async () => {
    const { config, dataSource } = await db.fresh();
    const { app, baseUrl } = await startTestApp(config, dataSource);
    try {
      const res = await fetch(`${baseUrl}/does-not-exist`);
      expect(res.status).toBe(404);
      const body = await res.json();
      expect(body.code).toBe('NOT_FOUND');
      expect(JSON.stringify(body)).not.toMatch(/at .*\.js:\d+/);
    } finally {
      await app.close();
    }
  });
});
