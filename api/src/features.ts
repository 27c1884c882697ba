import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';

/** The feature modules of the API. Each feature appends its module here. */
export const FEATURE_MODULES = [HealthModule, DemoModule];
