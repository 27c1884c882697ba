import { Body, Controller, Get, HttpCode, Inject, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUserResponse, LoginResponse } from '@sci/shared';
import { type AccessScope, CurrentScope, Public } from '../core/auth/access-scope';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto } from './dto/login.dto';
import { LoginThrottled } from './login-throttle';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @LoginThrottled()
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResponse> {
    return this.auth.login(dto, ip);
  }

  /** Ends every session of the caller (see docs/access.md, revocation). */
  @Post('logout')
  @ApiBearerAuth()
  @HttpCode(204)
  logout(@CurrentScope() scope: AccessScope): Promise<void> {
    return this.auth.logout(scope);
  }

  @Get('me')
  @ApiBearerAuth()
  me(@CurrentScope() scope: AccessScope): Promise<AuthUserResponse> {
    return this.auth.me(scope);
  }

  @Post('password')
  @ApiBearerAuth()
  @LoginThrottled()
  @HttpCode(200)
  changePassword(@CurrentScope() scope: AccessScope, @Body() dto: ChangePasswordDto): Promise<LoginResponse> {
    return this.auth.changePassword(scope, dto);
  }
}
