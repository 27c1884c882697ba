import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AUTH_CONFIG, loadAuthConfig } from './auth-config';
import { JWT_SIGNING_KEY, resolveJwtKey } from './jwt-key';
import { UnitScopeRepository } from './unit-scope.repository';

/** Global pieces of access control that features inject: the auth settings, the token key and unit lookups in scope. */
@Global()
@Module({
  providers: [
    { provide: AUTH_CONFIG, useFactory: () => loadAuthConfig(process.env) },
    { provide: JWT_SIGNING_KEY, inject: [APP_CONFIG, DataSource], useFactory: (c: AppConfig, ds: DataSource) => resolveJwtKey(c, ds) },
    UnitScopeRepository,
  ],
  exports: [AUTH_CONFIG, JWT_SIGNING_KEY, UnitScopeRepository],
})
export class AuthCoreModule {}
