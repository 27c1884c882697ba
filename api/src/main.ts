import 'reflect-metadata';
import type { AddressInfo } from 'net';
import { Logger } from '@nestjs/common';
import { createHttpApp } from './bootstrap';
import { ConfigError, loadConfig } from './core/config/app-config';
import { DemoSeeder } from './demo/demo-seeder';

async function main(): Promise<void> {
  const config = loadConfig();
  const { app } = await createHttpApp(config);
  boundShutdown(config.shutdownGraceMs);
  const seeded = config.seedDemo ? await app.get(DemoSeeder).seedIfEmpty() : null;
  await app.listen(config.port, config.host);
  // the port actually bound (PORT=0 picks a free one: the fault suite's replicas)
  const port = (app.getHttpServer().address() as AddressInfo | null)?.port ?? config.port;
  const url = `http://localhost:${port}/`;
  const lines = [
    '',
    `  科技金融服务效果评估与认定平台 is up: ${url}`,
    `  API docs: ${url}api/docs   health: ${url}api/health/ready   database: ${config.database.kind}`,
  ];
  if (seeded?.logins.length) {
    lines.push('  Demo logins (user / password / role):');
    for (const l of seeded.logins) lines.push(`    ${l.username.padEnd(16)} ${l.password.padEnd(18)} ${l.role}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

/**
 * Nest's shutdown hooks (enableShutdownHooks) stop the work on SIGTERM/SIGINT: RunsService gives
 * running runs SHUTDOWN_GRACE_SEC, fails the rest and releases their leases, then the database is
 * closed. Closing a pool waits for queries still running (a run stuck on a lock), so the whole
 * shutdown gets a hard deadline a little after the grace: by then every run is already recorded.
 */
function boundShutdown(graceMs: number): void {
  const deadlineMs = graceMs + 5000;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        new Logger('Shutdown').error(`did not finish within ${deadlineMs} ms of ${signal} (a database query still running); exiting`);
        process.exit(1);
      }, deadlineMs).unref();
    });
  }
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${err.message}\n`);
  } else {
    new Logger('Boot').error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  }
  process.exit(1);
});
