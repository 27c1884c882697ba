import { Injectable, Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DatasetRepository } from '../dataset/dataset.repository';
import { generateProvince } from '../generator/generator';
import { ImportService } from './import.service';

/** The demo province seeded at first start: fixed seed, small enough to boot in seconds. */
export const DEMO_DATASET = { seed: 2025, scale: 0.5, first: '2024Q4', last: '2025Q4' } as const;

/**
 * First step of the demo seeding: on a database without any unit, generates the demo province
 * into a temp folder and imports it like any dataset (validated, one transaction).
 */
@Injectable()
export class DemoDatasetSeeder {
  private readonly logger = new Logger(DemoDatasetSeeder.name);

  constructor(
    private readonly imports: ImportService,
    private readonly dataset: DatasetRepository,
  ) {}

  /** Returns true when it imported the demo province, false when the database had data. */
  async seedIfEmpty(): Promise<boolean> {
    if ((await this.dataset.countInstitutions()) > 0) return false;
    const started = Date.now();
    const dir = mkdtempSync(join(tmpdir(), 'sci-demo-'));
    try {
      generateProvince(dir, DEMO_DATASET);
      const r = await this.imports.importDirectory(dir, 'demo');
      if (r.status !== 'succeeded') {
        throw new Error(`the demo dataset did not import (${r.errorCount} errors, first: ${r.errors[0]?.message ?? '?'})`);
      }
      this.logger.log(`demo province imported in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(r.counts)}`);
      return true;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
