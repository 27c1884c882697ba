import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'fs';
import { resolve } from 'path';
import { DataSource } from 'typeorm';
import { AppConfig } from './core/config/app-config';
import { ConfigModule } from './core/config/config.module';
import { DatabaseModule } from './core/database/database.module';
import { FEATURE_MODULES } from './features';

export interface AppModuleOptions {
  config: AppConfig;
  dataSource: DataSource;
  /** false for the CLI and tests: no cron, no static files */
  server?: boolean;
}

@Module({})
export class AppModule {
  static register(opts: AppModuleOptions): DynamicModule {
    const server = opts.server !== false;
    const webRoot = resolve(opts.config.webDist || '.');
    const serveWeb = server && !!opts.config.webDist && existsSync(resolve(webRoot, 'index.html'));
    return {
      module: AppModule,
      imports: [
        ConfigModule.forConfig(opts.config),
        DatabaseModule.forDataSource(opts.dataSource),
        ...(server && opts.config.runCron ? [ScheduleModule.forRoot()] : []),
        ...(serveWeb
          ? [ServeStaticModule.forRoot({ rootPath: webRoot, exclude: ['/api/{*path}'], serveStaticOptions: { maxAge: '1h' } })]
          : []),
        ...FEATURE_MODULES,
      ],
    };
  }
}
