import { Global, Module } from '@nestjs/common';
import { AUTH_CONFIG, loadAuthConfig } from './auth-config';
import { UnitScopeRepository } from './unit-scope.repository';

/** Global pieces of access control that features inject: the auth settings and unit lookups in scope. */
@Global()
@Module({
  providers: [{ provide: AUTH_CONFIG, useFactory: () => loadAuthConfig(process.env) }, UnitScopeRepository],
  exports: [AUTH_CONFIG, UnitScopeRepository],
})
export class AuthCoreModule {}
