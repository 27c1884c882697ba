import { DataSource } from 'typeorm';
import { DatasetRepository } from '../../api/src/dataset/dataset.repository';
import { ImportRepository } from '../../api/src/import/import.repository';
import { ImportService } from '../../api/src/import/import.service';

/** The import service over a test database, without an HTTP app (no audit). */
export function importServiceFor(ds: DataSource): ImportService {
  return new ImportService(new ImportRepository(ds), new DatasetRepository(ds));
}
