import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { AUTH_CONFIG, AuthConfig } from '../core/auth/auth-config';
import { JWT_SIGNING_KEY } from '../core/auth/jwt-key';
import { UsersModule } from '../users/users.module';
import { AccessGuard } from './access.guard';
import { AppThrottlerGuard } from './app-throttler.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { throttlerOptions } from './login-throttle';

/**
 * Sign-in and the global guards. Guards run in this order: rate limits first (cheap, also for
 * anonymous floods), then authentication + roles + scope.
 */
@Module({
  imports: [
    UsersModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [JWT_SIGNING_KEY],
      useFactory: (key: string) => ({ secret: key, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [AUTH_CONFIG, JWT_SIGNING_KEY],
      useFactory: (c: AuthConfig, key: string) => throttlerOptions(c, key),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    JwtStrategy,
    { provide: APP_GUARD, useClass: AppThrottlerGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class AuthModule {}
