import { INestApplication, INestApplicationContext, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AppConfig } from './core/config/app-config';
import { openDataSource } from './core/database/data-source';
import { configureApp } from './core/http/configure-app';

export interface Booted<T> {
  app: T;
  dataSource: DataSource;
}

/** Opens + migrates the database, then builds the HTTP app (not yet listening). */
export async function createHttpApp(
  config: AppConfig,
  opts: { logger?: LogLevel[] | false; server?: boolean } = {},
): Promise<Booted<INestApplication>> {
  const dataSource = await openDataSource(config.database);
  const app = await NestFactory.create(AppModule.register({ config, dataSource, server: opts.server }), {
    logger: opts.logger ?? ['log', 'warn', 'error'],
    bodyParser: false,
  });
  configureApp(app, config);
  return { app, dataSource };
}

/** A Nest application context without HTTP, for the CLI. */
export async function createCliContext(config: AppConfig): Promise<Booted<INestApplicationContext>> {
  const dataSource = await openDataSource(config.database);
  const app = await NestFactory.createApplicationContext(AppModule.register({ config, dataSource, server: false }), {
    logger: ['error'],
  });
  return { app, dataSource };
}
