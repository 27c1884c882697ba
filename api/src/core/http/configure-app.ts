import { INestApplication, ValidationPipe } from '@nestjs/common';
import type { ApiErrorResponse } from '@sci/shared';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, NextFunction, Request, Response, urlencoded } from 'express';
import helmet from 'helmet';
import { AppConfig } from '../config/app-config';
import { DataSource } from 'typeorm';
import { DatabaseOutage } from './database-outage';
import { HttpErrorFilter } from './http-exception.filter';
import { validationError } from './validation-error';

/** Everything an HTTP app needs beyond its modules; shared by main.ts and the integration tests. */
export function configureApp(app: INestApplication, config: AppConfig): void {
  app.setGlobalPrefix('api');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // ng-zorro and ECharts set inline styles; scripts stay same-origin only.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
        },
      },
    }),
  );
  // API answers are per-user and often confidential: no browser or proxy may keep them
  app.use('/api', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(json({ limit: '1mb' }));
  app.use(urlencoded({ extended: false, limit: '1mb' }));
  app.use(bodyParserErrors);
  if (config.corsOrigin) app.enableCors({ origin: config.corsOrigin.split(','), credentials: false });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: validationError,
    }),
  );
  const outage = new DatabaseOutage(() => app.get(DataSource).query('SELECT 1'));
  app.useGlobalFilters(new HttpErrorFilter(outage));
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('科技金融服务效果评估与认定平台 API')
    .setDescription('Sci-tech finance evaluation, ranking and certification platform')
    .setVersion('1')
    .addBearerAuth()
    // every route needs the bearer token except the @Public() ones (login, health)
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc));
}

/**
 * body-parser's errors as our stable codes (Nest would otherwise echo the JSON parser's message,
 * which quotes the body back). Answered right here rather than passed on with next(err): when
 * the web app is served, @nestjs/serve-static's error middleware turns every error on an /api
 * path into "404 Cannot POST", so an error must not travel down the Express chain.
 */
function bodyParserErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const { type, status } = (err ?? {}) as { type?: string; status?: number };
  const body: ApiErrorResponse | null =
    type === 'entity.parse.failed'
      ? { statusCode: 400, code: 'INVALID_JSON', message: 'request body is not valid JSON' }
      : type === 'entity.too.large'
        ? { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'request body is too large (limit 1 MB)' }
        : type === 'encoding.unsupported' || type === 'charset.unsupported'
          ? { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'request body encoding is not supported (send UTF-8 JSON)' }
          : typeof status === 'number' && status >= 400 && status < 500
            ? { statusCode: status, code: 'BAD_BODY', message: 'the request body could not be read' }
            : null;
  if (body) res.status(body.statusCode).json(body);
  else next(err);
}
