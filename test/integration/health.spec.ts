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
