/**
 * For a bench database loaded outside the import (sqlite3 `.import`, LOAD DATA): records in
 * input_digest what the import would have recorded, folded from the stored rows, so runs on it
 * take their fingerprint from digests as on an imported database.
 * Usage: see the "bench databases" paragraph of docs/scaling.md (ts-node with the @sci/shared alias).
 */
import { DIGEST_TABLE_NAMES } from '@sci/shared';
import { parseDatabaseUrl } from '../../../api/src/core/config/app-config';
import { openDataSource } from '../../../api/src/core/database/data-source';
import { ComputeReadRepository } from '../../../api/src/runs/compute/compute-read.repository';

async function main(): Promise<void> {
  const config = parseDatabaseUrl(process.argv[2], 'argument');
  const ds = await openDataSource(config);
  const read = await ComputeReadRepository.open(config);
  const periods: { period: string }[] = await ds.query('SELECT DISTINCT period FROM loan ORDER BY period');
  const now = new Date().toISOString().slice(0, 23).replace('T', ' ');
  for (const table of DIGEST_TABLE_NAMES) {
    for (const period of table === 'loan' ? periods.map((p) => p.period) : ['']) {
      const v = await read.recomputeDigest(table, period);
      await ds.query('DELETE FROM input_digest WHERE table_name = ? AND period = ?', [table, period]);
      await ds.query(
        'INSERT INTO input_digest (table_name, period, row_count, sum_balance_fen, sum_amount_fen, content_hash, batch_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)',
        [table, period, v.rowCount, v.sumBalanceFen, v.sumAmountFen, v.contentHash, now],
      );
      process.stdout.write(`${table} ${period}: ${v.rowCount} rows\n`);
    }
  }
  await read.close();
  await ds.destroy();
}

void main();
