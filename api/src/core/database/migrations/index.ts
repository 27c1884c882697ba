import { Dataset1732000000000 } from './1732000000000-dataset';
import { ImportErrors1732000100000 } from './1732000100000-import-errors';
import { UsersAudit1732000300000 } from './1732000300000-users-audit';
import { Runs1732000200000 } from './1732000200000-runs';
import { PeriodAggregates1732000200100 } from './1732000200100-period-aggregates';
import { Certification1732000400000 } from './1732000400000-certification';
import { InputDigest1732000500000 } from './1732000500000-input-digest';
import { ImportHolder1732000500100 } from './1732000500100-import-holder';

/**
 * Every migration, in order. Explicit (not a glob) because the API is bundled by webpack.
 * Each feature appends its own migration here; never edit one that has landed.
 */
export const MIGRATIONS = [Dataset1732000000000, ImportErrors1732000100000, UsersAudit1732000300000, Runs1732000200000, PeriodAggregates1732000200100, Certification1732000400000, InputDigest1732000500000, ImportHolder1732000500100];
