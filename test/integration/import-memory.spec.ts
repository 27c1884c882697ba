import { writeFileSync } from 'fs';
import { join } from 'path';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
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

// a full GC before each sample, so the figure is what the import keeps alive, not garbage waiting
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const live = (): number => {
  gc();
  return process.memoryUsage().heapUsed;
};

/** The import's peak live heap above what was live when it started (sampled every 250 ms). */
async function peakHeapGrowth(service: ImportService, path: string): Promise<number> {
  const base = live();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, live())), 250);
  try {
    const r = await service.importFiles([{ name: 'loans.csv', path }]);
    expect([r.status, r.errors]).toEqual(['succeeded', []]);
  } finally {
    clearInterval(timer);
  }
  return peak - base;
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
    const small = loansFile(25000, 'S');
    const large = loansFile(200000, 'B');
    await peakHeapGrowth(service, loansFile(25000, 'W').path); // warm-up: JIT, statement caches
    const a = await peakHeapGrowth(service, small.path);
    const b = await peakHeapGrowth(service, large.path);
    const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;
    process.stdout.write(`import heap growth: ${mb(small.bytes)} file → ${mb(a)}, ${mb(large.bytes)} file → ${mb(b)}\n`);
    // the large file is 8× the small one and ~24 MB: holding it (or its rows, ~4× that) would add
    // far more; what grows is the key table (about 20 bytes a loan)
    expect(large.bytes).toBeGreaterThan(20 * 1048576);
    expect(b - a).toBeLessThan(large.bytes / 2);
  }, 300000);
});
