import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportCodedMessage, ImportError, ImportFileCount, ImportStatus } from '@sci/shared';
import { DataSource, LessThan } from 'typeorm';
import { ImportBatchEntity, ImportErrorEntity } from '../dataset/entities/import-batch.entity';

export interface BatchFinish {
  status: ImportStatus;
  files: ImportFileCount[];
  totalRows: number;
  processedRows: number;
  errorCount: number;
  errors: ImportError[];
}

/** The import_batch rows: one per import, written outside the batch's own transaction. */
@Injectable()
export class ImportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ImportBatchEntity);
  }

  async createBatch(fingerprint: string, createdBy: string | null, files: ImportFileCount[], totalRows: number, holder: string | null = null): Promise<ImportBatchEntity> {
    return this.repo.save(
      this.repo.create({
        fingerprint,
        holder,
        heartbeatAt: holder ? Date.now() : null,
        status: 'running',
        createdBy,
        createdAt: new Date(),
        finishedAt: null,
        files: JSON.stringify(files),
        totalRows,
        processedRows: 0,
        errorCount: 0,
        errors: null,
      }),
    );
  }

  async updateProgress(id: number, processedRows: number, totalRows: number): Promise<void> {
    await this.repo.update({ id }, { processedRows, totalRows });
  }

  /** The holder is alive: for other processes deciding whether a running batch was abandoned. */
  async heartbeat(id: number, now = Date.now()): Promise<void> {
    await this.repo.update({ id, status: 'running' }, { heartbeatAt: now });
  }

  /** Batches still marked running, oldest first (a handful at most). */
  async listRunning(): Promise<ImportBatchEntity[]> {
    return this.repo.find({ where: { status: 'running' }, order: { id: 'ASC' }, select: { id: true, holder: true, heartbeatAt: true, createdAt: true, status: true } });
  }

  /** Marks a running batch failed with one error (its process is gone); false if it had finished. */
  async failAbandoned(id: number, text: ImportCodedMessage): Promise<boolean> {
    const r = await this.repo.update({ id, status: 'running' }, { status: 'failed', finishedAt: new Date(), errorCount: 1 });
    if (!r.affected) return false;
    await this.dataSource
      .getRepository(ImportErrorEntity)
      .insert({ batchId: id, seq: 0, file: '', line: 0, column: '', message: text.message, code: text.code, params: JSON.stringify(text.params) });
    return true;
  }

  /** Records the outcome and the (capped) errors of a batch, in one transaction. */
  async finishBatch(id: number, f: BatchFinish): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.update(ImportBatchEntity, { id }, {
        status: f.status,
        finishedAt: new Date(),
        files: JSON.stringify(f.files),
        totalRows: f.totalRows,
        processedRows: f.processedRows,
        errorCount: f.errorCount,
        errors: null,
      });
      const rows = f.errors.map((e, seq) => ({
        batchId: id,
        seq,
        file: clip(e.file, 255),
        line: e.line,
        column: clip(e.column, 64),
        message: clip(e.message, 500),
        code: e.code ?? null,
        params: e.params ? JSON.stringify(e.params) : null,
      }));
      for (let i = 0; i < rows.length; i += 200) await m.insert(ImportErrorEntity, rows.slice(i, i + 200));
    });
  }

  async getErrors(batchId: number): Promise<ImportError[]> {
    const rows = await this.dataSource.getRepository(ImportErrorEntity).find({ where: { batchId }, order: { seq: 'ASC' } });
    return rows.map((r) => ({
      file: r.file,
      line: r.line,
      column: r.column,
      message: r.message,
      ...(r.code ? { code: r.code, params: r.params ? (JSON.parse(r.params) as Record<string, string | number>) : {} } : {}),
    }));
  }

  /** The last import that stored data, if any. */
  async lastStored(): Promise<ImportBatchEntity | null> {
    return this.repo.findOne({ where: { status: 'succeeded' }, order: { id: 'DESC' } });
  }

  async getById(id: number): Promise<ImportBatchEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  async list(limit: number, offset: number): Promise<{ rows: ImportBatchEntity[]; total: number }> {
    const [rows, total] = await this.repo.findAndCount({
      order: { id: 'DESC' },
      take: limit,
      skip: offset,
      select: { id: true, status: true, createdBy: true, createdAt: true, finishedAt: true, files: true, totalRows: true, processedRows: true, errorCount: true, fingerprint: true, holder: true, heartbeatAt: true },
    });
    return { rows, total };
  }

  /** Batches left 'running' by a process that stopped: they stored nothing. */
  async failInterrupted(startedBefore: Date): Promise<number> {
    const stale = await this.repo.find({ where: { status: 'running', createdAt: LessThan(startedBefore) }, select: { id: true } });
    for (const b of stale) {
      await this.finishBatch(b.id, {
        status: 'failed',
        files: [],
        totalRows: 0,
        processedRows: 0,
        errorCount: 1,
        errors: [{ file: '', line: 0, column: '', message: 'the import was interrupted (the server stopped); nothing was stored' }],
      });
    }
    return stale.length;
  }
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
