import type { INestApplication } from '@nestjs/common';
import { spawnSync } from 'child_process';
import { AddressInfo, createServer, connect, Server, Socket } from 'net';
import type { DataSource } from 'typeorm';
import { DatabaseConfig } from '../../api/src/core/config/app-config';
import { ImportService } from '../../api/src/import/import.service';
import { FIXTURE_DIR } from '../integration/results-compare';
import { startTestApp } from '../support/app';
import { createTestUser, login } from '../support/auth';
import { testDatabases } from '../support/databases';
import { bundle, Child, exited, note, serverEnv, sleep, start, until } from './support';

/**
 * A database outage, simulated by a TCP proxy in this process between the app and MariaDB (the
 * CI user cannot stop the server): `cut()` drops every connection and refuses new ones,
 * `restore()` lets them through again. Outages last a few seconds, not the 30 s of the manual
 * exercise: the behaviour does not depend on the length, and CI time does.
 */
class CuttableProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private isCut = false;

  constructor(private readonly target: { host: string; port: number }) {}

  async listen(): Promise<number> {
    this.server = createServer((client) => {
      if (this.isCut) return void client.destroy();
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    return (this.server.address() as AddressInfo).port;
  }

  cut(): void {
    this.isCut = true;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.isCut = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise((r) => this.server?.close(r));
  }
}

const mysql = testDatabases().find((d) => d.name === 'mysql');
const describeMysql = mysql ? describe : describe.skip;

describeMysql('database outage on mysql', () => {
  let app: INestApplication;
  let ds: DataSource;
  let config: DatabaseConfig;
  let proxy: CuttableProxy;
  let viaProxy: string;
  let server: Child | null = null;

  beforeAll(async () => {
    const fresh = await mysql!.fresh();
    config = fresh.config;
    ds = fresh.dataSource;
    app = (await startTestApp(config, ds)).app;
    const r = await app.get(ImportService).importDirectory(FIXTURE_DIR, 'test');
    expect(r.status).toBe('succeeded');
    proxy = new CuttableProxy({ host: config.mysql!.host, port: config.mysql!.port });
    const port = await proxy.listen();
    viaProxy = config.url.replace(`:${config.mysql!.port}/`, `:${port}/`);
  });

  afterEach(() => {
    proxy.restore();
    server?.kill('SIGKILL');
  });

  afterAll(async () => {
    await proxy.close();
    await app.close();
  });

  it('should answer 503 DATABASE_DOWN (never 401 or 500) while the database is away, log it once, and recover', async () => {
    const user = await createTestUser(ds, { role: 'regulator' });
    server = start([bundle('main.js')], { env: serverEnv(viaProxy, { PORT: '0', HOST: '127.0.0.1', AUTH_LOGIN_LIMIT: '1000', AUTH_LOGIN_IP_LIMIT: '1000' }) });
    const base = `http://127.0.0.1:${await server.port()}/api`;
    const token = await login(base, user.username, user.password);
    const auth = { headers: { authorization: `Bearer ${token}` } };
    expect((await fetch(`${base}/periods`, auth)).status).toBe(200);

    proxy.cut();
    note('injected: every connection to MariaDB cut, new ones refused, for ~4 s');
    const seen: string[] = [];
    const ask = async (name: string, req: Promise<Response>): Promise<void> => {
      const res = await req;
      const body = (await res.json().catch(() => ({}))) as { code?: string };
      seen.push(`${name} ${res.status} ${body.code ?? ''}`.trim());
    };
    const end = Date.now() + 4000;
    while (Date.now() < end) {
      await ask('GET /periods (signed in)', fetch(`${base}/periods`, auth));
      await ask('GET /runs (signed in)', fetch(`${base}/runs`, auth));
      await ask('POST /auth/login', fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user.username, password: user.password }) }));
      await ask('GET /health/ready', fetch(`${base}/health/ready`));
      await ask('GET /health/live', fetch(`${base}/health/live`));
      await sleep(300);
    }
    proxy.restore();
    note('then: MariaDB reachable again');
    await until('signed-in requests to answer 200 again', async () => (await fetch(`${base}/periods`, auth)).status === 200, 20_000, 250);
    // the outage tracker probes every second; give it one round to log the recovery
    await until('the recovery line', async () => /reachable again/.test(server!.output()), 5000);

    const distinct = [...new Set(seen)].sort();
    note(`checked: answers during the outage ${JSON.stringify(distinct)} (${seen.length} requests)`);
    const out = server.output();
    const downLines = out.split('\n').filter((l) => /database unavailable/.test(l));
    note(`checked: log lines "database unavailable" ${downLines.length}, "reachable again" ${(out.match(/reachable again/g) ?? []).length}, stack frames ${(out.match(/^\s+at /gm) ?? []).length}`);
    expect(distinct).toEqual([
      'GET /health/live 200',
      'GET /health/ready 503 DATABASE_DOWN',
      'GET /periods (signed in) 503 DATABASE_DOWN',
      'GET /runs (signed in) 503 DATABASE_DOWN',
      'POST /auth/login 503 DATABASE_DOWN',
    ]);
    expect(downLines).toHaveLength(1);
    expect(out.match(/reachable again/g)).toHaveLength(1);
    expect(out).not.toMatch(/^\s+at /m);
  });

  it('should fail a run cut off by the outage with the real reason once the database is back, and free its period', async () => {
    const child = start([bundle('cli.js'), 'run', '--period', '2025Q4', '--hold-before-write', '1500'], { env: serverEnv(viaProxy, { INSTANCE_ID: 'outage-run' }) });
    const run = await until('the run to reach writing', async () => {
      const [r] = await ds.query("SELECT id, stage FROM scoring_run WHERE period = '2025Q4' AND status = 'running'");
      return r?.stage === 'writing' ? Number(r.id) : null;
    });
    proxy.cut();
    note(`injected: MariaDB cut while run ${run} is about to write its results; restored after 5 s`);
    await sleep(5000);
    proxy.restore();
    const code = await Promise.race([exited(child.proc), sleep(30_000).then(() => 'still running')]);
    const [row] = await ds.query('SELECT status, error FROM scoring_run WHERE id = ?', [run]);
    const [lease] = await ds.query("SELECT holder FROM lease WHERE name = 'run:2025Q4'");
    note(`checked: cli exit ${code}; run ${row.status}: ${row.error}; lease holder ${lease.holder}`);
    expect(code).toBe(1);
    expect(row.status).toBe('failed');
    expect(row.error).not.toMatch(/interrupted|stopped/);
    expect(row.error).toMatch(/connect|lost|closed|ECONN/i);
    expect(lease.holder).toBeNull();
    const again = spawnSync(process.execPath, [bundle('cli.js'), 'run', '--period', '2025Q4'], { env: serverEnv(config), encoding: 'utf8', timeout: 60_000 });
    note(`then: ${again.stdout.trim() || again.stderr.trim()}`);
    expect(again.status).toBe(0);
  });
});
