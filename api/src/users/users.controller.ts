import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { UserListResponse, UserResponse } from '@sci/shared';
import { type AccessScope, CurrentScope, Roles } from '../core/auth/access-scope';
import { CreateUserDto } from './dto/create-user.dto';
import { ResetPasswordDto } from './dto/reset-password.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
// which accounts each of the two may touch is decided per target in UsersService (mayManage)
@Roles('admin', 'regulator')
@Controller('users')
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get()
  list(): Promise<UserListResponse> {
    return this.users.list();
  }

  @Post()
  create(@CurrentScope() scope: AccessScope, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.create(scope, dto);
  }

  @Post(':id/disable')
  @HttpCode(200)
  disable(@CurrentScope() scope: AccessScope, @Param('id', ParseIntPipe) id: number): Promise<UserResponse> {
    return this.users.setDisabled(scope, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  enable(@CurrentScope() scope: AccessScope, @Param('id', ParseIntPipe) id: number): Promise<UserResponse> {
    return this.users.setDisabled(scope, id, false);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  resetPassword(
    @CurrentScope() scope: AccessScope,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ResetPasswordDto,
  ): Promise<UserResponse> {
    return this.users.resetPassword(scope, id, dto.password);
  }
}
