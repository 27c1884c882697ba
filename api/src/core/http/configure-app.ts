import { BadRequestException, INestApplication, PayloadTooLargeException, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, NextFunction, Request, Response, urlencoded } from 'express';
import helmet from 'helmet';
import { AppConfig } from '../config/app-config';
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
  app.useGlobalFilters(new HttpErrorFilter());
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
 * which quotes the body back).
 */
function bodyParserErrors(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const type = (err as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') {
    next(new BadRequestException({ code: 'INVALID_JSON', message: 'request body is not valid JSON' }));
  } else if (type === 'entity.too.large') {
    next(new PayloadTooLargeException({ code: 'PAYLOAD_TOO_LARGE', message: 'request body is too large (limit 1 MB)' }));
  } else {
    next(err);
  }
}
