import type { MessagePort } from 'node:worker_threads';
import type { DatabaseConfig } from '../../core/config/app-config';
import { ComputeReadRepository } from './compute-read.repository';
import { computeRun, type ComputeResult, type ComputeTask } from './run-compute';

/** What the main process sends a run's worker: the database to open, the task, a port for progress. */
export interface WorkerTask {
  db: DatabaseConfig;
  task: ComputeTask;
  port?: MessagePort;
}

/**
 * The worker thread's entry (piscina calls the default export): opens its own read-only
 * connection and snapshot, computes, closes. Progress goes back over `port`.
 */
export default async function runComputeWorker({ db, task, port }: WorkerTask): Promise<ComputeResult> {
  const read = await ComputeReadRepository.open(db);
  try {
    return await computeRun(read, task, (p) => port?.postMessage(p));
  } finally {
    await read.close();
    port?.close();
  }
}
