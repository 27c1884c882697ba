import { ImportCodedMessage, importMessage } from '@sci/shared';
import { hostname } from 'os';
import { LeaseRepository } from '../runs/lease.repository';
import { ImportBatchEntity } from '../dataset/entities/import-batch.entity';
import { ImportRepository } from './import.repository';

/** The lease every import of a database takes (MySQL): one import at a time across replicas. */
export const IMPORT_LEASE = 'import';

/** Another process is importing into this database; this batch was not started. */
export class ImportBusyError extends Error {
  constructor(readonly coded: ImportCodedMessage) {
    super(coded.message);
  }
}

export interface ImportLeaseOptions {
  /** lease lifetime without a heartbeat */
  ttlMs?: number;
  heartbeatMs?: number;
  /** how long a batch waits for the running import before it reports "in progress" */
  waitMs?: number;
}

let instances = 0;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** A batch without a holder (written by an older version) counts as abandoned after this. */
const STALE_MS = 30 * 60 * 1000;

/**
 * Who runs which import batch, across processes (issue 18). Each service instance has a holder id
 * `host:pid#n`. On MySQL an import holds the `import` lease (heartbeat every few seconds, lease and
 * batch alike); a second process's batch waits for it a while, then fails with "another import is
 * in progress" instead of a lock wait timeout. On SQLite the database's own write lock serialises
 * imports (it is released by the OS when a process dies) and main-connection writes would wait
 * behind the import's transaction, so no heartbeat is written there. Either way a running batch
 * whose holder is gone (a dead pid on this host, a stale heartbeat, this process restarted) is
 * marked failed as soon as anyone looks.
 */
export class ImportLease {
  readonly holder = `${hostname()}:${process.pid}#${++instances}`;
  private readonly ttlMs: number;
  private readonly heartbeatMs: number;
  readonly waitMs: number;

  constructor(
    private readonly batches: ImportRepository,
    private readonly leases: LeaseRepository | undefined,
    private readonly heartbeats: boolean,
    opts: ImportLeaseOptions = {},
  ) {
    this.ttlMs = opts.ttlMs ?? 30000;
    this.heartbeatMs = opts.heartbeatMs ?? 5000;
    this.waitMs = opts.waitMs ?? 15000;
  }

  /**
   * Takes the import lease for a batch (MySQL), waiting up to waitMs; returns the function that
   * stops the heartbeat and releases it.
   */
  async acquire(batchId: number): Promise<() => Promise<void>> {
    if (!this.leases || !this.heartbeats) return async () => undefined;
    const leases = this.leases;
    const until = Date.now() + this.waitMs;
    while (!(await leases.tryAcquire(IMPORT_LEASE, this.holder, this.ttlMs))) {
      if (Date.now() >= until) throw new ImportBusyError(await this.busyMessage(batchId));
      await sleep(250);
    }
    const timer = setInterval(() => {
      leases.heartbeat(IMPORT_LEASE, this.holder, this.ttlMs).catch(() => undefined);
      this.batches.heartbeat(batchId).catch(() => undefined);
    }, this.heartbeatMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await leases.release(IMPORT_LEASE, this.holder).catch(() => undefined);
    };
  }

  /** "another import is in progress", naming it when it can be found. */
  async busyMessage(batchId: number): Promise<ImportCodedMessage> {
    const other = (await this.batches.listRunning()).find((b) => b.id !== batchId);
    return importMessage('IMPORT_IN_PROGRESS', { batch: other?.id ?? '?', holder: other?.holder ?? '?' });
  }

  /** Marks failed every running batch whose holder is gone; `ours`: batches this instance still has. */
  async reapAbandoned(ours: ReadonlySet<number>, now = Date.now()): Promise<number> {
    let n = 0;
    for (const b of await this.batches.listRunning()) {
      const why = this.goneReason(b, ours, now);
      if (why && (await this.batches.failAbandoned(b.id, importMessage('IMPORT_INTERRUPTED', { holder: why })))) n++;
    }
    return n;
  }

  /** The holder of a running batch whose process is gone (for the message), or null if it lives. */
  private goneReason(b: ImportBatchEntity, ours: ReadonlySet<number>, now: number): string | null {
    if (!b.holder) return new Date(b.createdAt).getTime() < now - STALE_MS ? 'the server' : null;
    if (b.holder === this.holder) return ours.has(b.id) ? null : b.holder;
    const m = /^(.*):(\d+)#\d+$/.exec(b.holder);
    if (m && m[1] === hostname() && !pidAlive(Number(m[2]))) return b.holder;
    // another host: it stopped sending heartbeats (three missed)
    if (this.heartbeats && b.heartbeatAt !== null && b.heartbeatAt < now - 3 * this.heartbeatMs) return b.holder;
    return null;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive, owned by someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
