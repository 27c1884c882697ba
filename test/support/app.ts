import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../api/src/app.module';
import { AppConfig, DatabaseConfig, loadConfig } from '../../api/src/core/config/app-config';
import { configureApp } from '../../api/src/core/http/configure-app';

/** The HTTP app over an already-migrated test database, listening on a random port. */
export async function startTestApp(
  database: DatabaseConfig,
  dataSource: DataSource,
  env: Record<string, string> = {},
): Promise<{ app: INestApplication; config: AppConfig; baseUrl: string }> {
  const config = { ...loadConfig({ RUN_CRON: '', SEED_DEMO: 'false', WEB_DIST: '', ...env }), database };
  const app = await NestFactory.create(AppModule.register({ config, dataSource, server: false }), {
    logger: false,
    bodyParser: false,
  });
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  const addr = app.getHttpServer().address() as { port: number };
  return { app, config, baseUrl: `http://127.0.0.1:${addr.port}/api` };
}
