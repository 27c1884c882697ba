import { Module } from '@nestjs/common';
import { DemoSeeder } from './demo-seeder';
import { UsersModule } from '../users/users.module';
import { ImportModule } from '../import/import.module';
import { RunsModule } from '../runs/runs.module';
import { CertificationModule } from '../certification/certification.module';

@Module({ imports: [UsersModule, ImportModule, RunsModule, CertificationModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
