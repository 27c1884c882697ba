import { Dataset1732000000000 } from './1732000000000-dataset';
import { ImportErrors1732000100000 } from './1732000100000-import-errors';
import { UsersAudit1732000300000 } from './1732000300000-users-audit';
import { Runs1732000200000 } from './1732000200000-runs';
import { PeriodAggregates1732000200100 } from './1732000200100-period-aggregates';
import { Certification1732000400000 } from './1732000400000-certification';
import { LeaseGeneration1732000500000 } from './1732000500000-lease-generation';
import { AuthHardening1732000510000 } from './1732000510000-auth-hardening';
import { Signals1732000800000 } from './1732000800000-signals';
import { RunCompute1732000600000 } from './1732000600000-run-compute';
import { InputDigest1732000500000 } from './1732000500000-input-digest';
import { PolicyLab1732000500500 } from './1732000500500-policy-lab';
import { ImportHolder1732000500100 } from './1732000500100-import-holder';

/**
 * Every migration, in order. Explicit (not a glob) because the API is bundled by webpack.
 * Each feature appends its own migration here; never edit one that has landed.
 */
export const MIGRATIONS = [Dataset1732000000000, ImportErrors1732000100000, Runs1732000200000, PeriodAggregates1732000200100, UsersAudit1732000300000, Certification1732000400000, InputDigest1732000500000, LeaseGeneration1732000500000, ImportHolder1732000500100, PolicyLab1732000500500, AuthHardening1732000510000, RunCompute1732000600000, Signals1732000800000];
