import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { ImportModule } from './import/import.module';
import { AuthCoreModule } from './core/auth/auth-core.module';
import { AuditModule } from './audit/audit.module';
import { UsersModule } from './users/users.module';
import { AuthModule } from './auth/auth.module';
import { SchemesModule } from './schemes/schemes.module';
import { RunsModule } from './runs/runs.module';
import { ReportsModule } from './reports/reports.module';
import { ResultsModule } from './results/results.module';
import { CertificationModule } from './certification/certification.module';
import { SignalsModule } from './signals/signals.module';
import { PolicyLabModule } from './policy-lab/policy-lab.module';

/** The feature modules of the API. Each feature appends its module here. */
export const FEATURE_MODULES = [HealthModule, DemoModule, ImportModule, AuthCoreModule, AuditModule, UsersModule, AuthModule, SchemesModule, RunsModule, ResultsModule, ReportsModule, CertificationModule, SignalsModule, PolicyLabModule];
