import { Injectable, Logger, NotFoundException, OnModuleInit, Optional } from '@nestjs/common';
import { createHash } from 'crypto';
import { readdir, readFile, stat } from 'fs/promises';
import { join } from 'path';
import { IMPORT_ERROR_CAP, ImportBatchListResponse, ImportBatchResponse, ImportCounts, ImportFileCount, ImportResult } from '@sci/shared';
import { AuditService } from '../audit/audit.service';
import { toCsv } from '../exports/tabular-writer';
import type { AccessScope } from '../core/auth/access-scope';
import { closureOf, DatasetWrite } from '../dataset/dataset-sql';
import { DatasetRepository } from '../dataset/dataset.repository';
import { errorRows, toBatchResponse, toBatchSummary } from './import.mapper';
import { ImportRepository } from './import.repository';
import { expandInputs, ImportInput } from './parse/sources';
import { validateDataset, ValidatedDataset } from './validate/dataset-validator';
import { ErrorSink } from './validate/error-sink';

/** Who imports: the caller's scope (API), a user name (CLI, seeding) or nobody. */
export type ImportActor = AccessScope | string | undefined;

const IMPORTABLE = /\.(csv|xlsx|zip)$/i;
/** A batch left 'running' this long ago belongs to a process that stopped. */
const STALE_MS = 30 * 60 * 1000;

/**
 * Imports datasets of the exchange format (data-format.md): reads the files, validates every row
 * and reference, and stores the batch in one transaction, or nothing when any row is rejected.
 * Imports run one at a time in this process (a later one validates against what the earlier one
 * stored). The same files as the last stored import are recorded as `unchanged`.
 */
@Injectable()
export class ImportService implements OnModuleInit {
  private readonly logger = new Logger(ImportService.name);
  private queue: Promise<unknown> = Promise.resolve();
  private readonly live = new Map<number, { processed: number; total: number }>();

  constructor(
    private readonly batches: ImportRepository,
    private readonly dataset: DatasetRepository,
    @Optional() private readonly audit?: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    const n = await this.batches.failInterrupted(new Date(Date.now() - STALE_MS));
    if (n) this.logger.warn(`${n} interrupted import(s) marked failed`);
  }

  /** Imports the .csv/.xlsx/.zip files of a folder (not its subfolders) and waits for the outcome. */
  async importDirectory(dir: string, actor?: ImportActor, onProgress?: (done: number, total: number) => void): Promise<ImportResult> {
    return this.importFiles(await readDirectory(dir), actor, onProgress);
  }

  /** Imports the given files (.csv, .xlsx workbooks, .zip of a folder) and waits for the outcome. */
  async importFiles(files: ImportInput[], actor?: ImportActor, onProgress?: (done: number, total: number) => void): Promise<ImportResult> {
    const batchId = await this.begin(files, actor);
    return this.enqueue(batchId, files, actor, onProgress);
  }

  /** Records the batch and runs it in the background; poll getBatch(batchId). */
  async startImport(files: ImportInput[], actor?: ImportActor): Promise<{ batchId: number }> {
    const batchId = await this.begin(files, actor);
    this.enqueue(batchId, files, actor).catch((err) => this.logger.error(`import ${batchId}: ${(err as Error).stack ?? err}`));
    return { batchId };
  }

  async listBatches(limit = 50, offset = 0): Promise<ImportBatchListResponse> {
    const { rows, total } = await this.batches.list(limit, offset);
    return { items: rows.map((r) => toBatchSummary(r, this.live.get(r.id))), total };
  }

  /** The errors of a batch as CSV (with a BOM, so Excel shows the Chinese messages right). */
  async errorsCsv(id: number): Promise<string> {
    const batch = await this.getBatch(id);
    // through the one CSV writer: a header cell like =HYPERLINK(...) echoed in a message stays inert
    const [columns, ...rows] = errorRows(batch.errors);
    return toCsv({ name: 'errors', columns, rows }, { bom: true }).toString('utf8');
  }

  async getBatch(id: number): Promise<ImportBatchResponse> {
    const row = await this.batches.getById(id);
    if (!row) throw new NotFoundException({ code: 'IMPORT_NOT_FOUND', message: `there is no import ${id}` });
    return toBatchResponse(row, await this.batches.getErrors(id), this.live.get(id));
  }

  private async begin(files: ImportInput[], actor: ImportActor): Promise<number> {
    // the files are listed once they are read (a zip or workbook holds several tables)
    return (await this.batches.createBatch(fingerprint(files), actorName(actor), [], 0)).id;
  }

  private enqueue(batchId: number, files: ImportInput[], actor: ImportActor, onProgress?: (done: number, total: number) => void): Promise<ImportResult> {
    const run = this.queue.then(() => this.run(batchId, files, actor, onProgress));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(batchId: number, files: ImportInput[], actor: ImportActor, onProgress?: (done: number, total: number) => void): Promise<ImportResult> {
    const fp = (await this.batches.getById(batchId))?.fingerprint;
    const last = await this.batches.lastStored();
    if (last && last.fingerprint === fp) {
      const listed = JSON.parse(last.files) as ImportFileCount[];
      const total = listed.reduce((s, f) => s + f.rows, 0);
      await this.batches.finishBatch(batchId, { status: 'unchanged', files: listed, totalRows: total, processedRows: total, errorCount: 0, errors: [] });
      await this.record(actor, 'import.completed', batchId, { status: 'unchanged', sameAs: last.id });
      return { batchId, status: 'unchanged', counts: countsOf(listed), errors: [], errorCount: 0 };
    }
    const sink = new ErrorSink(IMPORT_ERROR_CAP);
    const expanded = await expandInputs(files);
    expanded.errors.forEach((e) => sink.addError(e));
    const progress = { processed: 0, total: expanded.tables.reduce((s, t) => s + t.estimatedRows, 0) };
    this.live.set(batchId, progress);
    let lastSaved = Date.now();
    const report = (): void => {
      onProgress?.(progress.processed, progress.total);
      if (Date.now() - lastSaved > 1000) {
        lastSaved = Date.now();
        this.batches.updateProgress(batchId, progress.processed, progress.total).catch(() => undefined);
      }
    };
    let listed: ImportFileCount[] = expanded.tables.map((t) => ({ file: t.label, dataset: t.dataset, rows: t.estimatedRows }));
    try {
      const data = await validateDataset(expanded.tables, this.lookup(), sink, (n) => {
        progress.processed += n;
        report();
      });
      listed = tablesOf(data);
      progress.total = progress.processed = listed.reduce((s, f) => s + f.rows, 0);
      report();
      if (sink.count > 0) return await this.fail(batchId, actor, listed, progress.processed, sink);
      await this.dataset.writeDataset(toWrite(data), () => undefined, batchId);
      await this.batches.finishBatch(batchId, { status: 'succeeded', files: listed, totalRows: progress.total, processedRows: progress.total, errorCount: 0, errors: [] });
      await this.record(actor, 'import.completed', batchId, { status: 'succeeded', counts: countsOf(listed) });
      return { batchId, status: 'succeeded', counts: countsOf(listed), errors: [], errorCount: 0 };
    } catch (err) {
      // a bug or a database failure, not the data: nothing was stored (the write is one transaction)
      this.logger.error(`import ${batchId} failed: ${(err as Error).stack ?? err}`);
      sink.add('', null, 0, '', `the import could not be stored (${(err as Error).message.split('\n')[0]}); nothing was stored`);
      return await this.fail(batchId, actor, listed, progress.processed, sink);
    } finally {
      this.live.delete(batchId);
    }
  }

  private async fail(batchId: number, actor: ImportActor, listed: ImportFileCount[], processed: number, sink: ErrorSink): Promise<ImportResult> {
    const errors = sink.errors();
    const total = listed.reduce((s, f) => s + f.rows, 0);
    await this.batches.finishBatch(batchId, { status: 'failed', files: listed, totalRows: total, processedRows: processed, errorCount: sink.count, errors });
    await this.record(actor, 'import.failed', batchId, { errorCount: sink.count }, 'failure');
    return { batchId, status: 'failed', counts: countsOf(listed), errors, errorCount: sink.count };
  }

  private lookup() {
    return {
      institutions: () => this.dataset.getInstitutions(),
      existingUsccs: (usccs: string[]) => this.dataset.getExistingUsccs(usccs),
    };
  }

  private async record(actor: ImportActor, action: string, batchId: number, detail: Record<string, unknown>, outcome: 'success' | 'failure' = 'success'): Promise<void> {
    if (!this.audit) return;
    const who = typeof actor === 'object' ? { scope: actor } : { actor: actor ?? 'system' };
    await this.audit.record({ ...who, action, target: `import:${batchId}`, detail, outcome }).catch((err) => this.logger.warn(`audit: ${(err as Error).message}`));
  }
}

function actorName(actor: ImportActor): string | null {
  if (!actor) return null;
  return typeof actor === 'string' ? actor : actor.user.username;
}

/** sha256 over the files' names and contents, independent of their order. */
export function fingerprint(files: ImportInput[]): string {
  const parts = files.map((f) => `${f.name}\u0000${createHash('sha256').update(f.bytes).digest('hex')}`).sort();
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

async function readDirectory(dir: string): Promise<ImportInput[]> {
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a directory');
    names = await readdir(dir);
  } catch {
    throw new NotFoundException({ code: 'IMPORT_DIR_NOT_FOUND', message: `${dir} is not a readable folder` });
  }
  const files: ImportInput[] = [];
  for (const name of names.filter((n) => IMPORTABLE.test(n) && !n.startsWith('.')).sort()) {
    files.push({ name, bytes: await readFile(join(dir, name)) });
  }
  return files;
}

function tablesOf(data: ValidatedDataset): ImportFileCount[] {
  const out: ImportFileCount[] = [];
  for (const t of [data.institutions, data.enterprises, data.qualifications, data.loans, data.qualitative, data.penalties, data.applications, data.decisions]) {
    if (t) out.push({ file: t.label, dataset: t.dataset, rows: t.rowCount });
  }
  return out;
}

function countsOf(files: ImportFileCount[]): ImportCounts {
  const counts: ImportCounts = {};
  for (const f of files) if (f.dataset) counts[f.dataset] = (counts[f.dataset] ?? 0) + f.rows;
  return counts;
}

function toWrite(d: ValidatedDataset): DatasetWrite {
  return {
    institutions: d.institutions?.rows,
    closure: d.institutions ? closureOf(d.units.values()) : undefined,
    enterprises: d.enterprises?.rows,
    qualifications: d.qualifications?.rows,
    loanPeriods: d.loans ? [...new Set(d.loans.rows.map((r) => r.period))].sort() : undefined,
    loans: d.loans?.rows,
    qualitative: d.qualitative?.rows,
    penalties: d.penalties?.rows,
    applications: d.applications?.rows,
    decisions: d.decisions?.rows,
  };
}
