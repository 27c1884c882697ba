import { writeFileSync } from 'fs';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { ImportService } from '../../api/src/import/import.service';
import { tempDir, testDatabases } from '../support/databases';
import { FIXTURES, readLines } from '../support/fixtures';
import { importServiceFor } from '../support/import';

/**
 * The import's memory does not grow with the file (issue 16): the peak heap while importing a
 * loans.csv eight times larger stays within a bound far below the file's size, because rows
 * stream from disk into the database and only the keys are kept (about 20 bytes a loan).
 */
const SD_SMALL = join(FIXTURES, 'sd-small');

function loansFile(rows: number, tag: string): { path: string; bytes: number } {
  const src = readLines(SD_SMALL, 'loans.csv');
  const out = [src[0]];
  for (let copy = 0; out.length <= rows; copy++) {
    for (let i = 1; i < src.length && out.length <= rows; i++) out.push(src[i].replace(/^([^,]*),L/, `$1,${tag}${copy}L`));
  }
  const text = out.join('\n') + '\n';
  const path = join(tempDir('sci-mem-'), 'loans.csv');
  writeFileSync(path, text);
  return { path, bytes: Buffer.byteLength(text) };
}

/** The import's peak heap above what was in use when it started (sampled every 10 ms). */
async function peakHeapGrowth(service: ImportService, path: string): Promise<number> {
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
  try {
    const r = await service.importFiles([{ name: 'loans.csv', path }]);
    expect([r.status, r.errors]).toEqual(['succeeded', []]);
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().heapUsed) - base;
}

describe('import memory on sqlite', () => {
  let ds: DataSource;
  let service: ImportService;

  beforeAll(async () => {
    ds = (await testDatabases()[0].fresh()).dataSource;
    service = importServiceFor(ds);
    const refs = await service.importFiles(['institutions.csv', 'enterprises.csv'].map((f) => ({ name: f, path: join(SD_SMALL, f) })));
    expect(refs.errors).toEqual([]);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  it('should not grow with the size of the file', async () => {
    const small = loansFile(50000, 'S');
    const large = loansFile(400000, 'B');
    await peakHeapGrowth(service, loansFile(50000, 'W').path); // warm-up: JIT, statement caches
    const a = await peakHeapGrowth(service, small.path);
    const b = await peakHeapGrowth(service, large.path);
    const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;
    process.stdout.write(`import heap growth: ${mb(small.bytes)} file → ${mb(a)}, ${mb(large.bytes)} file → ${mb(b)}\n`);
    // the large file is 8× the small one and ~48 MB: holding it (or its rows) would add far more
    expect(large.bytes).toBeGreaterThan(40 * 1048576);
    expect(b - a).toBeLessThan(large.bytes / 2);
    expect(b).toBeLessThan(96 * 1048576);
  }, 180000);
});
