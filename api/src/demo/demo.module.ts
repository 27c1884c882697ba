import { Module } from '@nestjs/common';
import { DemoSeeder } from './demo-seeder';
import { UsersModule } from '../users/users.module';

@Module({ imports: [UsersModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
