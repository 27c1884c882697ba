import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { existsSync } from 'fs';
import { MessageChannel } from 'node:worker_threads';
import { join } from 'path';
import Piscina from 'piscina';
import { APP_CONFIG, AppConfig } from '../../core/config/app-config';
import type { ComputeProgress, ComputeResult, ComputeTask } from './run-compute';
import type { WorkerTask } from './run-compute.worker';

/**
 * Where the worker's code is: the bundle's run-compute.worker.js next to main.js / cli.js, or
 * (tests and benchmarks run the TypeScript sources) run-compute.worker.dev.cjs, which compiles
 * the .ts entry in the worker with ts-node.
 */
function workerFile(): string {
  const built = join(__dirname, 'run-compute.worker.js');
  return existsSync(built) ? built : join(__dirname, 'run-compute.worker.dev.cjs');
}

/**
 * The threads that compute runs (fingerprint, aggregates, scores), so that neither SQLite's
 * synchronous reads nor a million partial rows ever hold the API's event loop. One thread per
 * concurrent run, started on demand, ended when idle; each opens its own read-only connection.
 */
@Injectable()
export class RunComputePool implements OnApplicationShutdown {
  private pool: Piscina<WorkerTask, ComputeResult> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * After RunsService.beforeApplicationShutdown has let runs finish within the grace period (or
   * failed them as shut down): ending the threads earlier (onModuleDestroy comes first) would cut
   * every run off with "Terminating worker thread".
   */
  async onApplicationShutdown(): Promise<void> {
    await this.pool?.destroy();
    this.pool = null;
  }

  /** Runs `task` on a worker thread; `onProgress` hears its stage and rows as it goes. */
  async run(task: ComputeTask, onProgress: (p: ComputeProgress) => void = () => undefined): Promise<ComputeResult> {
    const db = this.config.database;
    if (db.kind === 'sqlite' && (!db.sqlitePath || db.sqlitePath === ':memory:')) {
      throw new Error('a run needs a database file (sqlite:<file>) or MySQL: an in-memory SQLite cannot be opened by the run’s worker thread');
    }
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (p: ComputeProgress) => onProgress(p));
    try {
      return await this.threads().run({ db, task, port: port2 }, { transferList: [port2] });
    } finally {
      port1.close();
    }
  }

  private threads(): Piscina<WorkerTask, ComputeResult> {
    if (!this.pool) {
      this.pool = new Piscina<WorkerTask, ComputeResult>({
        filename: workerFile(),
        // piscina 4 queues tasks without ever starting a thread when minThreads is 0
        minThreads: 1,
        maxThreads: 2,
        idleTimeout: 30_000,
      });
    }
    return this.pool;
  }
}
