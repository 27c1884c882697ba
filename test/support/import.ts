import { DataSource } from 'typeorm';
import { DatasetRepository } from '../../api/src/dataset/dataset.repository';
import { ImportRepository } from '../../api/src/import/import.repository';
import { ImportService } from '../../api/src/import/import.service';
import { ImportLeaseOptions } from '../../api/src/import/import-lease';
import { LeaseEntity } from '../../api/src/runs/lease.entity';
import { LeaseRepository } from '../../api/src/runs/lease.repository';

/** The import service over a test database, without an HTTP app (no audit), with the import lease. */
export function importServiceFor(ds: DataSource, lease?: ImportLeaseOptions): ImportService {
  return new ImportService(new ImportRepository(ds), new DatasetRepository(ds), undefined, new LeaseRepository(ds.getRepository(LeaseEntity)), lease);
}
