import { Module } from '@nestjs/common';
import { DemoUsersSeeder } from './demo-users';
import { LoginLockoutRepository } from './login-lockout.repository';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy, passwordStrengthProvider } from './password-policy';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersRepository, LoginLockoutRepository, PasswordHasher, passwordStrengthProvider, PasswordPolicy, UsersService, DemoUsersSeeder],
  exports: [UsersRepository, LoginLockoutRepository, PasswordHasher, PasswordPolicy, UsersService, DemoUsersSeeder],
})
export class UsersModule {}
