import { Module } from '@nestjs/common';
import { DemoUsersSeeder } from './demo-users';
import { PasswordHasher } from './password-hasher';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersRepository, PasswordHasher, UsersService, DemoUsersSeeder],
  exports: [UsersRepository, PasswordHasher, UsersService, DemoUsersSeeder],
})
export class UsersModule {}
