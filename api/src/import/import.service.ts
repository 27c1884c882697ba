import { ConflictException, Inject, Injectable, Logger, NotFoundException, OnModuleInit, Optional } from '@nestjs/common';
import { createHash } from 'crypto';
import { readdir, rm, stat } from 'fs/promises';
import { join } from 'path';
import { ImportCodedMessage, importMessage, IMPORT_ERROR_CAP, ImportBatchListResponse, ImportBatchResponse, ImportCounts, ImportFileCount, ImportResult } from '@sci/shared';
import { AuditService } from '../audit/audit.service';
import { toCsv } from '../exports/tabular-writer';
import type { AccessScope } from '../core/auth/access-scope';
import { DatasetRepository, WriteLockBusyError } from '../dataset/dataset.repository';
import { LeaseRepository } from '../runs/lease.repository';
import { ImportBusyError, ImportLease, ImportLeaseOptions } from './import-lease';
import { errorRows, toBatchResponse, toBatchSummary } from './import.mapper';
import { ImportRepository } from './import.repository';
import { runImport } from './import-pipeline';
import { expandInputs, ImportInput, sourceOf } from './parse/sources';
import { ErrorSink } from './validate/error-sink';

/** Who imports: the caller's scope (API), a user name (CLI, seeding) or nobody. */
export type ImportActor = AccessScope | string | undefined;

const IMPORTABLE = /\.(csv|xlsx|zip|xls|ods)$/i;
/** Nest token for the import lease's timings (tests shorten them). */
export const IMPORT_LEASE_OPTIONS = 'IMPORT_LEASE_OPTIONS';

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

  /** batches this instance has queued or is running */
  private readonly ours = new Set<number>();
  private readonly lease: ImportLease;

  constructor(
    private readonly batches: ImportRepository,
    private readonly dataset: DatasetRepository,
    @Optional() private readonly audit?: AuditService,
    @Optional() leases?: LeaseRepository,
    @Optional() @Inject(IMPORT_LEASE_OPTIONS) leaseOptions?: ImportLeaseOptions,
  ) {
    this.lease = new ImportLease(batches, leases, dataset.dialect === 'mysql', leaseOptions);
  }

  async onModuleInit(): Promise<void> {
    const n = await this.reapAbandoned();
    if (n) this.logger.warn(`${n} interrupted import(s) marked failed`);
  }

  /** Marks failed the running batches whose process is gone (any process may do it, at once). */
  async reapAbandoned(): Promise<number> {
    return this.lease.reapAbandoned(this.ours).catch(() => 0);
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
    await this.reapAbandoned();
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
    await this.reapAbandoned();
    const row = await this.batches.getById(id);
    if (!row) throw new NotFoundException({ code: 'IMPORT_NOT_FOUND', message: `there is no import ${id}` });
    return toBatchResponse(row, await this.batches.getErrors(id), this.live.get(id));
  }

  private async begin(files: ImportInput[], actor: ImportActor): Promise<number> {
    // the files are listed once they are read (a zip or workbook holds several tables)
    const fp = await fingerprint(files);
    let id: number;
    try {
      id = (await this.batches.createBatch(fp, actorName(actor), [], 0, this.lease.holder)).id;
    } catch (err) {
      // SQLite: another process's import holds the write lock until it commits
      if (!/SQLITE_BUSY|database is locked/.test(String((err as { code?: string }).code) + (err as Error).message)) throw err;
      throw new ConflictException({ code: 'IMPORT_LOCKED', message: 'another import is in progress (the database is locked for writing); send this one again when that one has finished' });
    }
    this.ours.add(id);
    return id;
  }

  private enqueue(batchId: number, files: ImportInput[], actor: ImportActor, onProgress?: (done: number, total: number) => void): Promise<ImportResult> {
    const run = this.queue
      .then(() => this.runLeased(batchId, files, actor, onProgress))
      .finally(() => {
        this.ours.delete(batchId);
        return removeTemporary(files);
      });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Runs a batch under the import lease, or fails it with "another import is in progress". */
  private async runLeased(batchId: number, files: ImportInput[], actor: ImportActor, onProgress?: (done: number, total: number) => void): Promise<ImportResult> {
    let release: () => Promise<void>;
    try {
      release = await this.lease.acquire(batchId);
    } catch (err) {
      if (!(err instanceof ImportBusyError)) throw err;
      return this.busy(batchId, actor, err.coded);
    }
    try {
      return await this.run(batchId, files, actor, onProgress);
    } finally {
      await release();
    }
  }

  private async busy(batchId: number, actor: ImportActor, message: ImportCodedMessage): Promise<ImportResult> {
    const sink = new ErrorSink(IMPORT_ERROR_CAP);
    sink.add('', null, 0, '', message);
    return this.fail(batchId, actor, [], 0, sink);
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
    // on SQLite the import's own connection holds the write lock: progress stays in memory
    const saveProgress = this.dataset.dialect === 'mysql';
    let lastSaved = Date.now();
    const report = (): void => {
      progress.total = Math.max(progress.total, progress.processed);
      onProgress?.(progress.processed, progress.total);
      if (saveProgress && Date.now() - lastSaved > 1000) {
        lastSaved = Date.now();
        this.batches.updateProgress(batchId, progress.processed, progress.total).catch(() => undefined);
      }
    };
    let listed: ImportFileCount[] = expanded.tables.map((t) => ({ file: t.label, dataset: t.dataset, rows: t.estimatedRows }));
    try {
      if (sink.count > 0) return await this.fail(batchId, actor, listed, 0, sink);
      const outcome = await runImport(
        expanded.tables,
        this.dataset,
        this.lookup(),
        sink,
        batchId,
        {
          onRows: (n) => {
            progress.processed += n;
            report();
          },
        },
        this.lease.waitMs,
      );
      listed = outcome.listed;
      progress.total = progress.processed = listed.reduce((s, f) => s + f.rows, 0);
      report();
      if (!outcome.stored || sink.count > 0) return await this.fail(batchId, actor, listed, progress.processed, sink);
      await this.batches.finishBatch(batchId, { status: 'succeeded', files: listed, totalRows: progress.total, processedRows: progress.total, errorCount: 0, errors: [] });
      await this.record(actor, 'import.completed', batchId, { status: 'succeeded', counts: countsOf(listed) });
      return { batchId, status: 'succeeded', counts: countsOf(listed), errors: [], errorCount: 0 };
    } catch (err) {
      if (err instanceof WriteLockBusyError) {
        sink.add('', null, 0, '', await this.lease.busyMessage(batchId));
        return await this.fail(batchId, actor, listed, progress.processed, sink);
      }
      // a bug or a database failure, not the data: nothing was stored (the write is one transaction)
      this.logger.error(`import ${batchId} failed: ${(err as Error).stack ?? err}`);
      sink.add('', null, 0, '', importMessage('STORE_FAILED', { detail: (err as Error).message.split('\n')[0] }));
      return await this.fail(batchId, actor, listed, progress.processed, sink);
    } finally {
      this.live.delete(batchId);
      await expanded.close();
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
      allUsccs: () => this.dataset.getAllUsccs(),
    };
  }

  private async record(actor: ImportActor, action: string, batchId: number, detail: Record<string, unknown>, outcome: 'success' | 'failure' = 'success'): Promise<void> {
    if (!this.audit) return;
    const who = typeof actor === 'object' ? { scope: actor } : { actor: actor ?? 'system' };
    await this.audit.record({ ...who, action, target: `import:${batchId}`, detail, outcome }).catch((err) => this.logger.warn(`audit: ${(err as Error).message}`));
  }
}

async function removeTemporary(files: ImportInput[]): Promise<void> {
  for (const f of files) if (f.temporary && f.path) await rm(f.path, { force: true }).catch(() => undefined);
}

function actorName(actor: ImportActor): string | null {
  if (!actor) return null;
  return typeof actor === 'string' ? actor : actor.user.username;
}

/** sha256 over the files' names and contents, independent of their order (files streamed). */
export async function fingerprint(files: ImportInput[]): Promise<string> {
  const parts: string[] = [];
  for (const f of files) {
    const h = createHash('sha256');
    for await (const chunk of await sourceOf(f).open()) h.update(chunk as Buffer);
    parts.push(`${f.name}\u0000${h.digest('hex')}`);
  }
  return createHash('sha256').update(parts.sort().join('\n')).digest('hex');
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
  // .xls/.ods are listed too, so they are refused by name rather than skipped in silence
  for (const name of names.filter((n) => IMPORTABLE.test(n) && !n.startsWith('.')).sort()) {
    files.push({ name, path: join(dir, name) });
  }
  return files;
}

function countsOf(files: ImportFileCount[]): ImportCounts {
  const counts: ImportCounts = {};
  for (const f of files) if (f.dataset) counts[f.dataset] = (counts[f.dataset] ?? 0) + f.rows;
  return counts;
}
