import { Module } from '@nestjs/common';
import { DemoSeeder } from './demo-seeder';
import { UsersModule } from '../users/users.module';
import { ImportModule } from '../import/import.module';

@Module({ imports: [UsersModule, ImportModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
